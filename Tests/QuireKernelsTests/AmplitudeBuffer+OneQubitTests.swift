import QuireKernels
import Testing

/// One-target kernels against the textbook matrix–vector product.
struct OneQubitKernelTests {
    /// A general (non-unitary) 2×2 matrix on every target of a 6-qubit state, plain and with two
    /// controls, and on a state large enough (15 qubits) for the threaded path.
    @Test(arguments: [(6, 0), (6, 3), (6, 5), (15, 0), (15, 14)])
    func generalMatrixMatchesTheTextbookProduct(qubits: Int, target: Int) {
        let matrix = randomMatrix(qubits: 1, seed: UInt64(target))
        let controls = [0, 1 << ((target + 1) % qubits) | 1 << ((target + 2) % qubits)]
        for (index, controlMask) in controls.enumerated() {
            let buffer = randomBuffer(qubits: qubits, seed: UInt64(10 * target + index))
            let expected = naiveApply(matrix, qubits: [target], controlMask: controlMask, to: amplitudes(buffer))
            buffer.applyOneQubit(target: target, matrix: matrix, controlMask: controlMask, threads: 3)
            #expect(maximumDifference(amplitudes(buffer), expected) < 1e-14)
        }
    }

    /// The diagonal kernel is the diagonal matrix; controlled X is the permutation of X (Toffoli with two controls).
    @Test(arguments: 0..<5)
    func diagonalAndControlledXMatchTheirMatrices(target: Int) {
        let d0 = (re: 0.3, im: -0.8)
        let d1 = (re: -0.6, im: 0.1)
        let buffer = randomBuffer(qubits: 5, seed: 7)
        let diagonal = interleaved([[Complex(d0.re, d0.im), Complex(0, 0)], [Complex(0, 0), Complex(d1.re, d1.im)]])
        let expected = naiveApply(diagonal, qubits: [target], to: amplitudes(buffer))
        buffer.applyDiagonalOneQubit(target: target, d0: d0, d1: d1)
        #expect(maximumDifference(amplitudes(buffer), expected) < 1e-15)

        let controlMask = 1 << ((target + 2) % 5) | 1 << ((target + 4) % 5)
        let x = interleaved([[Complex(0, 0), Complex(1, 0)], [Complex(1, 0), Complex(0, 0)]])
        let permuted = naiveApply(x, qubits: [target], controlMask: controlMask, to: amplitudes(buffer))
        buffer.applyControlledX(target: target, controlMask: controlMask)
        #expect(amplitudes(buffer) == permuted)
    }
}
