import Foundation
import Testing

@testable import Quire

/// Every kind of work an experiment asks for is estimated from the spec and refused before any
/// data is generated or memory allocated, with the location, the estimate, the limit and the flag.
struct ExperimentResourceTests {
    /// The error preparing `body` throws, as printed (nothing runs: the plan only decodes).
    func planError(_ body: String, limits: (inout Limits) -> Void = { _ in }) -> String {
        var options = RunOptions()
        limits(&options.limits)
        let text = "```experiment id=e\n\(body)\n```\n"
        do {
            let plan = try Notebook.plan(bytes: Array(text.utf8), file: "paper.md", options: options)
            _ = try #require(plan.blocks.first).prepared.get()
            return ""
        } catch { return "\(error)" }
    }

    /// Found by review: a 100,000-sample kernel matrix aborted allocating 39 GB.
    @Test func aKernelMatrixOverTheMemoryLimitIsRefusedAtTheModel() {
        let message = planError("dataset: {name: moons, samples: 100000}\nmodel: {kind: kernel}\nbaselines: []")
        #expect(message.hasPrefix("paper.md:3:8: error: the quantum kernel (70000 × 70000 and 30000 × 70000 matrices"), "\(message)")
        #expect(message.contains("would need about 88.7 GiB of memory per repeat, more than the limit of 8 GiB"), "\(message)")
        #expect(message.contains("--max-memory-gib"), "\(message)")
    }

    /// Found by review: RBF-SVM on 10⁶ samples (an n² Gram matrix per γ) and an MLP on 10⁷ × 1000
    /// data were started; the dataset itself is bounded before it is generated.
    @Test func baselinesAndDataOverTheMemoryLimitAreRefusedAtTheirFields() {
        let svm = planError("dataset: {name: moons, samples: 1000000}\nbaselines: [rbf-svm]")
        #expect(svm.hasPrefix("paper.md:3:12: error: the rbf-svm baseline on 700000 training samples would need about"), "\(svm)")
        #expect(svm.contains("--max-memory-gib"), "\(svm)")
        let data = planError("dataset: {name: hyperplanes, samples: 10000000, features: 1000}\nbaselines: [mlp]")
        #expect(data.hasPrefix("paper.md:2:10: error: the dataset (10000000 samples × 1000 features) would need about 224 GiB"), "\(data)")
    }

    /// The baselines' tuning work is bounded by its own limit, summed over points and repeats.
    @Test func baselineWorkOverTheLimitIsRefusedNamingTheFlag() throws {
        let body = "dataset: {name: moons, samples: 100}\nbaselines: [mlp]\nrepeat: 2"
        let spec = try #require(
            try Notebook.plan(bytes: Array("```experiment id=e\n\(body)\n```\n".utf8), file: "p.md", options: RunOptions()).blocks.first)
        #expect((try? spec.prepared.get()) != nil)
        let message = planError(body) { $0.baselineOperations = 1_000_000 }
        #expect(message.hasPrefix("paper.md:1:1: error: the classical baselines would need about"), "\(message)")
        #expect(message.contains("more than the limit of 1000000") && message.contains("--max-baseline-operations"), "\(message)")
    }

    /// Found by issue 15: the estimate counted a sweep's baseline tuning at every point, though
    /// points that share the data tune it once per repeat; a sweep over the data counts every point.
    @Test func baselineWorkCountsEachRepeatOncePerDataset() throws {
        let body = "dataset: {name: moons, samples: 100}\nmodel: {kind: kernel}\nbaselines: [mlp]\nrepeat: 2"
        let single = Int(ExperimentSpec.estimatedBaselineOperations([try ExperimentReportTests.spec(body)]).rounded(.up))
        let model = body + "\nsweep: {model.c: [0.5, 1, 2]}"
        #expect(planError(model) { $0.baselineOperations = single } == "")
        #expect(planError(model) { $0.baselineOperations = single - 1 }.contains("the classical baselines would need about \(single) "))
        let data = body + "\nsweep: {dataset.noise: [0, 0.1, 0.2]}"
        #expect(planError(data) { $0.baselineOperations = 2 * single }.contains("the classical baselines would need about"))
        #expect(planError(data) { $0.baselineOperations = 3 * single } == "")
    }

    /// A limit on a count, the body that needs exactly `needed` of it, and where the refusal is.
    struct CountCase: CustomTestStringConvertible, Sendable {
        var limit: String
        var body: String
        var needed: Int
        var prefix: String
        var testDescription: String { limit }

        func set(_ limits: inout Limits, to value: Int) {
            switch limit {
            case "--max-shots": limits.shots = value
            default: limits.circuitEvaluations = value
            }
        }
    }

    /// Kernel entries count as circuit evaluations: 100 states + 70·71/2 + 30·70 entries = 4685.
    /// Found by review: `execution.shots` was checked against a fixed 10⁸, not `--max-shots`.
    @Test(arguments: [
        CountCase(
            limit: "--max-circuit-evaluations", body: "dataset: {name: moons, samples: 100}\nmodel: {kind: kernel}\nbaselines: []", needed: 4685,
            prefix: "paper.md:1:1: error: the quantum model would need about 4685 circuit evaluations"),
        CountCase(
            limit: "--max-shots",
            body: "dataset: {name: moons, samples: 40}\nmodel: {kind: variational, qubits: 2}\nexecution: {shots: 2000}\nbaselines: []", needed: 2000,
            prefix: "paper.md:4:20: error: execution.shots is 2000, more than the limit of 1999 shots"),
    ])
    func aCountOneOverItsLimitIsRefusedNamingTheFlag(_ count: CountCase) {
        let message = planError(count.body) { count.set(&$0, to: count.needed - 1) }
        #expect(message.hasPrefix(count.prefix) && message.contains(count.limit), "\(message)")
        #expect(planError(count.body) { count.set(&$0, to: count.needed) } == "")
    }

    /// Found by review: hidden-manifold with 1000 features said "valid range [1000, 24]".
    @Test func tooManyFeaturesForAnEncodingAreLocatedAtTheDataset() {
        let message = planError("dataset: {name: hidden-manifold, samples: 20, features: 1000}\nmodel: {kind: variational}\nbaselines: []")
        #expect(
            message.hasPrefix("paper.md:2:10: error: the angle encoding needs 1000 qubits for the dataset's 1000 features, more than the 24"),
            "\(message)")
        let few = planError("dataset: {name: hidden-manifold, samples: 20, features: 5}\nmodel: {kind: variational, qubits: 3}\nbaselines: []")
        #expect(few.hasPrefix("paper.md:3:8: error: model.qubits is 3, but the angle encoding needs 5 qubits for the dataset's 5 features"), "\(few)")
    }

    /// The example notebooks stay within the default limits.
    @Test(arguments: ["quickstart.md", "noise-sensitivity.md", "encodings.md"])
    func theExampleNotebooksFitTheDefaultLimits(name: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Notebooks/\(name)").standardized.path
        var options = RunOptions()
        options.projectFolder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let plan = try Notebook.plan(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path, options: options)
        for block in plan.blocks { #expect(throws: Never.self) { try block.prepared.get() } }
    }
}
