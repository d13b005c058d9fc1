import OrderedCollections
import QuireCore
import QuireMarkdown
import Testing

@testable import Quire

/// What each block of a run document becomes in MLflow: params, tags and metrics read from the
/// document alone.
struct MLflowRunPlanTests {
    static let paper = """
        ---
        quire: {seed: 7}
        ---
        ```noise id=lab
        readout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}
        ```

        ```noise id=later
        ```

        """

    @Test func paramsAreTheSpecFlattenedToDottedKeys() {
        let spec = CanonicalJSON.object([
            "train": .object(["epochs": .integer(3), "optimizer": .string("adam"), "learning_rate": .number(0.1)]),
            "baselines": .array([.string("rbf-svm"), .string("logistic-regression")]),
            "noise": .null, "note": .string(String(repeating: "x", count: 7000)),
        ])
        let params = MLflowRunPlan.params(spec)
        #expect(Array(params.keys) == ["train.epochs", "train.optimizer", "train.learning_rate", "baselines.0", "baselines.1", "noise", "note"])
        #expect(params["train.epochs"] == "3" && params["train.optimizer"] == "adam" && params["train.learning_rate"] == "0.1")
        #expect(params["baselines.1"] == "logistic-regression" && params["noise"] == "null")
        #expect(params["note"]?.count == 6000)
    }

    @Test(arguments: [
        ("moons · 2 qubits (ideal) / test accuracy", "moons _ 2 qubits _ideal_ / test accuracy"),
        ("table 2: a / b", "table 2_ a / b"),
        ("a//b/./../c/", "a/b/_/_/c"),
        ("/", "value"),
        ("", "value"),
    ])
    func metricNamesUseOnlyMLflowsCharactersAndNormalisedPaths(name: String, expected: String) {
        #expect(MLflowRunPlan.metricName(name) == expected)
    }

    @Test func longNamesAreCutToMLflowsKeyLimit() {
        #expect(MLflowRunPlan.metricName(String(repeating: "a", count: 300)).count == 250)
    }

    @Test func metricsAreTheRecordsNumbersThenTheLossPerEpoch() {
        var record = BlockRecord(id: "bell", kind: "circuit", spec: .object([:]), seed: 1)
        record.details["outcomes"] = .object([
            "11": .object(["probability": .number(0.5), "count": .integer(530)]),
            "00": .object(["probability": .number(0.5), "count": .integer(494)]),
        ])
        record.details["observables"] = .array([
            .object([
                "observable": .string("ZZ"), "ideal": .number(1), "noisy": .number(0.875),
                "zne": .object(["values": .array([.number(0.9)]), "extrapolated": .number(0.99)]),
            ])
        ])
        let metrics = MLflowRunPlan.metrics(record.resultNumbers, lossCurve: [0.75, 1, 0.5])
        #expect(
            metrics == [
                .init(key: "outcome 11 / probability", value: 0.5, step: 0), .init(key: "outcome 11 / count", value: 530, step: 0),
                .init(key: "outcome 00 / probability", value: 0.5, step: 0), .init(key: "outcome 00 / count", value: 494, step: 0),
                .init(key: "observable ZZ / ideal", value: 1, step: 0), .init(key: "observable ZZ / noisy", value: 0.875, step: 0),
                .init(key: "observable ZZ / zne", value: 0.99, step: 0),
                .init(key: "loss", value: 0.75, step: 1), .init(key: "loss", value: 1, step: 2), .init(key: "loss", value: 0.5, step: 3),
            ])
    }

    @Test func theMeanLossCurveAveragesEveryRepeatReachingAnEpoch() {
        #expect(ExperimentBlock.meanCurve([[1, 2, 3], [3, 4]]) == [2, 3, 3])
        #expect(ExperimentBlock.meanCurve([]) == nil)
    }

    @Test func everyRecordedBlockBecomesARunTaggedWithItsProvenance() throws {
        let evaluation = try Notebook.evaluate(bytes: Array(Self.paper.utf8), file: "paper.md", options: RunOptions())
        let document = try QuireDocument(bytes: evaluation.document, file: "paper.md")
        var notes: [String] = []
        let plans = try MLflowRunPlan.plans(for: document, named: "papers/paper.md", notes: &notes)
        #expect(plans.map(\.blockID) == ["lab", "later"] && notes.isEmpty)
        let record = try #require(evaluation.records.first { $0.id == "lab" })
        #expect(plans[0].identity == ["quire.document": "papers/paper.md", "quire.block_id": "lab", "quire.spec_sha256": record.specSHA256])
        #expect(plans[0].tags["quire.seed"] == String(record.seed) && plans[0].tags["quire.kind"] == "noise")
        #expect(plans[0].tags["quire.result_sha256"] == record.resultSHA256 && plans[0].tags["quire.version"] == QuireVersion.current)
        #expect(plans[0].params["readout.prob_meas0_prep1"] == "0.05")
        #expect(plans[0].metrics.contains(.init(key: "readout.prob_meas0_prep1", value: 0.05, step: 0)))
    }

    @Test func aBlockAddedSinceTheLastRunIsSkippedWithANote() throws {
        let run = try Notebook.evaluate(bytes: Array(Self.paper.utf8), file: "paper.md", options: RunOptions()).document
        let edited = String(decoding: run, as: UTF8.self) + "\n```noise id=fresh\n```\n"
        var notes: [String] = []
        let plans = try MLflowRunPlan.plans(for: try QuireDocument(bytes: Array(edited.utf8), file: "paper.md"), named: "paper.md", notes: &notes)
        #expect(plans.map(\.blockID) == ["lab", "later"])
        #expect(notes == ["block fresh has no recorded run and was skipped; run `quire run paper.md` first"])
    }

    @Test func aDocumentNeverRunHasNothingToExport() throws {
        var notes: [String] = []
        #expect(throws: MLflowError.notRun(file: "paper.md")) {
            try MLflowRunPlan.plans(for: try QuireDocument(bytes: Array(Self.paper.utf8), file: "paper.md"), named: "paper.md", notes: &notes)
        }
    }
}
