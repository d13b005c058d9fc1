import QuireKernels
import Testing

/// Two-qubit kernels against the textbook matrix–vector product (local bit 0 is the first qubit).
struct TwoQubitKernelTests {
    /// A general 4×4 matrix on ordered pairs of adjacent, distant and reversed qubits.
    @Test(arguments: [(0, 1), (1, 0), (2, 5), (5, 2), (0, 4)])
    func generalMatrixMatchesTheTextbookProduct(q0: Int, q1: Int) {
        let matrix = randomMatrix(qubits: 2, seed: UInt64(q0 * 8 + q1))
        let buffer = randomBuffer(qubits: 6, seed: 3)
        let expected = naiveApply(matrix, qubits: [q0, q1], to: amplitudes(buffer))
        buffer.applyTwoQubit(q0, q1, matrix: matrix)
        #expect(maximumDifference(amplitudes(buffer), expected) < 1e-14)
    }

    /// Swap, plain and controlled (Fredkin), is the permutation of the SWAP matrix.
    @Test(arguments: [0, 1 << 3])
    func swapMatchesItsMatrix(controlMask: Int) {
        let (o, l) = (Complex(0, 0), Complex(1, 0))
        let swap = interleaved([[l, o, o, o], [o, o, l, o], [o, l, o, o], [o, o, o, l]])
        let buffer = randomBuffer(qubits: 5, seed: 4)
        let expected = naiveApply(swap, qubits: [1, 4], controlMask: controlMask, to: amplitudes(buffer))
        buffer.applySwap(1, 4, controlMask: controlMask)
        #expect(amplitudes(buffer) == expected)
    }
}
