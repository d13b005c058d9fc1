import Foundation

/// Runs independent jobs and returns their results in index order, so the outcome never depends
/// on how many ran at once or which finished first.
///
/// Maps nest (blocks, then an experiment's sweep points and repeats, then a baseline's grid search)
/// and share one `JobBudget`, which never lets more than `jobs` threads run jobs at once and gives a
/// worker freed anywhere in the run to a map with jobs left at once.
public enum ParallelMap {
    /// `body(i)` for i in 0..<count, on the calling thread and on helpers `budget` allows; results in order.
    ///
    /// `body` may run on several threads at once. It escapes into the helper threads, which may
    /// hold it a moment after the call returns (never calling it again).
    public static func map<T: Sendable>(count: Int, budget: JobBudget, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 1, budget.jobs > 1 else { return (0..<count).map(body) }
        let results = Results<T>(count: count)
        let map = OpenMap(count: count, parent: OpenMap.current) { results.set($0, body($0)) }
        budget.open(map)
        while let index = budget.take(from: map) { map.runJob(index) }
        budget.finish(map)
        return results.values
    }

    /// Result slots filled from several threads.
    private final class Results<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }
        var values: [T] { lock.withLock { slots.map { $0! } } }
    }
}
