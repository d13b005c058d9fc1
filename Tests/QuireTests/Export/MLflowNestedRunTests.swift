import OrderedCollections
import QuireCore
import QuireMarkdown
import QuireTestSupport
import Testing

@testable import Quire

/// The nested runs of an experiment block (a run per sweep point, under it a run per repeat),
/// built from the `points` detail of its provenance record, without a server.
struct MLflowNestedRunTests {
    /// The block's own run, as `MLflowRunPlan.plan` makes it.
    static let parent = MLflowRunPlan(
        blockID: "sweep", name: "sweep",
        identity: ["quire.document": "p.md", "quire.block_id": "sweep", "quire.spec_sha256": "abc"],
        tags: [
            "quire.document": "p.md", "quire.block_id": "sweep", "quire.spec_sha256": "abc", "quire.kind": "experiment",
            "quire.seed": "42", "quire.result_sha256": "r", "quire.version": "0.1.0",
        ],
        params: [:], metrics: [], figures: ["f.svg"])

    static func repeatRecord(_ number: Int, seed: UInt64?, test: Double, loss: [Double]) -> CanonicalJSON {
        var entry: OrderedDictionary<String, CanonicalJSON> = ["repeat": .integer(Int64(number))]
        if let seed { entry["model_seed"] = .unsigned(seed) }
        entry["models"] = .array([
            .object(["model": .string("vqc"), "train_accuracy": .number(0.5), "test_accuracy": .number(test), "test_f1": .number(0.25)])
        ])
        entry["loss_curve"] = .array(loss.map(CanonicalJSON.number))
        return .object(entry)
    }

    /// Two points of two repeats each.
    static let sweep = CanonicalJSON.array([
        .object([
            "sweep": .object(["execution.noise.depolarizing.two_qubit": .integer(0)]),
            "repeats": .array([repeatRecord(1, seed: 11, test: 0.75, loss: [1, 0.5]), repeatRecord(2, seed: 12, test: 0.25, loss: [3, 1.5])]),
        ]),
        .object([
            "sweep": .object(["execution.noise.depolarizing.two_qubit": .number(0.05)]),
            "repeats": .array([repeatRecord(1, seed: 11, test: 1, loss: [2, 1]), repeatRecord(2, seed: 12, test: 0.5, loss: [2, 2])]),
        ]),
    ])

    @Test func aSweepWithRepeatsNestsRepeatsUnderPoints() throws {
        let points = MLflowRunPlan.nestedRuns(of: Self.parent, points: Self.sweep)
        #expect(points.map(\.name) == ["sweep · two_qubit=0", "sweep · two_qubit=0.05"])
        let second = points[1]
        #expect(second.identity == ["quire.document": "p.md", "quire.block_id": "sweep", "quire.spec_sha256": "abc", "quire.sweep_point": "2"])
        #expect(second.tags["quire.seed"] == "42" && second.tags["quire.kind"] == "experiment" && second.tags["quire.result_sha256"] == nil)
        #expect(second.params == ["execution.noise.depolarizing.two_qubit": "0.05"])
        #expect(second.figures.isEmpty)
        // Means over the two repeats, worked by hand: test (1 + 0.5)/2, loss ((2+2)/2, (1+2)/2).
        #expect(
            second.metrics == [
                .init(key: "vqc / train accuracy", value: 0.5, step: 0), .init(key: "vqc / test accuracy", value: 0.75, step: 0),
                .init(key: "vqc / test macro-F1", value: 0.25, step: 0),
                .init(key: "loss", value: 2, step: 1), .init(key: "loss", value: 1.5, step: 2),
            ])
        let repeats = second.children
        #expect(repeats.map(\.name) == ["sweep · two_qubit=0.05 · repeat 1", "sweep · two_qubit=0.05 · repeat 2"])
        #expect(repeats[1].identity["quire.sweep_point"] == "2" && repeats[1].identity["quire.repeat"] == "2")
        #expect(
            repeats[1].params == [
                "execution.noise.depolarizing.two_qubit": "0.05", "repeat": "2",
                "random_stream": "Philox4x32-10 seed 42, purpose experiment, substream 1", "model_seed": "12",
            ])
        #expect(repeats[1].metrics.contains(.init(key: "vqc / test accuracy", value: 0.5, step: 0)))
        #expect(repeats[1].metrics.filter { $0.key == "loss" }.map(\.value) == [2, 2])
        #expect(repeats.allSatisfy { $0.children.isEmpty })
    }

    @Test func withoutASweepRepeatsHangUnderTheBlockAndOneRepeatHasNoNestedRun() throws {
        let repeats = CanonicalJSON.array([
            .object([
                "repeats": .array([
                    Self.repeatRecord(1, seed: nil, test: 1, loss: []),
                    Self.repeatRecord(2, seed: nil, test: 0, loss: []),
                ])
            ])
        ])
        let runs = MLflowRunPlan.nestedRuns(of: Self.parent, points: repeats)
        #expect(runs.map(\.name) == ["sweep · repeat 1", "sweep · repeat 2"])
        #expect(runs[0].identity["quire.repeat"] == "1" && runs[0].identity["quire.sweep_point"] == nil)
        #expect(runs[0].params["model_seed"] == nil && runs[0].params["repeat"] == "1")
        let single = CanonicalJSON.array([.object(["repeats": .array([Self.repeatRecord(1, seed: 3, test: 1, loss: [1])])])])
        #expect(MLflowRunPlan.nestedRuns(of: Self.parent, points: single).isEmpty)
        #expect(MLflowRunPlan.nestedRuns(of: Self.parent, points: nil).isEmpty)
        #expect(MLflowRunPlan.nestedRuns(of: Self.parent, points: .string("tampered")).isEmpty)
    }

    @Test func aRunMatchesOnlyThePlanAtItsPosition() {
        let point = MLflowRunPlan.nestedRuns(of: Self.parent, points: Self.sweep)[0]
        let repeatRun = point.children[0]
        let parentTags = Dictionary(uniqueKeysWithValues: Self.parent.identity.map { ($0.key, $0.value) })
        let pointTags = Dictionary(uniqueKeysWithValues: point.identity.map { ($0.key, $0.value) })
        let repeatTags = Dictionary(uniqueKeysWithValues: repeatRun.identity.map { ($0.key, $0.value) })
        #expect(Self.parent.matches(parentTags) && !Self.parent.matches(pointTags) && !Self.parent.matches(repeatTags))
        #expect(point.matches(pointTags) && !point.matches(parentTags) && !point.matches(repeatTags))
        #expect(repeatRun.matches(repeatTags) && !repeatRun.matches(pointTags))
        var otherSpec = parentTags
        otherSpec["quire.spec_sha256"] = "def"
        #expect(!Self.parent.matches(otherSpec))
    }

    /// A swept experiment with two repeats, two models.
    static let sweptPaper = """
        ---
        quire: {seed: 3, precision: 6}
        ---
        \(Fixtures.variationalExperiment(
            id: "s", dataset: "samples: 30, noise: 0.1, test_fraction: 0.3", epochs: 2, batchSize: 10,
            extra: "sweep: {train.learning_rate: [0.1, 0.2]}\n"))
        """

    /// A real run: the point runs' mean test accuracy is the number the region's sweep table prints.
    @Test func aRunDocumentRecordsEveryPointAndRepeat() throws {
        let evaluation = try Notebook.evaluate(bytes: Array(Self.sweptPaper.utf8), file: "p.md", options: RunOptions())
        var notes: [String] = []
        let plans = try MLflowRunPlan.plans(for: try QuireDocument(bytes: evaluation.document, file: "p.md"), named: "p.md", notes: &notes)
        let points = try #require(plans.first?.children)
        #expect(points.map(\.params) == [["train.learning_rate": "0.1"], ["train.learning_rate": "0.2"]])
        #expect(points.allSatisfy { $0.children.count == 2 && $0.children.allSatisfy { $0.metrics.filter { $0.key == "loss" }.count == 2 } })
        let table = RegionTables(String(decoding: evaluation.document, as: UTF8.self)).cells
        for (index, point) in points.enumerated() {
            let mean = try #require(point.metrics.first { $0.key == "logistic-regression / test accuracy" }?.value)
            let printed = try #require(table.filter { $0.name.hasSuffix("/ logistic-regression") }.dropFirst(index).first?.value)
            #expect(abs(mean - printed) <= 5e-6, "point \(index + 1): \(mean) vs table \(printed)")  // 6 significant digits
        }
        let seeds = points[0].children.map { $0.params["model_seed"] }
        #expect(seeds.allSatisfy { $0 != nil } && Set(seeds).count == 2 && seeds == points[1].children.map { $0.params["model_seed"] })
    }

    /// The block's own metrics come from the typed record: each point's model means, named as the
    /// region's rows; reformatting the region's table (column alignment) or editing a number in it
    /// by hand changes none of them.
    @Test func theBlockMetricsAreReadFromTheRecordNotTheTable() throws {
        let evaluation = try Notebook.evaluate(bytes: Array(Self.sweptPaper.utf8), file: "p.md", options: RunOptions())
        let text = String(decoding: evaluation.document, as: UTF8.self)
        func plans(_ text: String) throws -> [MLflowRunPlan] {
            var notes: [String] = []
            return try MLflowRunPlan.plans(for: try QuireDocument(bytes: Array(text.utf8), file: "p.md"), named: "p.md", notes: &notes)
        }
        let block = try #require(try plans(text).first)
        for (index, point) in block.children.enumerated() {
            let rate = ["0.1", "0.2"][index]
            for metric in point.metrics where metric.step == 0 {
                let name = MLflowRunPlan.metricName("train.learning_rate=\(rate) · ") + metric.key
                #expect(block.metrics.contains(.init(key: name, value: metric.value, step: 0)), "\(name)")
            }
        }
        #expect(block.metrics.filter { $0.step == 0 }.count == 2 * 2 * 3)
        var realigned = text
        while realigned.contains("  |") || realigned.contains("|  ") {
            realigned = realigned.replacingOccurrences(of: "  |", with: " |").replacingOccurrences(of: "|  ", with: "| ")
        }
        let row = try #require(realigned.split(separator: "\n").first { $0.hasPrefix("| 0.1 |") })
        let edited = realigned.replacingOccurrences(of: row, with: row.replacingOccurrences(of: "| 0.", with: "| 9."))
        #expect(realigned != text && edited != realigned)
        for changed in [realigned, edited] {
            #expect(try plans(changed).first?.metrics == block.metrics)
        }
    }

    /// A repeat's run is a model registry entry: the split's digest and each baseline's chosen
    /// hyperparameters as params, and `model.json` with the hyperparameters and trained parameters.
    @Test func aRepeatRunCarriesItsModels() throws {
        func repeatWithModels(_ number: Int) -> CanonicalJSON {
            .object([
                "repeat": .integer(Int64(number)), "split_sha256": .string("d\(number)"),
                "models": .array([
                    .object(["model": .string("vqc"), "test_accuracy": .number(0.5), "parameters": .array([.number(0.25), .number(-1.5)])]),
                    .object([
                        "model": .string("knn"), "test_accuracy": .number(1),
                        "hyperparameters": .object(["n_neighbors": .integer(3), "weights": .string("distance")]),
                    ]),
                ]),
            ])
        }
        let runs = MLflowRunPlan.nestedRuns(
            of: Self.parent, points: .array([.object(["repeats": .array([repeatWithModels(1), repeatWithModels(2)])])]))
        let second = try #require(runs.last)
        #expect(second.params["split_sha256"] == "d2")
        #expect(second.params["hyperparameters.knn.n_neighbors"] == "3" && second.params["hyperparameters.knn.weights"] == "distance")
        let model = try #require(second.artifacts.first { $0.file == "model.json" })
        let text = String(decoding: model.bytes, as: UTF8.self)
        #expect(model.contentType == "application/json")
        #expect(
            text.contains("\"split_sha256\": \"d2\"") && text.contains("0.25,\n") && text.contains("-1.5\n") && text.contains("\"n_neighbors\": 3"),
            "\(text)")
    }
}
