/// k-qubit kernels: a dense 2ᵏ×2ᵏ matrix (gates, and superoperators of the density-matrix engine)
/// and a diagonal.
extension AmplitudeBuffer {
    /// Largest k accepted by `applyDense`: 5 for five-qubit gates, 6 so that the superoperator of a
    /// three-qubit channel (acting on 2·3 qubits of a density matrix) can be applied too.
    public static let maximumDenseQubits = 6

    /// Applies the 2ᵏ×2ᵏ `matrix` (interleaved row-major, not necessarily unitary) to `qubits`;
    /// local index bit j is `qubits[j]`.
    ///
    /// The matrix is first compressed to its nonzero entries row by row: superoperators of Pauli
    /// channels and multi-controlled gates are mostly zeros (a two-qubit depolarizing superoperator
    /// has 28 nonzeros of 256), and the loop then does only the products that count.
    @inlinable
    public func applyDense(qubits: [Int], matrix: [Double], threads: Int = 1) {
        let k = qubits.count, dim = 1 << k
        precondition(
            k >= 1 && k <= Self.maximumDenseQubits && matrix.count == 2 * dim * dim
                && Set(qubits).count == k, "applyDense: bad qubits or matrix size")
        // One block of integers: offsets (dim), row starts (dim + 1), sorted qubits (k), columns (≤ dim²).
        let integers = UnsafeMutablePointer<Int>.allocate(capacity: 2 * dim + 1 + k + dim * dim)
        let value = UnsafeMutablePointer<Double>.allocate(capacity: 2 * dim * dim)
        defer {
            integers.deallocate()
            value.deallocate()
        }
        let offset = integers, start = integers + dim, positions = start + dim + 1, column = positions + k
        for l in 0..<dim {
            offset[l] = 0
            for (j, q) in qubits.enumerated() where l >> j & 1 == 1 { offset[l] |= 1 << q }
        }
        for (p, q) in qubits.sorted().enumerated() { positions[p] = q }
        var nonzeros = 0
        start[0] = 0
        for r in 0..<dim {
            for c in 0..<dim where matrix[2 * (r * dim + c)] != 0 || matrix[2 * (r * dim + c) + 1] != 0 {
                column[nonzeros] = c
                value[2 * nonzeros] = matrix[2 * (r * dim + c)]
                value[2 * nonzeros + 1] = matrix[2 * (r * dim + c) + 1]
                nonzeros += 1
            }
            start[r + 1] = nonzeros
        }
        let re = self.re, im = self.im
        // Consecutive j below the lowest target bit map to consecutive bases: such runs (up to
        // `chunk` long) are done together, row by row into a scratch block, so the inner loops run
        // over contiguous amplitudes and vectorise. Each amplitude still sums its row's terms in
        // column order from 0.0, so results do not depend on the run length or the thread split.
        let runMask = (1 << positions[0]) - 1, chunk = 64
        Parallel.forEachRange(
            count: count >> k, threads: threads,
            minimumWork: Parallel.minimumParallelWork >> k
        ) { range in
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 2 * dim * chunk)
            defer { scratch.deallocate() }
            var j = range.lowerBound
            while j < range.upperBound {
                let end = min(range.upperBound, (j | runMask) + 1, j + chunk), length = end - j
                var base = j
                for p in 0..<k { base = BitIndex.insertZero(base, at: positions[p]) }
                for r in 0..<dim {
                    let yr = scratch + 2 * r * chunk, yi = yr + chunk
                    for t in 0..<length {
                        yr[t] = 0
                        yi[t] = 0
                    }
                    for e in start[r]..<start[r + 1] {
                        let xr = re + base + offset[column[e]], xi = im + base + offset[column[e]]
                        let mr = value[2 * e], mi = value[2 * e + 1]
                        for t in 0..<length {
                            yr[t] += mr * xr[t] - mi * xi[t]
                            yi[t] += mr * xi[t] + mi * xr[t]
                        }
                    }
                }
                for r in 0..<dim {
                    (re + base + offset[r]).update(from: scratch + 2 * r * chunk, count: length)
                    (im + base + offset[r]).update(from: scratch + 2 * r * chunk + chunk, count: length)
                }
                j = end
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
