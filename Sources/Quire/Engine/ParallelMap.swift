import Foundation

/// Runs independent jobs and returns their results in index order, so the outcome never depends
/// on how many ran at once or which finished first.
///
/// Maps nest (blocks, then an experiment's sweep points and repeats) and share one `JobBudget`:
/// the calling thread always works through the jobs itself, and starts a helper thread whenever
/// jobs remain and the budget has a spare worker, so a run never uses more than `jobs` threads
/// for its jobs and a worker freed by one block is taken up by another block's sweep.
enum ParallelMap {
    /// `body(i)` for i in 0..<count, on the calling thread and on helpers `budget` allows; results in order.
    /// `body` escapes into the helper threads, which may outlive the call by a moment after
    /// their last job (a thread object is released when the thread exits).
    static func map<T: Sendable>(count: Int, budget: JobBudget, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 1, budget.jobs > 1 else { return (0..<count).map(body) }
        let results = Results<T>(count: count)
        let next = Counter(limit: count)
        let helpers = DispatchGroup()
        while let index = next.take() {
            while next.remaining > 0, budget.acquire() {
                helpers.enter()
                let thread = Thread {
                    while let index = next.take() { results.set(index, body(index)) }
                    budget.release()
                    helpers.leave()
                }
                thread.stackSize = JobBudget.stackBytes
                thread.start()
            }
            results.set(index, body(index))
        }
        helpers.wait()
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
        private let limit: Int
        private let lock = NSLock()
        init(limit: Int) { self.limit = limit }
        func take() -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
        /// Jobs not yet handed out.
        var remaining: Int { lock.withLock { limit - value } }
    }
}

/// The worker threads one run may use (`--jobs`): the thread that starts the run plus `jobs − 1`
/// helpers, shared by every `ParallelMap` of the run however deeply they nest.
final class JobBudget: @unchecked Sendable {
    /// Threads working at once, at most.
    let jobs: Int
    private var spare: Int
    private let lock = NSLock()

    /// Stack size of a helper thread: that of a main thread on Linux, since a helper runs the
    /// same work (training, simulation) the calling thread would.
    static let stackBytes = 8 << 20

    /// A budget of `jobs` threads (at least one).
    init(jobs: Int) {
        self.jobs = max(1, jobs)
        spare = self.jobs - 1
    }

    /// Takes a helper slot, if one is free.
    func acquire() -> Bool {
        lock.withLock {
            guard spare > 0 else { return false }
            spare -= 1
            return true
        }
    }

    /// Returns a helper slot.
    func release() {
        lock.withLock { spare += 1 }
    }
}
