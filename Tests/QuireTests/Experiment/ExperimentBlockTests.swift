import QuireCore
import Testing
import Yams

@testable import Quire

/// `experiment` blocks: decoded strictly, run deterministically, reported per model or per sweep point.
struct ExperimentBlockTests: DocumentEvaluating {
    static let block = "```experiment id=e\ndataset: {name: moons, samples: 60, noise: 0.1}\nbaselines: [logistic-regression]\n```\n"

    @Test func aRunIsReproducibleAndIndependentOfOtherBlocks() throws {
        let once = try run(Self.block)
        #expect(try run(once) == once)
        let region = { (text: String) in text.components(separatedBy: "<!-- quire:output id=e -->")[1].components(separatedBy: "<!--")[0] }
        #expect(region(once) == region(try run("```noise id=n\n```\n\n" + Self.block)))
        #expect(region(once).contains("60 samples (42 train / 18 test, stratified), 2 features"))
        #expect(once.contains("\"data_sha256\""))
    }

    /// A knn or hist-gbt baseline reports its chosen settings, and the appendix lists its whole grid.
    @Test(arguments: [("knn", "n_neighbors=", 12), ("hist-gbt", "max_leaf_nodes=", 9)])
    func aBaselineReportsItsChoiceAndGrid(name: String, setting: String, gridSize: Int) throws {
        let text = Self.block.replacingOccurrences(of: "[logistic-regression]", with: "[\(name)]")
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        let out = String(decoding: evaluation.document, as: UTF8.self)
        #expect(out.contains("| \(name) "), "\(out)")
        #expect(out.contains(setting))
        let record = try #require(evaluation.records.first)
        guard case .object(let grids)? = record.details["baseline_grids"], case .array(let points)? = grids[name] else {
            Issue.record("no \(name) grid in \(record.details)")
            return
        }
        #expect(points.count == gridSize)
    }

    @Test func figuresFollowTheReportList() throws {
        let text = Self.block.replacingOccurrences(
            of: "baselines: [logistic-regression]", with: "baselines: [logistic-regression]\nreport: [metrics, confusion-matrix]")
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        #expect(Array(evaluation.figures.keys) == ["paper.figures/e-accuracy.svg", "paper.figures/e-confusion-logistic-regression.svg"])
    }

    /// The canonical spec of the block's only point, decoded without running anything.
    func canonicalSpec(_ body: String) throws -> CanonicalJSON {
        let text = "```experiment id=e\n\(body)```\n"
        return try #require(try Notebook.plan(bytes: Array(text.utf8), file: "p.md", options: RunOptions()).blocks.first).prepared.get().record.spec
    }

    /// Found by Fuzz/experiment: the canonical spec records an unset qubit count as `qubits: auto`,
    /// which the decoder refused, so a spec copied from the appendix did not decode.
    @Test func theCanonicalSpecWrittenOutAsABodyDecodesToItself() throws {
        let spec = try canonicalSpec("dataset: {name: moons, samples: 20}\nmodel: {kind: kernel}\nbaselines: []\n")
        let yaml = try Yams.serialize(node: spec.yamlNode)
        #expect(yaml.contains("qubits: auto"))
        #expect(try canonicalSpec(yaml) == spec)
        #expect(try canonicalSpec("dataset: {name: moons}\nmodel: {qubits: 3}\n").leaves().contains { $0.path == "model.qubits" && $0.value == "3" })
    }

    @Test func theResolvedSpecWritesEveryDefault() throws {
        let record = try #require(try Notebook.evaluate(bytes: Array(Self.block.utf8), file: "p.md", options: RunOptions()).records.first)
        let paths = Set(record.spec.leaves().map(\.path))
        #expect(
            paths.isSuperset(of: ["dataset.test_fraction", "dataset.scale", "dataset.scale_range.1", "execution.engine", "execution.shots", "repeat"])
        )
    }

    @Test(arguments: [
        ("dataset: {name: moon}", "2:17", "unknown dataset generator 'moon'"),
        ("dataset: {name: moons, noise: -1}", "2:31", "noise"),
        ("dataset: {name: moons, smaples: 10}", "2:24", "did you mean 'samples'"),
        ("dataset: {name: moons}\nbaselines: [svm]", "3:13", "unknown baseline 'svm'"),
        ("dataset: {name: moons}\nbaselines: [knn, svm]", "3:18", "baselines: logistic-regression, rbf-svm, mlp, knn, hist-gbt"),
        // Every named choice is decoded once, at its field, naming the choices.
        ("dataset: {name: moons}\nmodel: {kind: quantum}", "3:15", "'model.kind' is 'quantum', not one of variational, kernel"),
        ("dataset: {name: moons}\nmodel: {ansatz: ring}", "3:17", "'model.ansatz' is 'ring', not one of hardware-efficient, strongly-entangling"),
        (
            "dataset: {name: moons}\nmodel: {}\nencoding: {kind: fourier}", "4:18",
            "'encoding.kind' is 'fourier', not one of angle, amplitude, basis, iqp, reupload"
        ),
        ("dataset: {name: moons}\nmodel: {}\nencoding: {rotation: w}", "4:22", "'encoding.rotation' is 'w', not one of x, y, z"),
        ("dataset: {name: moons}\nmodel: {}\ntrain: {optimizer: lbfgs}", "4:20", "'train.optimizer' is 'lbfgs', not one of adam, sgd, spsa"),
        (
            "dataset: {name: moons}\nmodel: {}\ntrain: {gradient: finite}", "4:19",
            "'train.gradient' is 'finite', not one of adjoint, parameter-shift, spsa"
        ),
        ("dataset: {name: moons}\nmodel: {}\ntrain: {loss: hinge}", "4:15", "'train.loss' is 'hinge', not one of square, cross-entropy"),
        (
            "dataset: {name: moons}\nmodel: {}\nexecution: {mitigation: {zne: {extrapolation: cubic}}}", "4:47",
            "is 'cubic', not one of linear, richardson, exponential"
        ),
        ("dataset: {name: moons}\nrepeat: 0", "3:9", "repeat"),
        ("dataset: {name: moons}\nsweep: {data.noise: [0]}", "3:9", "does not start with a field"),
        ("dataset: {name: moons}\nexecution: {noise: nope}", "3:20", "no noise block has id 'nope'"),
        // A sweep into an unknown noise block was located at the body's first line.
        (
            "dataset: {name: moons}\nexecution: {noise: nope}\nsweep: {execution.noise.readout.prob_meas1_prep0: [0]}", "3:20",
            "no noise block has id 'nope'"
        ),
    ])
    func badSpecsAreLocated(body: String, location: String, fragment: String) {
        let message = error("```experiment id=e\n\(body)\n```\n")
        #expect(message.hasPrefix("paper.md:\(location): error:"), "\(message)")
        #expect(message.contains(fragment), "\(message)")
    }

    @Test func aSweepGivesOneRowPerPointAndCanReachIntoANoiseBlock() throws {
        let text = """
            ```noise id=lab
            depolarizing: {one_qubit: 0.001, two_qubit: 0.01}
            ```

            ```experiment id=e
            dataset: {name: moons, samples: 40}
            baselines: [logistic-regression]
            execution: {noise: lab}
            sweep: {execution.noise.depolarizing.two_qubit: [0, 0.02], dataset.samples: [40, 50]}
            ```

            """
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "p.md", options: RunOptions())
        let out = String(decoding: evaluation.document, as: UTF8.self)
        #expect(out.contains("| `execution.noise.depolarizing.two_qubit` | `dataset.samples` |"))
        let record = try #require(evaluation.records.first { $0.id == "e" })
        let leaves = Dictionary(uniqueKeysWithValues: record.spec.leaves().map { ($0.path, $0.value) })
        #expect(leaves["points.3.execution.noise_profile.depolarizing.two_qubit"] == "0.02")
        #expect(leaves["points.3.execution.noise_profile.depolarizing.one_qubit"] == "0.001")
        #expect(leaves["points.3.dataset.samples"] == "50")
        #expect(leaves["points.0.execution.noise_profile.depolarizing.two_qubit"] == "0")
    }
}

extension ExperimentBlockTests {
    /// A misspelt field in a sweep path is reported where the path is written, not at the block.
    @Test func aMisspeltSweepPathIsLocatedAtItsKey() {
        let message = error("```experiment id=e\ndataset: {name: moons}\nmodel: {kind: variational}\nsweep: {train.epochz: [1, 2]}\n```\n")
        #expect(message.contains("paper.md:4:9:") && message.contains("unknown key 'epochz' in 'train' (did you mean 'epochs'?)"), "\(message)")
    }

    /// A sweep over numbers draws a line; over names (encodings here) one group of bars per value,
    /// in sweep order, with one bar per model.
    @Test func aSweepOverNamesDrawsGroupedBars() throws {
        let text = """
            ```experiment id=e
            dataset: {name: moons, samples: 40}
            model: {kind: kernel}
            baselines: [logistic-regression]
            sweep: {encoding.kind: [angle, iqp, amplitude]}
            ```

            """
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "p.md", options: RunOptions())
        let svg = String(decoding: try #require(evaluation.figures["p.figures/e-sweep.svg"]), as: UTF8.self)
        let labels = ["angle", "iqp", "amplitude"].map { svg.range(of: ">\($0)</text>")?.lowerBound }
        #expect(labels.allSatisfy { $0 != nil } && labels.map { $0! } == labels.map { $0! }.sorted(), "categories in sweep order")
        #expect(svg.components(separatedBy: "<rect class=\"bar").count - 1 == 6, "3 values × 2 models")
        #expect(
            String(decoding: evaluation.document, as: UTF8.self).contains("![Test accuracy at each value of `encoding.kind`](p.figures/e-sweep.svg)"))
    }
}

/// Experiments with a quantum model: trained deterministically, on an ideal or a noisy device.
struct QuantumExperimentTests {
    static let spec = """
        dataset: {name: moons, samples: 40, noise: 0.1}
        model: {kind: variational, qubits: 2, layers: 1}
        train: {epochs: 3, batch_size: 8}
        baselines: []
        report: [metrics, loss-curve, decision-boundary]
        """

    func evaluate(_ body: String, noise: String = "") throws -> Evaluation {
        let text = noise + "```experiment id=q\n\(body)\n```\n"
        return try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
    }

    @Test func aVariationalModelTrainsReproduciblyWithALossCurve() throws {
        let first = try evaluate(Self.spec)
        let out = String(decoding: first.document, as: UTF8.self)
        #expect(out.contains("| variational (strongly-entangling, 1 layer) |"))
        #expect(Array(first.figures.keys) == ["paper.figures/q-accuracy.svg", "paper.figures/q-loss.svg", "paper.figures/q-boundary.svg"])
        #expect(try evaluate(Self.spec).document == first.document)
        let leaves = Dictionary(uniqueKeysWithValues: try #require(first.records.first).spec.leaves().map { ($0.path, $0.value) })
        #expect(
            leaves["train.gradient"] == "\"adjoint\"" && leaves["encoding.rotation"] == "\"y\"" && leaves["model.ansatz"] == "\"strongly-entangling\""
        )
    }

    @Test func aNoisyDeviceTrainsWithParameterShiftOnTheDensityMatrix() throws {
        let noise = "```noise id=lab\ndepolarizing: {one_qubit: 0.01, two_qubit: 0.05}\n```\n\n"
        let body = Self.spec.replacingOccurrences(
            of: "train: {epochs: 3, batch_size: 8}", with: "train: {epochs: 2, batch_size: 8, gradient: parameter-shift}\nexecution: {noise: lab}")
        let noisy = String(decoding: try evaluate(body, noise: noise).document, as: UTF8.self)
        let ideal = String(
            decoding: try evaluate(body.replacingOccurrences(of: "execution: {noise: lab}", with: ""), noise: noise).document, as: UTF8.self)
        let row = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("| variational") }.map(String.init) }
        #expect(row(noisy) != nil && row(noisy) != row(ideal))
    }
}

/// The quantum-kernel model and error-mitigated rows.
struct KernelAndMitigationTests {
    @Test func aKernelModelAndAMitigatedVariationalModelGetTheirOwnRows() throws {
        let text = """
            ```noise id=lab
            depolarizing: {one_qubit: 0.01, two_qubit: 0.05}
            readout: {prob_meas1_prep0: 0.03, prob_meas0_prep1: 0.05}
            ```

            ```experiment id=k
            dataset: {name: circles, samples: 40, noise: 0.05, factor: 0.5}
            encoding: {kind: iqp, reps: 1}
            model: {kind: kernel}
            baselines: []
            ```

            ```experiment id=m
            dataset: {name: moons, samples: 30, noise: 0.1}
            model: {kind: variational, qubits: 2, layers: 1}
            train: {epochs: 1, batch_size: 8, gradient: parameter-shift}
            execution: {noise: lab, mitigation: {zne: {scale_factors: [1, 3]}, readout: true}}
            baselines: []
            ```

            """
        let out = String(decoding: try Notebook.evaluate(bytes: Array(text.utf8), file: "p.md", options: RunOptions()).document, as: UTF8.self)
        #expect(out.contains("| quantum kernel |"))
        #expect(out.contains("iqp encoding, 2 qubits, depth 3, fidelity kernel, SVM C=1.0"))
        #expect(out.contains("| + mitigation (ZNE richardson at 1, 3; readout) |"))
    }

    @Test func aKernelOnANoisyDeviceIsRefused() {
        let text =
            "```noise id=lab\ndepolarizing: {one_qubit: 0.01}\n```\n\n```experiment id=k\ndataset: {name: moons, samples: 30}\nmodel: {kind: kernel}\nexecution: {noise: lab}\nbaselines: []\n```\n"
        #expect(throws: (any Error).self) { try Notebook.evaluate(bytes: Array(text.utf8), file: "p.md", options: RunOptions()) }
    }
}

/// Limits on experiments are enforced before any work and named with the flag that raises them.
struct ExperimentLimitTests {
    func error(_ body: String, limits: (inout Limits) -> Void) -> String {
        var options = RunOptions()
        limits(&options.limits)
        let text = "```experiment id=e\n\(body)\n```\n"
        do {
            _ = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: options)
            return ""
        } catch { return "\(error)" }
    }

    @Test func aSweepOverTheLimitNamesTheFlag() {
        let message = error("dataset: {name: moons}\nbaselines: [logistic-regression]\nsweep: {dataset.noise: [0, 0.1, 0.2]}") { $0.sweepPoints = 2 }
        #expect(message.contains("paper.md:4:9:") && message.contains("--max-sweep-points"), "\(message)")
    }

    @Test func trainingOverTheLimitIsRefusedBeforeItStarts() {
        let body = "dataset: {name: moons, samples: 1000}\nmodel: {kind: variational, qubits: 2}\ntrain: {epochs: 100}\nbaselines: []"
        let message = error(body) { $0.circuitEvaluations = 1000 }
        #expect(
            message.hasPrefix("paper.md:1:1: error: the quantum model would need about 140000 circuit evaluations")
                && message.contains("--max-circuit-evaluations"), "\(message)")
    }
}
