import QuireKernels
import Testing

/// k-qubit kernels against the textbook product, and a channel applied to a density matrix
/// through its superoperator against the Kraus sum Σ K ρ K†.
struct DenseKernelTests {
    /// A dense 8×8 matrix on unordered qubits, and a diagonal on the same qubits.
    @Test(arguments: [[3, 0, 4], [1, 2, 0], [5, 3, 1]])
    func denseAndDiagonalMatchTheTextbookProduct(qubits: [Int]) {
        let matrix = randomMatrix(qubits: 3, seed: UInt64(qubits[0]))
        let buffer = randomBuffer(qubits: 6, seed: 5)
        let expected = naiveApply(matrix, qubits: qubits, to: amplitudes(buffer))
        buffer.applyDense(qubits: qubits, matrix: matrix)
        #expect(maximumDifference(amplitudes(buffer), expected) < 1e-14)

        let diagonal = randomMatrix(qubits: 1, seed: 9) + randomMatrix(qubits: 1, seed: 10)
        var asMatrix = [Double](repeating: 0, count: 2 << 6)
        for l in 0..<8 { (asMatrix[2 * (9 * l)], asMatrix[2 * (9 * l) + 1]) = (diagonal[2 * l], diagonal[2 * l + 1]) }
        let scaled = naiveApply(asMatrix, qubits: qubits, to: amplitudes(buffer))
        buffer.applyDiagonal(qubits: qubits, diagonal: diagonal)
        #expect(maximumDifference(amplitudes(buffer), scaled) < 1e-15)
    }

    /// Amplitude damping (γ = 0.3) on qubit `qubit` of a 2-qubit ρ stored as ρ[r][c] at r | c << 2:
    /// its superoperator S[(r′, c′), (r, c)] = Σₖ K[r′][r]·conj(K[c′][c]) applied by `applyDense` on
    /// (qubit, qubit + 2) gives Σₖ KρK† summed entry by entry; the trace, diagonal and a Pauli
    /// trace of the result read back as computed from that matrix.
    @Test(arguments: [0, 1])
    func channelThroughItsSuperoperatorIsTheKrausSum(qubit: Int) {
        let gamma = 0.3
        let kraus: [[[Complex]]] = [
            [[Complex(1, 0), Complex(0, 0)], [Complex(0, 0), Complex((1 - gamma).squareRoot(), 0)]],
            [[Complex(0, 0), Complex(gamma.squareRoot(), 0)], [Complex(0, 0), Complex(0, 0)]],
        ]
        var superoperator = [[Complex]](repeating: [Complex](repeating: Complex(0, 0), count: 4), count: 4)
        for k in kraus {
            for (r1, c1, r, c) in (0..<16).map({ ($0 & 1, $0 >> 1 & 1, $0 >> 2 & 1, $0 >> 3 & 1) }) {
                let conjugate = Complex(k[c1][c].x, -k[c1][c].y)
                superoperator[r1 | c1 << 1][r | c << 1] += product(k[r1][r], conjugate)
            }
        }
        let rho = randomBuffer(qubits: 4, seed: 6)
        let before = amplitudes(rho)
        rho.applyDense(qubits: [qubit, qubit + 2], matrix: interleaved(superoperator))

        // Σₖ K_full ρ K_full† with K_full = K on `qubit`, identity on the other qubit.
        func full(_ k: [[Complex]], _ row: Int, _ column: Int) -> Complex {
            row & ~(1 << qubit) == column & ~(1 << qubit) ? k[row >> qubit & 1][column >> qubit & 1] : Complex(0, 0)
        }
        var expected = [Complex](repeating: Complex(0, 0), count: 16)
        for k in kraus {
            for r in 0..<4 {
                for c in 0..<4 {
                    for a in 0..<4 {
                        for b in 0..<4 {
                            let right = full(k, c, b)
                            expected[r | c << 2] += product(product(full(k, r, a), before[a | b << 2]), Complex(right.x, -right.y))
                        }
                    }
                }
            }
        }
        #expect(maximumDifference(amplitudes(rho), expected) < 1e-15)

        let trace = (0..<4).reduce(0.0) { $0 + expected[$1 | $1 << 2].x }
        #expect(abs(rho.densityTrace() - trace) < 1e-15)
        #expect(abs(trace - (0..<4).reduce(0.0) { $0 + before[$1 | $1 << 2].x }) < 1e-15)  // trace preserving
        var diagonal = [Double](repeating: 0.5, count: 4)
        diagonal.withUnsafeMutableBufferPointer { rho.accumulateDensityDiagonal(into: $0.baseAddress!, weight: 2) }
        #expect(zip(diagonal, (0..<4).map { 0.5 + 2 * expected[$0 | $0 << 2].x }).allSatisfy { abs($0 - $1) < 1e-15 })
        // Tr(X₀ Z₁ ρ) = Σ_c (−1)^{c₁} ρ[c][c ⊕ 1].
        var pauli = Complex(0, 0)
        for c in 0..<4 {
            let sign: Double = c & 2 == 0 ? 1 : -1
            pauli += sign * expected[c | (c ^ 1) << 2]
        }
        #expect(maximumDifference([rho.densityPauliSum(xMask: 1, zMask: 2)], [pauli]) < 1e-15)
    }
}
