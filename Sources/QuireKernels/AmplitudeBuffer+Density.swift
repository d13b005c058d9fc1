/// Reads of a density matrix ρ on n qubits stored as a 2n-qubit buffer, element ρ[r][c] at index
/// r | (c << n): its diagonal and Pauli traces.
extension AmplitudeBuffer {
    /// Adds `weight · Re ρ[r][r]` to `probabilities[r]` for r in 0..<2ⁿ, where this buffer holds ρ
    /// on n = `qubitCount / 2` qubits.
    @inlinable
    public func accumulateDensityDiagonal(
        into probabilities: UnsafeMutablePointer<Double>, weight: Double = 1,
        threads: Int = 1
    ) {
        let n = qubitCount / 2, re = self.re
        Parallel.forEachRange(count: 1 << n, threads: threads) { range in
            for r in range { probabilities[r] += weight * re[r | r << n] }
        }
    }

    /// Tr ρ, summed in the fixed chunk order.
    @inlinable
    public func densityTrace(threads: Int = 1) -> Double {
        let n = qubitCount / 2, re = self.re
        return Parallel.sum(count: 1 << n, threads: threads) { range in
            var s = 0.0
            for r in range { s += re[r | r << n] }
            return SIMD2(s, 0)
        }.x
    }

    /// Σ_c (−1)^popcount(c & zMask) · ρ[c][c ⊕ xMask] as (re, im) = Tr(X^x Z^z ρ), to which the
    /// caller applies the factor i^(number of Y) of a Pauli string.
    @inlinable
    public func densityPauliSum(xMask: Int, zMask: Int, threads: Int = 1) -> SIMD2<Double> {
        let n = qubitCount / 2, re = self.re, im = self.im
        return Parallel.sum(count: 1 << n, threads: threads) { range in
            var sr = 0.0, si = 0.0
            for c in range {
                let index = c | (c ^ xMask) << n
                let sign: Double = (c & zMask).nonzeroBitCount & 1 == 0 ? 1 : -1
                sr += sign * re[index]
                si += sign * im[index]
            }
            return SIMD2(sr, si)
        }
    }
}
