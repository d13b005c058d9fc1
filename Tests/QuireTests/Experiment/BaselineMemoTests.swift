import QuireCore
import QuireLearning
import Synchronization
import Testing

@testable import Quire

/// A sweep tunes each baseline once per repeat and input, whichever unit gets there first, and its
/// document is what tuning at every point gives.
struct BaselineMemoTests {
    /// An experiment block prepared from `body`, with its decoded sweep points (heard from one run).
    struct Block {
        var prepared: PreparedBlock
        var points: [ExperimentBlock.Point]

        init(_ body: String) throws {
            let text = "```experiment id=e\n\(body)\n```\n"
            let plan = try Notebook.plan(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
            prepared = try #require(plan.blocks.first).prepared.get()
            let heard = Mutex<[ExperimentBlock.Point]>([])
            _ = try prepared.execute(BlockExecution(budget: JobBudget(jobs: 1), report: { _ in }) { point, _ in heard.withLock { $0.append(point) } })
            points = heard.withLock { $0 }
        }

        /// Every unit's outcome as the point cache stores it (exact bits), running the block on
        /// `jobs` threads with the points sharing `memo`.
        func shared(jobs: Int, memo: BaselineMemo) throws -> [StoredRepeat] {
            let execution = BlockExecution(budget: JobBudget(jobs: jobs)) { _ in }
            let outcomes = try ExperimentBlock.run(
                points, units: prepared.units, seed: prepared.record.seed, memoryLimit: .max, location: prepared.block.location,
                execution: execution, baselines: memo)
            return outcomes.flatMap { $0.repeats.map(StoredRepeat.init) }
        }

        /// Every unit's outcome computed alone, each point tuning its own baselines.
        func alone() throws -> [StoredRepeat] {
            try prepared.units.map { unit in
                let runner = ExperimentRunner(spec: points[unit.point].spec, seed: prepared.record.seed, memoryLimit: .max, threads: 1)
                return StoredRepeat(try runner.runRepeat(unit.repeatIndex))
            }
        }
    }

    /// A baseline's test predictions at every unit, in (point, repeat) order.
    static func predictions(_ stored: [StoredRepeat], baseline index: Int) -> [[Int]] {
        stored.map { $0.measurements[index]?.testPredictions ?? [] }
    }

    /// Found by issue 14: a sweep over the kernel's C tuned both baselines at each of its 3 points.
    @Test(arguments: [1, 2])
    func aSweepThatLeavesTheDataAloneTunesEachBaselineOncePerRepeat(jobs: Int) throws {
        let block = try Block(
            "dataset: {name: moons, samples: 40, noise: 0.2}\nmodel: {kind: kernel}\nbaselines: [logistic-regression, knn]\n"
                + "repeat: 2\nsweep: {model.c: [0.5, 1, 4]}")
        let memo = BaselineMemo()
        let shared = try block.shared(jobs: jobs, memo: memo)
        #expect(memo.computed == 2 * 2)
        #expect(shared == (try block.alone()))
        // The swept C changes the quantum model's predictions; the baselines' are the same at every point.
        for index in 1...2 {
            let baseline = Self.predictions(shared, baseline: index)
            #expect(baseline[0] == baseline[2] && baseline[0] == baseline[4] && baseline[1] == baseline[3] && baseline[0] != baseline[1])
        }
    }

    /// A sweep over a dataset field changes what the baselines see: each point tunes its own, and
    /// their results differ.
    @Test(arguments: ["dataset.noise: [0.05, 0.6]", "dataset.samples: [40, 48]", "dataset.test_fraction: [0.25, 0.4]"])
    func aSweepOverTheDataTunesEveryPoint(axis: String) throws {
        let block = try Block("dataset: {name: moons, samples: 40, noise: 0.2}\nbaselines: [logistic-regression, knn]\nrepeat: 2\nsweep: {\(axis)}")
        for jobs in [1, 2] {
            let memo = BaselineMemo()
            let shared = try block.shared(jobs: jobs, memo: memo)
            #expect(memo.computed == 2 * 2 * 2)
            #expect(shared == (try block.alone()))
            #expect(shared[0].measurements[0] != shared[2].measurements[0] && shared[1].measurements[0] != shared[3].measurements[0])
        }
    }

    /// Every asker of a key gets the first asker's value, computed once however many ask at once;
    /// an error is remembered and thrown to every asker.
    @Test func aKeyIsComputedOnceForEveryAsker() throws {
        let memo = BaselineMemo()
        let split = try TrainTestSplit.stratified(
            Dataset(features: Matrix(rows: 4, columns: 1, elements: [0, 1, 2, 3]), labels: [0, 0, 1, 1], classCount: 2), testFraction: 0.5,
            stream: RandomStream(seed: 1, purpose: "split"))
        let grid = BaselineGrid.standard(.knn)
        let keys = (0..<2).map {
            BaselineMemo.Key(split: split, grid: grid, folds: 2, stream: RandomStream(seed: UInt64($0), purpose: "baseline"), boundary: false)
        }
        let calls = Atomic(0)
        let values = ParallelMap.map(count: 16, budget: JobBudget(jobs: 4)) { index in
            Result {
                try memo.value(for: keys[index % 2]) {
                    let call = calls.add(1, ordering: .relaxed).newValue
                    if index % 2 == 1 { throw LearningError.classTooSmall(owner: "test", classIndex: 0, count: call, needed: 2) }
                    return BaselineMemo.Tuned(chosen: [], measurement: ExperimentReportTests.measurement(train: 1, test: Double(call)))
                }
            }
        }
        #expect(calls.load(ordering: .relaxed) == 2 && memo.computed == 2)
        let tests = values.enumerated().filter { $0.offset % 2 == 0 }.map { try? $0.element.get().measurement.testAccuracy }
        #expect(Set(tests).count == 1 && tests[0] != nil)
        let errors = values.enumerated().filter { $0.offset % 2 == 1 }.map { result in
            do {
                _ = try result.element.get()
                return ""
            } catch { return "\(error)" }
        }
        #expect(Set(errors).count == 1 && errors[0] != "")
    }

    /// Two splits whose features differ only in the sign of a zero get different keys: keys
    /// compare exact bits, not `==`.
    @Test func keysCompareExactBits() throws {
        func key(_ zero: Double) throws -> BaselineMemo.Key {
            let data = Dataset(features: Matrix(rows: 4, columns: 1, elements: [zero, 1, 2, 3]), labels: [0, 0, 1, 1], classCount: 2)
            let split = try TrainTestSplit.stratified(data, testFraction: 0.5, stream: RandomStream(seed: 1, purpose: "split"))
            return .init(split: split, grid: .standard(.knn), folds: 2, stream: RandomStream(seed: 1, purpose: "b"), boundary: false)
        }
        #expect(try key(0) == key(0))
        #expect(try key(0) != key(-0.0))
    }
}
