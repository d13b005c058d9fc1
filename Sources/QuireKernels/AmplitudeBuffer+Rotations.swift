/// Allocation-free kernels for the gates of variational circuits: Pauli rotations, two-qubit
/// XX/ZZ rotations, a 2×2 matrix passed by value, a phase on a bit pattern, and the two-buffer
/// matrix element ⟨λ|P|ψ⟩ of a Pauli operator that adjoint differentiation needs.
///
/// The general kernels take their matrices as arrays, which is right for circuits read once; a
/// training loop applies millions of small gates, so these take scalars and never allocate. They
/// run on the calling thread: variational circuits have few qubits and are parallelised over samples.
extension AmplitudeBuffer {
    /// A 2×2 complex matrix passed by value (row-major), for the fixed one-qubit gates of a
    /// variational circuit (h, s, t, sx, …), computed once when the circuit is compiled.
    @frozen
    public struct Matrix2: Hashable, Sendable {
        /// Entries as (re, im), row-major: m00, m01, m10, m11.
        public var m00: SIMD2<Double>, m01: SIMD2<Double>, m10: SIMD2<Double>, m11: SIMD2<Double>

        /// Creates the matrix from its four entries (re, im).
        public init(_ m00: SIMD2<Double>, _ m01: SIMD2<Double>, _ m10: SIMD2<Double>, _ m11: SIMD2<Double>) {
            (self.m00, self.m01, self.m10, self.m11) = (m00, m01, m10, m11)
        }
    }

    /// The axis of a one-qubit Pauli rotation exp(−i·angle·P/2).
    public enum RotationAxis: Sendable {
        /// Rotation about X (Qiskit's rx).
        case x
        /// Rotation about Y (Qiskit's ry).
        case y
        /// Rotation about Z (Qiskit's rz, phases e^{∓i·angle/2}).
        case z
    }

    /// Applies exp(−i·angle·P/2) on `target`, P the Pauli of `axis` (Qiskit's rx, ry, rz), given
    /// c = cos(angle/2) and s = sin(angle/2) (the caller owns the trigonometry; no Foundation here).
    @inlinable
    public func applyRotation(_ axis: RotationAxis, target: Int, cosHalf c: Double, sinHalf s: Double) {
        // One loop per axis, so no branch is left in the loop (measured with `quire-bench small`: the
        // axis test inside the loop was a sixth of a 4-qubit evaluation's rotation time).
        switch axis {
        case .x:
            forEachPair(target: target) { xr, xi, yr, yi in (c * xr + s * yi, c * xi - s * yr, c * yr + s * xi, c * yi - s * xr) }
        case .y:
            forEachPair(target: target) { xr, xi, yr, yi in (c * xr - s * yr, c * xi - s * yi, s * xr + c * yr, s * xi + c * yi) }
        case .z:
            forEachPair(target: target) { xr, xi, yr, yi in (c * xr + s * xi, c * xi - s * xr, c * yr - s * yi, c * yi + s * yr) }
        }
    }

    /// Replaces each amplitude pair (x, y) = (ψ[i], ψ[i + 2^target]) by `update(x.re, x.im, y.re, y.im)`
    /// = (x′.re, x′.im, y′.re, y′.im), on the calling thread.
    @inlinable @inline(__always)
    func forEachPair(
        target: Int, _ update: (Double, Double, Double, Double) -> (Double, Double, Double, Double)
    ) {
        let re = self.re
        let im = self.im
        let step = 1 << target
        for j in 0..<(count >> 1) {
            let i0 = BitIndex.insertZero(j, at: target)
            let i1 = i0 | step
            (re[i0], im[i0], re[i1], im[i1]) = update(re[i0], im[i0], re[i1], im[i1])
        }
    }

    /// Applies the 2×2 `matrix` on `target` where all `controlMask` bits are 1 (0: no controls).
    @inlinable
    public func applyMatrix(_ m: Matrix2, target: Int, controlMask: Int = 0) {
        let re = self.re
        let im = self.im
        let step = 1 << target
        for j in 0..<(count >> 1) {
            let i0 = BitIndex.insertZero(j, at: target)
            let i1 = i0 | step
            if i0 & controlMask != controlMask { continue }
            let xr = re[i0]
            let xi = im[i0]
            let yr = re[i1]
            let yi = im[i1]
            re[i0] = m.m00.x * xr - m.m00.y * xi + m.m01.x * yr - m.m01.y * yi
            im[i0] = m.m00.x * xi + m.m00.y * xr + m.m01.x * yi + m.m01.y * yr
            re[i1] = m.m10.x * xr - m.m10.y * xi + m.m11.x * yr - m.m11.y * yi
            im[i1] = m.m10.x * xi + m.m10.y * xr + m.m11.x * yi + m.m11.y * yr
        }
    }

    /// Applies exp(−i·angle·Z⊗Z/2) on qubits `a`, `b` (Qiskit's rzz): phase e^{−i·angle/2} on even
    /// parity of the two bits, e^{+i·angle/2} on odd parity; c = cos(angle/2), s = sin(angle/2).
    @inlinable
    public func applyZZRotation(_ a: Int, _ b: Int, cosHalf c: Double, sinHalf s: Double) {
        let re = self.re
        let im = self.im
        let mask = 1 << a | 1 << b
        for i in 0..<count {
            let odd = (i & mask).nonzeroBitCount & 1 == 1
            let sign = odd ? s : -s
            let xr = re[i]
            let xi = im[i]
            re[i] = c * xr - sign * xi
            im[i] = c * xi + sign * xr
        }
    }

    /// Applies exp(−i·angle·X⊗X/2) on qubits `a`, `b` (Qiskit's rxx); c = cos(angle/2), s = sin(angle/2).
    @inlinable
    public func applyXXRotation(_ a: Int, _ b: Int, cosHalf c: Double, sinHalf s: Double) {
        let re = self.re
        let im = self.im
        let mask = 1 << a | 1 << b
        for j in 0..<(count >> 1) {
            let i0 = BitIndex.insertZero(j, at: a)
            let i1 = i0 ^ mask
            let xr = re[i0]
            let xi = im[i0]
            let yr = re[i1]
            let yi = im[i1]
            re[i0] = c * xr + s * yi
            im[i0] = c * xi - s * yr
            re[i1] = c * yr + s * xi
            im[i1] = c * yi - s * xr
        }
    }

    /// Swaps the amplitude pairs that differ in `target` where all `controlMask` bits are 1 (CX),
    /// on the calling thread: `applyControlledX` without the run and thread bookkeeping, which
    /// costs more than the swaps on the few amplitudes of a variational circuit (measured with
    /// `quire-bench small`: 11 % of a 4-qubit evaluation went to it).
    @inlinable
    public func applyControlledNot(target: Int, controlMask: Int) {
        let re = self.re
        let im = self.im
        let step = 1 << target
        for j in 0..<(count >> 1) {
            let i0 = BitIndex.insertZero(j, at: target)
            if i0 & controlMask != controlMask { continue }
            let i1 = i0 | step
            (re[i0], re[i1]) = (re[i1], re[i0])
            (im[i0], im[i1]) = (im[i1], im[i0])
        }
    }

    /// Multiplies the amplitudes whose `mask` bits are all 1 by c + i·s = e^{i·phase} (p, cz, cp).
    @inlinable
    public func applyPhase(mask: Int, cos c: Double, sin s: Double) {
        let re = self.re
        let im = self.im
        for i in 0..<count where i & mask == mask {
            let xr = re[i]
            let xi = im[i]
            re[i] = c * xr - s * xi
            im[i] = c * xi + s * xr
        }
    }

    /// Σᵢ conj(bra[i ⊕ xMask]) · (−1)^popcount(i & zMask) · self[i] as (re, im): ⟨bra|X^x Z^z|self⟩,
    /// summed sequentially in index order (one thread; the result is the same on every machine).
    @inlinable
    public func pauliMatrixElement(bra: AmplitudeBuffer, xMask: Int, zMask: Int) -> SIMD2<Double> {
        precondition(bra.count == count, "pauliMatrixElement: sizes differ")
        let re = self.re
        let im = self.im
        let bre = bra.re
        let bim = bra.im
        var sr = 0.0
        var si = 0.0
        for i in 0..<count {
            let k = i ^ xMask
            let pr = bre[k] * re[i] + bim[k] * im[i]
            let pi = bre[k] * im[i] - bim[k] * re[i]
            if (i & zMask).nonzeroBitCount & 1 == 1 {
                sr -= pr
                si -= pi
            } else {
                sr += pr
                si += pi
            }
        }
        return SIMD2(sr, si)
    }

    /// Σᵢ (−1)^popcount(i & zMask) |aᵢ|²: ⟨Z^z⟩, summed sequentially in index order.
    @inlinable
    public func pauliZExpectation(zMask: Int) -> Double {
        let re = self.re
        let im = self.im
        var sum = 0.0
        for i in 0..<count {
            let p = re[i] * re[i] + im[i] * im[i]
            sum += (i & zMask).nonzeroBitCount & 1 == 1 ? -p : p
        }
        return sum
    }

    /// Overwrites the amplitudes with the real parts `real` and imaginary parts `imaginary`
    /// (`count` entries each), e.g. to restore a stored state.
    @inlinable
    public func setAmplitudes(real: UnsafePointer<Double>, imaginary: UnsafePointer<Double>) {
        re.update(from: real, count: count)
        im.update(from: imaginary, count: count)
    }

    /// Copies the amplitudes out into `real` and `imaginary` (`count` entries each).
    @inlinable
    public func copyAmplitudes(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        real.update(from: re, count: count)
        imaginary.update(from: im, count: count)
    }
}

extension AmplitudeBuffer {
    /// Multiplies every amplitude by (−1)^popcount(i & zMask): applies the Pauli operator Z^zMask.
    @inlinable
    public func applyPauliZ(zMask: Int) {
        let re = self.re
        let im = self.im
        for i in 0..<count where (i & zMask).nonzeroBitCount & 1 == 1 {
            re[i] = -re[i]
            im[i] = -im[i]
        }
    }
}
