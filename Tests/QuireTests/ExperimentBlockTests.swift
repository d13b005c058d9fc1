import QuireCore
import Testing
@testable import Quire

/// `experiment` blocks: decoded strictly, run deterministically, reported per model or per sweep point.
struct ExperimentBlockTests {
    func run(_ text: String) throws -> String {
        String(decoding: try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions()).document, as: UTF8.self)
    }

    func error(_ text: String) -> String {
        do { _ = try run(text); return "" } catch { return "\(error)" }
    }

    static let block = "```experiment id=e\ndataset: {name: moons, samples: 60, noise: 0.1}\nbaselines: [logistic-regression]\n```\n"

    @Test func aRunIsReproducibleAndIndependentOfOtherBlocks() throws {
        let once = try run(Self.block)
        #expect(try run(once) == once)
        let region = { (text: String) in text.components(separatedBy: "<!-- quire:output id=e -->")[1].components(separatedBy: "<!--")[0] }
        #expect(region(once) == region(try run("```noise id=n\n```\n\n" + Self.block)))
        #expect(region(once).contains("60 samples (42 train / 18 test, stratified), 2 features"))
        #expect(once.contains("\"data_sha256\""))
    }

    @Test func figuresFollowTheReportList() throws {
        let text = Self.block.replacingOccurrences(of: "baselines: [logistic-regression]", with: "baselines: [logistic-regression]\nreport: [metrics, confusion-matrix]")
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        #expect(Array(evaluation.figures.keys) == ["paper.figures/e-accuracy.svg", "paper.figures/e-confusion-logistic-regression.svg"])
    }

    @Test func theResolvedSpecWritesEveryDefault() throws {
        let record = try #require(try Notebook.evaluate(bytes: Array(Self.block.utf8), file: "p.md", options: RunOptions()).records.first)
        let paths = Set(record.spec.leaves().map(\.path))
        #expect(paths.isSuperset(of: ["dataset.test_fraction", "dataset.scale", "dataset.scale_range.1", "execution.engine", "execution.shots", "repeat"]))
    }

    @Test(arguments: [
        ("dataset: {name: moon}", "2:17", "unknown dataset generator 'moon'"),
        ("dataset: {name: moons, noise: -1}", "2:31", "noise"),
        ("dataset: {name: moons, smaples: 10}", "2:24", "did you mean 'samples'"),
        ("dataset: {name: moons}\nbaselines: [svm]", "3:13", "unknown baseline 'svm'"),
        ("dataset: {name: moons}\nrepeat: 0", "3:9", "repeat"),
        ("dataset: {name: moons}\nsweep: {data.noise: [0]}", "3:9", "does not start with a field"),
        ("dataset: {name: moons}\nexecution: {noise: nope}", "3:20", "no noise block has id 'nope'"),
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
