/// Loops over probability vectors (2ⁿ entries, qubit 0 the least significant index bit).
public enum ProbabilityKernels {
    /// Applies a readout confusion to `qubit`: a prepared 0 reads 1 with `flip0to1`, a prepared 1
    /// reads 0 with `flip1to0`. Mixes each pair of entries differing in `qubit`.
    @inlinable
    public static func applyReadout(_ probabilities: UnsafeMutablePointer<Double>, count: Int, qubit: Int,
                                    flip0to1: Double, flip1to0: Double, threads: Int = 1) {
        let step = 1 << qubit
        Parallel.forEachRange(count: count / 2, threads: threads) { range in
            for j in range {
                let i0 = BitIndex.insertZero(j, at: qubit), i1 = i0 | step
                let p0 = probabilities[i0], p1 = probabilities[i1]
                probabilities[i0] = (1 - flip0to1) * p0 + flip1to0 * p1
                probabilities[i1] = flip0to1 * p0 + (1 - flip1to0) * p1
            }
        }
    }
}
