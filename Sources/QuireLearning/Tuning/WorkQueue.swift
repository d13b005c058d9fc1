import Dispatch
import Foundation

/// Independent jobs on a fixed number of worker threads, each worker taking the next job in index
/// order as it becomes free (so jobs listed longest-first finish close together), results returned
/// in index order whatever ran where.
enum WorkQueue {
    /// `body(0)` … `body(count − 1)` on up to `threads` workers; the results in index order.
    ///
    /// Every job writes only its own result slot, which the compiler cannot check; that contract is
    /// why the closure is passed on unchecked.
    static func map<T>(count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        let workers = max(1, min(threads, count))
        if workers == 1 { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let next = NextIndex()
        withoutActuallyEscaping(body) { escapable in
            nonisolated(unsafe) let work = escapable
            nonisolated(unsafe) let results = slots
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let job = next.take(below: count) { results[job] = work(job) }
            }
        }
        return slots.map { $0! }
    }

    /// The next job index, handed out once each.
    private final class NextIndex: @unchecked Sendable {
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
