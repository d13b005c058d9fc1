/// Two-qubit kernels: a general 4×4 matrix and a (controlled) swap.
extension AmplitudeBuffer {
    /// Applies the 4×4 `matrix` (interleaved row-major) to qubits `[q0, q1]`; local index bit 0 is
    /// `q0`, bit 1 is `q1` (Qiskit's little-endian order).
    @inlinable
    public func applyTwoQubit(_ q0: Int, _ q1: Int, matrix: [Double], threads: Int = 1) {
        precondition(matrix.count == 32 && q0 != q1, "applyTwoQubit: bad matrix or qubits")
        let re = self.re, im = self.im
        let low = min(q0, q1), high = max(q0, q1), s0 = 1 << q0, s1 = 1 << q1
        matrix.withUnsafeBufferPointer { m in
            Parallel.forEachRange(count: count / 4, threads: threads) { range in
                for j in range {
                    let base = BitIndex.insertZeros(j, low, high)
                    let i1 = base | s0, i2 = base | s1, i3 = base | s0 | s1
                    let xr0 = re[base], xi0 = im[base], xr1 = re[i1], xi1 = im[i1]
                    let xr2 = re[i2], xi2 = im[i2], xr3 = re[i3], xi3 = im[i3]
                    @inline(__always) func row(_ r: Int) -> (Double, Double) {
                        let o = 8 * r
                        let yr = m[o] * xr0 - m[o + 1] * xi0 + m[o + 2] * xr1 - m[o + 3] * xi1
                            + m[o + 4] * xr2 - m[o + 5] * xi2 + m[o + 6] * xr3 - m[o + 7] * xi3
                        let yi = m[o] * xi0 + m[o + 1] * xr0 + m[o + 2] * xi1 + m[o + 3] * xr1
                            + m[o + 4] * xi2 + m[o + 5] * xr2 + m[o + 6] * xi3 + m[o + 7] * xr3
                        return (yr, yi)
                    }
                    (re[base], im[base]) = row(0)
                    (re[i1], im[i1]) = row(1)
                    (re[i2], im[i2]) = row(2)
                    (re[i3], im[i3]) = row(3)
                }
            }
        }
    }

    /// Exchanges qubits `a` and `b` on the amplitudes whose `controlMask` bits are all 1 (SWAP, CSWAP).
    @inlinable
    public func applySwap(_ a: Int, _ b: Int, controlMask: Int = 0, threads: Int = 1) {
        precondition(a != b && controlMask & (1 << a | 1 << b) == 0, "applySwap: bad qubits or control mask")
        let re = self.re, im = self.im
        let low = min(a, b), high = max(a, b), sa = 1 << a, sb = 1 << b
        Parallel.forEachRange(count: count / 4, threads: threads) { range in
            for j in range {
                let base = BitIndex.insertZeros(j, low, high)
                if base & controlMask != controlMask { continue }
                let i = base | sa, k = base | sb
                let xr = re[i], xi = im[i]
                re[i] = re[k]
                im[i] = im[k]
                re[k] = xr
                im[k] = xi
            }
        }
    }
}
