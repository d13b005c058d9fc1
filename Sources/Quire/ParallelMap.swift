import Dispatch
import Foundation

/// Runs independent jobs on up to `jobs` threads and returns their results in index order, so the
/// outcome never depends on how many ran at once or which finished first.
enum ParallelMap {
    /// `body(i)` for i in 0..<count, at most `jobs` at a time, results in order.
    static func map<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard jobs > 1, count > 1 else { return (0..<count).map(body) }
        let results = Results<T>(count: count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while let index = next.take(below: count) { results.set(index, body(index)) }
        }
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

    /// The next job index, handed out once each.
    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}
