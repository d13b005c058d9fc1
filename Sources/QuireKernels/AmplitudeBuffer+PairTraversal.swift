import CQuirePrefetch

/// The traversal of amplitude pairs shared by the one-target kernels, with software prefetch where
/// the hardware prefetcher loses track.
///
/// A one-qubit gate on target t walks blocks of 2^(t+1) amplitudes, reading the lower and upper half
/// of each block side by side. For t in 6…11 each half is 0.5–16 KiB, so every array is read as
/// short streams that jump between pages, and the hardware prefetcher stalls: measured on this
/// 2-core machine (22 qubits, one thread, `quire sim` on 200 repeated u3 gates per target), those
/// targets took 6–8 ms per gate against 2.3–2.8 ms for the others. Prefetching the same offsets one
/// block (at least 8 KiB) ahead, two cache lines per stream every 16 pairs, brings them in line.
/// A prefetch is only a hint, so the arithmetic per amplitude, and every result, is unchanged.
extension AmplitudeBuffer {
    /// The targets whose uncontrolled pair runs are walked with software prefetch.
    @inlinable static var prefetchedTargets: ClosedRange<Int> { 6...11 }

    /// Visits the pairs (i, i + 2^target) whose `controlMask` bits are all 1, over up to `threads`
    /// workers, as `body(start, length)`: `length` consecutive pairs from index `start`.
    ///
    /// Uncontrolled gates on `prefetchedTargets` take the prefetching path (runs cut into chunks of
    /// 16 pairs); everything else goes through `BitIndex.forEachPairRun`.
    @inlinable @inline(__always)
    func forEachPairRun(target: Int, controlMask: Int, threads: Int, _ body: (_ start: Int, _ length: Int) -> Void) {
        guard controlMask == 0, Self.prefetchedTargets.contains(target) else {
            BitIndex.forEachPairRun(count: count, target: target, controlMask: controlMask, threads: threads, body)
            return
        }
        let step = 1 << target, block = 2 * step
        // One block ahead, or several small blocks: at least 1,024 amplitudes (8 KiB per array).
        let ahead = max(block, 1024 / block * block)
        let count = self.count, re = self.re, im = self.im
        Parallel.forEachRange(count: count >> 1, threads: threads) { range in
            var j = range.lowerBound
            while j < range.upperBound {
                let runEnd = min(range.upperBound, (j | (step - 1)) + 1)
                var start = BitIndex.insertZero(j, at: target), remaining = runEnd - j
                while remaining >= 16 {
                    let next = start + ahead
                    if next < count {
                        // Two lines (16 doubles) of each half of the block ahead, in both arrays.
                        quire_prefetch_for_write(re + next)
                        quire_prefetch_for_write(re + next + 8)
                        quire_prefetch_for_write(re + next + step)
                        quire_prefetch_for_write(re + next + step + 8)
                        quire_prefetch_for_write(im + next)
                        quire_prefetch_for_write(im + next + 8)
                        quire_prefetch_for_write(im + next + step)
                        quire_prefetch_for_write(im + next + step + 8)
                    }
                    body(start, 16)
                    start += 16
                    remaining -= 16
                }
                if remaining > 0 { body(start, remaining) }
                j = runEnd
            }
        }
    }
}
