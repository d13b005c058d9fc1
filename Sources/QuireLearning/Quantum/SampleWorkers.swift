import Dispatch

/// How the sample loops of kernels, training and prediction spread over threads: `workers`
/// contiguous ranges of the samples, one per worker, each sample computed by the same arithmetic
/// whatever the split, so results never depend on the thread count.
enum SampleWorkers {
    /// The number of workers for `count` samples on up to `threads` threads (at least 1).
    static func count(samples count: Int, threads: Int) -> Int {
        max(1, min(threads, count))
    }

    /// Calls `body(worker, samples)` for each worker's range of `0..<count`, concurrently when there
    /// is more than one worker, and returns when all are done.
    ///
    /// Callers give each worker disjoint memory (its own work buffers and result slots), which the
    /// compiler cannot check; that contract is why the closure is passed on unchecked.
    static func forEach(count: Int, threads: Int, _ body: (_ worker: Int, _ samples: Range<Int>) -> Void) {
        let workers = Self.count(samples: count, threads: threads)
        if workers == 1 { return body(0, 0..<count) }
        withoutActuallyEscaping(body) { escapable in
            nonisolated(unsafe) let work = escapable
            DispatchQueue.concurrentPerform(iterations: workers) { work($0, (count * $0 / workers)..<(count * ($0 + 1) / workers)) }
        }
    }
}
