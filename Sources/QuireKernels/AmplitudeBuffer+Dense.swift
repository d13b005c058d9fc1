/// k-qubit kernels: a dense 2ᵏ×2ᵏ matrix (gates, and superoperators of the density-matrix engine)
/// and a diagonal.
extension AmplitudeBuffer {
    /// Largest k accepted by `applyDense`: 5 for five-qubit gates, 6 so that the superoperator of a
    /// three-qubit channel (acting on 2·3 qubits of a density matrix) can be applied too.
    public static let maximumDenseQubits = 6

    /// Applies the 2ᵏ×2ᵏ `matrix` (interleaved row-major, not necessarily unitary) to `qubits`;
    /// local index bit j is `qubits[j]`.
    @inlinable
    public func applyDense(qubits: [Int], matrix: [Double], threads: Int = 1) {
        let k = qubits.count, dim = 1 << k
        precondition(k >= 1 && k <= Self.maximumDenseQubits && matrix.count == 2 * dim * dim
            && Set(qubits).count == k, "applyDense: bad qubits or matrix size")
        let sorted = qubits.sorted()
        var offsets = [Int](repeating: 0, count: dim)
        for l in 0..<dim {
            for (j, q) in qubits.enumerated() where l >> j & 1 == 1 { offsets[l] |= 1 << q }
        }
        let re = self.re, im = self.im
        matrix.withUnsafeBufferPointer { m in
            offsets.withUnsafeBufferPointer { offset in
                sorted.withUnsafeBufferPointer { positions in
                    Parallel.forEachRange(count: count >> k, threads: threads,
                                          minimumWork: Parallel.minimumParallelWork >> k) { range in
                        let xr = UnsafeMutablePointer<Double>.allocate(capacity: 2 * dim)
                        defer { xr.deallocate() }
                        let xi = xr + dim
                        for j in range {
                            var base = j
                            for p in positions { base = BitIndex.insertZero(base, at: p) }
                            for l in 0..<dim {
                                xr[l] = re[base | offset[l]]
                                xi[l] = im[base | offset[l]]
                            }
                            for r in 0..<dim {
                                var yr = 0.0, yi = 0.0
                                let row = m.baseAddress! + 2 * dim * r
                                for c in 0..<dim {
                                    let mr = row[2 * c], mi = row[2 * c + 1]
                                    yr += mr * xr[c] - mi * xi[c]
                                    yi += mr * xi[c] + mi * xr[c]
                                }
                                re[base | offset[r]] = yr
                                im[base | offset[r]] = yi
                            }
                        }
                    }
                }
            }
        }
    }

    /// Multiplies each amplitude by `diagonal[l]`, where l is the amplitude's local index on
    /// `qubits` (bit j is `qubits[j]`); `diagonal` holds 2ᵏ entries interleaved (re, im).
    @inlinable
    public func applyDiagonal(qubits: [Int], diagonal: [Double], threads: Int = 1) {
        precondition(diagonal.count == 2 << qubits.count, "applyDiagonal: need 2ᵏ entries")
        let re = self.re, im = self.im
        diagonal.withUnsafeBufferPointer { d in
            qubits.withUnsafeBufferPointer { q in
                Parallel.forEachRange(count: count, threads: threads) { range in
                    for i in range {
                        var l = 0
                        for j in 0..<q.count { l |= (i >> q[j] & 1) << j }
                        let dr = d[2 * l], di = d[2 * l + 1]
                        let xr = re[i], xi = im[i]
                        re[i] = dr * xr - di * xi
                        im[i] = dr * xi + di * xr
                    }
                }
            }
        }
    }
}
