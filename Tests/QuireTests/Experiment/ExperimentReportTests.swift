import QuireCore
import QuireLearning
import QuireMarkdown
import QuireReport
import Testing

@testable import Quire

/// What an experiment's region says: honest names, bounded intervals, only the sentences that apply.
struct ExperimentReportTests: DocumentEvaluating {
    /// The region of block `e` in a run of `text`.
    func region(_ text: String) throws -> String {
        try run(text).components(separatedBy: "<!-- quire:output id=e -->")[1].components(separatedBy: "<!-- /quire:output")[0]
    }

    /// A spec decoded from `body` without a document (no noise or dataset blocks).
    static func spec(_ body: String) throws -> ExperimentSpec {
        let origin = YAMLOrigin(yaml: body) { SourceLocation(file: "p.md", line: $0, column: $1) }
        let root = try #require(try SpecNode.parse(body, origin: origin))
        return try ExperimentSpec.decode(
            root, swept: false, modelSwept: false, limits: Limits(), noiseProfiles: { _, node in throw node.error("no noise") },
            datasets: { _, node in throw node.error("no data") })
    }

    /// One model's measurement with the given accuracies (a one-sample confusion matrix).
    static func measurement(train: Double, test: Double) -> ExperimentRunner.Measurement {
        .init(
            trainAccuracy: train, testAccuracy: test, testF1: test, settings: "",
            confusion: ConfusionMatrix(predicted: [0], actual: [0], classCount: 2), testPredictions: [0])
    }

    /// An outcome of the models `(key, name, test accuracies over repeats)`.
    static func outcome(_ models: [(key: String, name: String, tests: [Double])]) -> ExperimentRunner.Outcome {
        ExperimentRunner.Outcome(
            models: models.map { ($0.name, $0.key, $0.tests.map { measurement(train: 1, test: $0) }) }, classNames: ["a", "b"], trainSize: 7,
            testSize: 3, featureCount: 2, dataSHA256: "", lossCurves: [], resources: nil, boundary: nil, engine: nil, repeats: [])
    }

    @Test func baselinesCrossValidationIsMentionedOnlyWithBaselines() throws {
        let without = try region("```experiment id=e\ndataset: {name: moons, samples: 30}\nmodel: {kind: kernel}\nbaselines: []\n```\n")
        #expect(!without.contains("cross-validation"), "\(without)")
        let with = try region("```experiment id=e\ndataset: {name: moons, samples: 30}\nbaselines: [logistic-regression]\n```\n")
        #expect(with.contains("Baselines tuned by stratified 5-fold cross-validation on the training set."))
    }

    /// Classes are named as the dataset names them, and the F1 column is the macro-F1 it is: checked
    /// against the confusion matrix the same region prints (F1 per class from its counts, averaged).
    @Test func confusionMatricesNameTheClassesAndF1IsMacroF1() throws {
        let text =
            "```experiment id=e\ndataset: {name: moons, samples: 40, noise: 0.3}\nbaselines: [logistic-regression]\nreport: [metrics, confusion-matrix]\n```\n"
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        let document = String(decoding: evaluation.document, as: UTF8.self)
        #expect(document.contains("| test macro-F1 |") && !document.contains("class 0"), "\(document)")
        let svg = String(decoding: try #require(evaluation.figures["paper.figures/e-confusion-logistic-regression.svg"]), as: UTF8.self)
        #expect(svg.contains(">upper moon</text>") && svg.contains(">lower moon</text>") && !svg.contains("class 0"))
        let cells = RegionTables(document).cells
        func count(_ actual: String, _ predicted: String) throws -> Double {
            try #require(cells.first { $0.name == "table 2: \(actual) / \(predicted)" }).value
        }
        let (a, b, c, d) = (
            try count("upper moon", "upper moon"), try count("upper moon", "lower moon"), try count("lower moon", "upper moon"),
            try count("lower moon", "lower moon")
        )
        let macro = (2 * a / (2 * a + b + c) + 2 * d / (2 * d + b + c)) / 2
        let printed = try #require(cells.first { $0.name.hasPrefix("logistic-regression") && $0.name.hasSuffix(" / test macro-F1") })
        #expect(abs(printed.value - macro) < 5e-5, "printed to 4 digits: \(printed.text) vs \(macro)")
    }

    /// Accuracies 1, 1, 0.9 over three repeats: the Student-t interval (t = 4.302652729911275 at 2
    /// degrees of freedom, scipy) is 0.96667 ± 0.14342, past 1; it prints cut at 1, and the figure's
    /// axis stops at 1.
    @Test func intervalsPastOneAreCutAndTheAccuracyAxisEndsAtOne() throws {
        let spec = try Self.spec("dataset: {name: moons}\nbaselines: [mlp]\nrepeat: 3\n")
        let report = ExperimentReport(
            points: [.init(values: [], spec: spec)], outcomes: [Self.outcome([("mlp", "mlp", [1, 1, 0.9])])], axes: [],
            format: NumberFormat(precision: 4))
        let markdown = report.markdown()
        #expect(markdown.contains("| mlp   |      1.000 ± 0 | 0.9667 [0.8232, 1.0000] |"), "\(markdown)")
        #expect(markdown.contains("shown as [lower, upper] where it is cut at 0 or 1"))
        let svg = try #require(try report.figures(id: "e").first { $0.figure.fileName == "e-accuracy.svg" }).figure.svg
        #expect(svg.contains(">1.0</text>") && !svg.contains(">1.2</text>") && !svg.contains(">1.5</text>"))
    }

    /// A sweep's columns are matched by role, so a model only some points have (mitigation switched
    /// on by the sweep) leaves a gap instead of shifting the baselines' numbers under its name.
    @Test func sweepColumnsLineUpByModel() throws {
        let spec = try Self.spec("dataset: {name: moons}\nbaselines: [mlp]\n")
        let points = [ExperimentBlock.Point(values: [.bool(false)], spec: spec), ExperimentBlock.Point(values: [.bool(true)], spec: spec)]
        let outcomes = [
            Self.outcome([("quantum", "vqc", [0.5]), ("mlp", "mlp", [0.75])]),
            Self.outcome([("quantum", "vqc", [0.5]), ("mitigated", "+ mitigation (readout)", [0.625]), ("mlp", "mlp", [0.875])]),
        ]
        let report = ExperimentReport(points: points, outcomes: outcomes, axes: ["execution.mitigation.readout"], format: NumberFormat(precision: 3))
        let markdown = report.markdown()
        #expect(markdown.contains("| `execution.mitigation.readout` |   vqc |   mlp | + mitigation (readout) |"), "\(markdown)")
        #expect(markdown.contains("|                          false | 0.500 | 0.750 |                      — |"), "\(markdown)")
        #expect(markdown.contains("|                           true | 0.500 | 0.875 |                  0.625 |"), "\(markdown)")
    }

    /// A sweep over devices and compilers draws every repeat's spread, not bars of the mean: one dot
    /// per repeat and model, the points named by their settings (optimisation level as `O2`).
    @Test func aDeviceAndCompilerSweepDrawsTheSpread() throws {
        let spec = try Self.spec("dataset: {name: moons}\nbaselines: [mlp]\nrepeat: 3\nreport: [sweep]\n")
        let settings: [(String, Int64)] = [("nairobi-2021", 0), ("nairobi-2021", 2), ("nairobi-2024", 0), ("nairobi-2024", 2)]
        let points = settings.map { ExperimentBlock.Point(values: [.string($0.0), .integer($0.1)], spec: spec) }
        let outcomes = points.map { _ in Self.outcome([("quantum", "vqc", [0.5, 0.75, 0.625]), ("mlp", "mlp", [0.875, 0.875, 1])]) }
        let report = ExperimentReport(
            points: points, outcomes: outcomes, axes: ["execution.device", "execution.optimization"], format: NumberFormat(precision: 3))
        let figure = try #require(try report.figures(id: "e").first { $0.figure.fileName == "e-sweep.svg" })
        #expect(figure.caption.contains("a dot per repeat"), "\(figure.caption)")
        let svg = figure.figure.svg
        #expect(svg.components(separatedBy: "class=\"repeat\"").count - 1 == 4 * 2 * 3, "every repeat of both models at 4 points")
        #expect(svg.components(separatedBy: "class=\"mean\"").count - 1 == 4 * 2)
        #expect(svg.contains(">nairobi-2024 · O2</text>") || svg.contains(">O2</text>"), "\(svg)")
        #expect(!svg.contains("class=\"bar\""))
        let single = ExperimentReport(
            points: [1, 2].map { ExperimentBlock.Point(values: [.integer($0)], spec: spec) }, outcomes: Array(outcomes.prefix(2)),
            axes: ["execution.routing_seed"],
            format: NumberFormat(precision: 3))
        let seeds = try #require(try single.figures(id: "e").first).figure.svg
        #expect(seeds.contains("class=\"repeat\"") && seeds.contains(">seed 2</text>"))
        #expect(!seeds.contains("class=\"series\""), "routing seeds are settings, not a line")
    }

    /// Found by a first-time user: a `model.layers` sweep titled its column and legend
    /// "variational (strongly-entangling, 1 layer)", the first point's value, for every row.
    @Test func aSweptModelFieldIsLeftOutOfTheModelsTitle() throws {
        let text = """
            ```experiment id=e
            dataset: {name: moons, samples: 24}
            model: {kind: variational, qubits: 2}
            train: {epochs: 1, batch_size: 8}
            baselines: []
            sweep: {model.layers: [1, 2]}
            ```

            """
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        let region = String(decoding: evaluation.document, as: UTF8.self).components(separatedBy: "<!-- /quire:output")[0]
        #expect(region.contains("| `model.layers` | variational (strongly-entangling) |"), "\(region)")
        #expect(!region.contains("1 layer)") && !region.contains("2 layers)"))
        let svg = String(decoding: try #require(evaluation.figures["paper.figures/e-sweep.svg"]), as: UTF8.self)
        #expect(svg.contains("against model.layers: variational (strongly-entangling) (2 points"), "the series' name, in the description")
    }

    /// Sections that cannot be drawn were dropped without a word; each is now a warning located at
    /// its entry in `report:`, and the run still succeeds.
    @Test func undrawableReportSectionsAreWarnedAboutWhereWritten() throws {
        let text = """
            ```experiment id=e
            dataset: {name: blobs, samples: 30, centers: 2, features: 4}
            model: {kind: kernel, qubits: 4}
            baselines: []
            report: [metrics, decision-boundary, loss-curve, sweep]
            ```

            """
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        let warnings = evaluation.warnings.map { "\($0.location.map { "\($0)" } ?? ""): \($0.message)" }
        #expect(
            warnings == [
                "paper.md:5:19: report section 'decision-boundary' needs exactly 2 features; the dataset has 4, so it is left out",
                "paper.md:5:38: report section 'loss-curve' needs a variational model; a kernel model is trained here, without a loss per epoch, so it is left out",
                "paper.md:5:50: report section 'sweep' needs a 'sweep:' of the block, so it is left out",
            ], "\(warnings)")
        #expect(Array(evaluation.figures.keys) == ["paper.figures/e-accuracy.svg"])
    }
}
