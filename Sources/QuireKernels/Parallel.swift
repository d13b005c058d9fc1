import Dispatch

/// How kernels split work over threads, and how reductions sum in a thread-independent order.
///
/// Element-wise kernels split their index range into `threads` disjoint contiguous ranges, each
/// processed by one `concurrentPerform` worker; every element is computed by the same arithmetic
/// whatever the split, so results do not depend on the thread count. Reductions instead sum fixed
/// chunks of `reductionChunk` terms sequentially, then combine the chunk sums pairwise in index
/// order (`pairwiseSum`): the grouping depends only on the number of terms, never on `threads`.
public enum Parallel {
    /// Below this many work items a kernel runs on the calling thread (threads cost more than they save).
    public static let minimumParallelWork = 1 << 14
    /// Terms per reduction chunk; a constant so that sums are bit-identical for any thread count.
    public static let reductionChunk = 1 << 12

    /// Calls `body` on disjoint ranges covering `0..<count`, on up to `threads` workers when
    /// `count` is at least `minimumWork`.
    @inlinable
    public static func forEachRange(
        count: Int, threads: Int, minimumWork: Int = minimumParallelWork,
        _ body: (Range<Int>) -> Void
    ) {
        let parts = min(threads, count)
        if parts <= 1 || count < minimumWork {
            body(0..<count)
            return
        }
        perform(iterations: parts) { part in body(count * part / parts..<count * (part + 1) / parts) }
    }

    /// Runs `body(0)` … `body(iterations − 1)` concurrently and returns when all are done.
    ///
    /// Callers hand each iteration disjoint memory (unsafe pointers), which the compiler cannot
    /// check; that contract is why the closure is passed on unchecked.
    @inlinable
    public static func perform(iterations: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { escapable in
            nonisolated(unsafe) let work = escapable
            DispatchQueue.concurrentPerform(iterations: iterations) { work($0) }
        }
    }

    /// The sum of `count` terms, where `chunkSum(range)` sums the terms of one chunk sequentially.
    ///
    /// Chunks are `reductionChunk` terms long and their sums are combined pairwise in index order, so
    /// the result is the same bit for bit for any `threads`. Two components are carried so complex
    /// sums (inner products) share the scheme; real sums leave `.y` zero.
    @inlinable
    public static func sum(count: Int, threads: Int, _ chunkSum: (Range<Int>) -> SIMD2<Double>) -> SIMD2<Double> {
        let chunks = (count + reductionChunk - 1) / reductionChunk
        if chunks <= 1 { return chunkSum(0..<count) }
        let partials = UnsafeMutablePointer<SIMD2<Double>>.allocate(capacity: chunks)
        defer { partials.deallocate() }
        forEachRange(count: chunks, threads: threads, minimumWork: minimumParallelWork / reductionChunk) { range in
            for chunk in range {
                partials[chunk] = chunkSum(chunk * reductionChunk..<min(count, (chunk + 1) * reductionChunk))
            }
        }
        return pairwiseSum(partials, 0, chunks)
    }

    /// Σ values[lo..<hi], combined as a balanced binary tree in index order.
    @inlinable
    public static func pairwiseSum(_ values: UnsafePointer<SIMD2<Double>>, _ lo: Int, _ hi: Int) -> SIMD2<Double> {
        if hi - lo == 1 { return values[lo] }
        let mid = lo + (hi - lo) / 2
        return pairwiseSum(values, lo, mid) + pairwiseSum(values, mid, hi)
    }
}

/// Index arithmetic shared by the kernels.
public enum BitIndex {
    /// `index` with a zero bit inserted at position `bit` (higher bits move up by one).
    @inlinable @inline(__always)
    public static func insertZero(_ index: Int, at bit: Int) -> Int {
        let low = index & ((1 << bit) - 1)
        return (index &- low) << 1 | low
    }

    /// `index` with a zero bit inserted at each set bit of `zeros`, lowest first (so the zeros land at
    /// exactly those positions of the result).
    @inlinable @inline(__always)
    public static func insertZeros(_ index: Int, mask zeros: Int) -> Int {
        var result = index, bits = zeros
        while bits != 0 {
            let bit = bits & -bits
            let low = result & (bit - 1)
            result = (result &- low) << 1 | low
            bits &= bits - 1
        }
        return result
    }

    /// Visits, over up to `threads` workers, the amplitude pairs (i, i + 2^target) of a `count`-amplitude
    /// buffer whose `controlMask` bits are all 1, as `body(start, length)`: the `length` consecutive
    /// pairs starting at index `start`.
    ///
    /// When the target and every control are at qubit 2 or above, the pairs come in runs of at least
    /// four consecutive indices and `body` gets whole runs, whose inner loop vectorises. Otherwise
    /// runs would be one or two pairs long, and `body` is called once per pair with the literal length
    /// 1, so that, inlined, its loop disappears and no run bookkeeping is paid per pair.
    @inlinable @inline(__always)
    public static func forEachPairRun(
        count: Int, target: Int, controlMask: Int, threads: Int,
        _ body: (_ start: Int, _ length: Int) -> Void
    ) {
        let zeros = controlMask | 1 << target
        Parallel.forEachRange(count: count >> zeros.nonzeroBitCount, threads: threads) { range in
            guard zeros & 3 == 0 else {
                for j in range { body(insertZeros(j, mask: zeros) | controlMask, 1) }
                return
            }
            let runMask = (zeros & -zeros) - 1
            var j = range.lowerBound
            while j < range.upperBound {
                let end = min(range.upperBound, (j | runMask) + 1)
                body(insertZeros(j, mask: zeros) | controlMask, end - j)
                j = end
            }
        }
    }

    /// `index` with zero bits inserted at `low` and `high` (`low < high`).
    @inlinable @inline(__always)
    public static func insertZeros(_ index: Int, _ low: Int, _ high: Int) -> Int {
        insertZero(insertZero(index, at: low), at: high)
    }
}
