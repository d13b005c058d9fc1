/// Reductions and element-wise maps over the amplitudes: probabilities, norm, the probability of
/// reading 1 on a qubit, inner products, Pauli expectation sums, scaling.
///
/// Every sum goes through `Parallel.sum`, so its value is identical for any thread count.
extension AmplitudeBuffer {
    /// Adds `weight · |aᵢ|²` to `probabilities[i]` for every i (`count` entries).
    @inlinable
    public func accumulateProbabilities(
        into probabilities: UnsafeMutablePointer<Double>, weight: Double = 1,
        threads: Int = 1
    ) {
        let re = self.re, im = self.im
        Parallel.forEachRange(count: count, threads: threads) { range in
            for i in range { probabilities[i] += weight * (re[i] * re[i] + im[i] * im[i]) }
        }
    }

    /// Σ |aᵢ|², summed in the fixed chunk order.
    @inlinable
    public func normSquared(threads: Int = 1) -> Double {
        let re = self.re, im = self.im
        return Parallel.sum(count: count, threads: threads) { range in
            var s = 0.0
            for i in range { s += re[i] * re[i] + im[i] * im[i] }
            return SIMD2(s, 0)
        }.x
    }

    /// (Σ |aᵢ|² over the indices whose bit `qubit` is 0, the same over bit 1) in one pass: the
    /// unnormalised weights of the two outcomes of measuring `qubit`. A measurement divides by their
    /// sum rather than assuming the state has norm 1, so rounding never accumulates across projections.
    @inlinable
    public func outcomeWeights(qubit: Int, threads: Int = 1) -> SIMD2<Double> {
        let re = self.re, im = self.im, step = 1 << qubit
        return Parallel.sum(count: count / 2, threads: threads) { range in
            var s = SIMD2<Double>(0, 0)
            for j in range {
                let i = BitIndex.insertZero(j, at: qubit)
                s.x += re[i] * re[i] + im[i] * im[i]
                s.y += re[i | step] * re[i | step] + im[i | step] * im[i | step]
            }
            return s
        }
    }

    /// Σ |aᵢ|² · wᵢ with fixed pseudo-random weights wᵢ ∈ [0, 1) (a multiplicative hash of i): a
    /// fingerprint that does not change with the global phase, so states equal up to phase get
    /// equal fingerprints (to rounding) and different states almost surely different ones. One pass,
    /// in place of comparing a state with every other.
    @inlinable
    public func phaseInvariantFingerprint(threads: Int = 1) -> Double {
        let re = self.re, im = self.im
        return Parallel.sum(count: count, threads: threads) { range in
            var s = 0.0
            for i in range {
                let w = Double((UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15) >> 11) * 0x1p-53
                s += (re[i] * re[i] + im[i] * im[i]) * w
            }
            return SIMD2(s, 0)
        }.x
    }

    /// ⟨self|other⟩ = Σ conj(aᵢ) bᵢ as (re, im).
    @inlinable
    public func innerProduct(with other: AmplitudeBuffer, threads: Int = 1) -> SIMD2<Double> {
        precondition(other.count == count, "innerProduct: sizes differ")
        let ar = re, ai = im, br = other.re, bi = other.im
        return Parallel.sum(count: count, threads: threads) { range in
            var sr = 0.0, si = 0.0
            for i in range {
                sr += ar[i] * br[i] + ai[i] * bi[i]
                si += ar[i] * bi[i] - ai[i] * br[i]
            }
            return SIMD2(sr, si)
        }
    }

    /// Σᵢ conj(a[i ⊕ xMask]) · (−1)^popcount(i & zMask) · a[i] as (re, im): ⟨ψ|X^x Z^z|ψ⟩, to which
    /// the caller applies the factor i^(number of Y) of a Pauli string.
    @inlinable
    public func pauliSum(xMask: Int, zMask: Int, threads: Int = 1) -> SIMD2<Double> {
        let re = self.re, im = self.im
        return Parallel.sum(count: count, threads: threads) { range in
            var sr = 0.0, si = 0.0
            for i in range {
                let k = i ^ xMask
                let sign: Double = (i & zMask).nonzeroBitCount & 1 == 0 ? 1 : -1
                sr += sign * (re[k] * re[i] + im[k] * im[i])
                si += sign * (re[k] * im[i] - im[k] * re[i])
            }
            return SIMD2(sr, si)
        }
    }

    /// Multiplies every amplitude by the real `factor` (renormalisation).
    @inlinable
    public func scale(by factor: Double, threads: Int = 1) {
        let re = self.re, im = self.im
        Parallel.forEachRange(count: count, threads: threads) { range in
            for i in range {
                re[i] *= factor
                im[i] *= factor
            }
        }
    }
}
