import Testing

@testable import Quire

/// Only the fields a model uses are resolved, and they record what runs: a kernel model has no
/// `train`, and `train.gradient` is the method training actually used.
struct ModelFieldTests: DocumentEvaluating {
    /// The canonical spec of the block's points, decoded without running anything.
    func canonical(_ body: String, noise: String = "") throws -> CanonicalJSON {
        let text = noise + "```experiment id=e\n\(body)\n```\n"
        let plan = try Notebook.plan(bytes: Array(text.utf8), file: "p.md", options: RunOptions())
        return try #require(plan.blocks.last).prepared.get().record.spec
    }

    func leaves(_ spec: CanonicalJSON) -> [String: String] {
        Dictionary(uniqueKeysWithValues: spec.leaves().map { ($0.path, $0.value) })
    }

    /// Found by review: a kernel model carried an unused `train` that made it stale when edited.
    @Test func aKernelModelResolvesNoTrainSection() throws {
        let spec = leaves(try canonical("dataset: {name: moons, samples: 30}\nmodel: {kind: kernel}\nbaselines: []"))
        #expect(spec["train"] == "null" && !spec.keys.contains { $0.hasPrefix("train.") }, "\(spec)")
        let message = error("```experiment id=e\ndataset: {name: moons}\nmodel: {kind: kernel}\ntrain: {epochs: 5}\nbaselines: []\n```\n")
        #expect(message.hasPrefix("paper.md:4:8: error: 'train' is given but a kernel model is not trained"), "\(message)")
        let baselinesOnly = error("```experiment id=e\ndataset: {name: moons}\ntrain: {epochs: 5}\n```\n")
        #expect(baselinesOnly.hasPrefix("paper.md:3:8: error: 'train' is given but there is no quantum model to train"), "\(baselinesOnly)")
    }

    @Test func sweepingTrainForAKernelModelIsRefusedAtTheSweep() {
        let message = error("```experiment id=e\ndataset: {name: moons}\nmodel: {kind: kernel}\nsweep: {train.epochs: [1, 2]}\n```\n")
        #expect(message.hasPrefix("paper.md:4:9: error: 'train' is given but a kernel model is not trained"), "\(message)")
    }

    /// A sweep over the model kind may carry a `train` for its variational points; the kernel
    /// points resolve none.
    @Test func aSweepOverTheModelKindKeepsTrainForTheVariationalPointsOnly() throws {
        let body =
            "dataset: {name: moons, samples: 30}\nmodel: {qubits: 2}\ntrain: {epochs: 3}\nbaselines: []\nsweep: {model.kind: [variational, kernel]}"
        let spec = leaves(try canonical(body))
        #expect(spec["points.0.train.epochs"] == "3" && spec["points.1.train"] == "null", "\(spec)")
    }

    /// Found by review: `gradient: adjoint` was recorded where parameter-shift or SPSA ran.
    @Test(arguments: [
        ("execution: {shots: 100}", "", "\"parameter-shift\""),
        ("execution: {engine: trajectories}", "", "\"parameter-shift\""),
        ("train: {optimizer: spsa}", "", "\"spsa\""),
        ("execution: {noise: lab}", "", "\"adjoint\""),
        ("execution: {noise: lab, shots: 10}", "", "\"parameter-shift\""),
        ("execution: {noise: lab}", "train: {gradient: spsa}", "\"spsa\""),
        ("", "", "\"adjoint\""),
    ])
    func theGradientRecordedIsTheOneThatRuns(execution: String, train: String, gradient: String) throws {
        let noise = "```noise id=lab\ndepolarizing: {one_qubit: 0.01}\n```\n\n"
        let body = "dataset: {name: moons, samples: 30}\nmodel: {kind: variational, qubits: 2}\n\(execution)\n\(train)\nbaselines: []"
        #expect(leaves(try canonical(body, noise: noise))["train.gradient"] == gradient)
    }

    @Test func aGradientThatCannotRunIsRefusedWhereItIsWritten() {
        let shots = error(
            "```experiment id=e\ndataset: {name: moons}\nmodel: {qubits: 2}\nexecution: {shots: 100}\ntrain: {gradient: adjoint}\n```\n")
        #expect(shots.hasPrefix("paper.md:5:19: error: adjoint gradients need exact states"), "\(shots)")
        let spsa = error("```experiment id=e\ndataset: {name: moons}\nmodel: {qubits: 2}\ntrain: {optimizer: spsa, gradient: parameter-shift}\n```\n")
        #expect(spsa.hasPrefix("paper.md:4:36: error: gradient parameter-shift cannot be used with the spsa optimizer"), "\(spsa)")
    }

    /// What was recorded is what ran: training with the resolved gradient on shots succeeds.
    @Test func shotBasedTrainingWithTheDefaultGradientRuns() throws {
        let text =
            "```experiment id=e\ndataset: {name: moons, samples: 20}\nmodel: {qubits: 2, layers: 1}\ntrain: {epochs: 1, batch_size: 10}\nexecution: {shots: 50}\nbaselines: []\n```\n"
        #expect(try run(text).contains("| variational (strongly-entangling, 1 layer) |"))
    }
}
