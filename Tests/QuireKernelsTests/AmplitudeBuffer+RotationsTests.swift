import Foundation
import QuireKernels
import Testing

/// The allocation-free kernels of variational circuits against the matrices of Qiskit's gates.
struct RotationKernelTests {
    static let angle = 0.83
    static let (c, s) = (cos(angle / 2), sin(angle / 2))

    /// rx, ry, rz as exp(−i·angle·P/2).
    @Test(arguments: [AmplitudeBuffer.RotationAxis.x, .y, .z], 0..<4)
    func rotationsMatchTheirMatrices(axis: AmplitudeBuffer.RotationAxis, target: Int) {
        let (c, s, o) = (Self.c, Self.s, 0.0)
        let matrix: [[Complex]] =
            switch axis {
            case .x: [[Complex(c, o), Complex(o, -s)], [Complex(o, -s), Complex(c, o)]]
            case .y: [[Complex(c, o), Complex(-s, o)], [Complex(s, o), Complex(c, o)]]
            case .z: [[Complex(c, -s), Complex(o, o)], [Complex(o, o), Complex(c, s)]]
            }
        let buffer = randomBuffer(qubits: 4, seed: 11)
        let expected = naiveApply(interleaved(matrix), qubits: [target], to: amplitudes(buffer))
        buffer.applyRotation(axis, target: target, cosHalf: c, sinHalf: s)
        #expect(maximumDifference(amplitudes(buffer), expected) < 1e-15)
    }

    /// rxx and rzz as exp(−i·angle·P⊗P/2), and a phase e^{iφ} on the states with both mask bits set (cp).
    @Test func twoQubitRotationsAndPhaseMatchTheirMatrices() {
        let (c, s) = (Self.c, Self.s)
        let (o, cc) = (Complex(0, 0), Complex(c, 0))
        let xx = interleaved([
            [cc, o, o, Complex(0, -s)], [o, cc, Complex(0, -s), o], [o, Complex(0, -s), cc, o], [Complex(0, -s), o, o, cc],
        ])
        let (even, odd) = (Complex(c, -s), Complex(c, s))
        let zz = interleaved([[even, o, o, o], [o, odd, o, o], [o, o, odd, o], [o, o, o, even]])
        let phase = interleaved([
            [Complex(1, 0), o, o, o], [o, Complex(1, 0), o, o], [o, o, Complex(1, 0), o], [o, o, o, Complex(cos(0.4), sin(0.4))],
        ])
        let buffer = randomBuffer(qubits: 4, seed: 12)
        var expected = naiveApply(xx, qubits: [3, 1], to: amplitudes(buffer))
        expected = naiveApply(zz, qubits: [0, 2], to: expected)
        expected = naiveApply(phase, qubits: [1, 2], to: expected)
        buffer.applyXXRotation(3, 1, cosHalf: c, sinHalf: s)
        buffer.applyZZRotation(0, 2, cosHalf: c, sinHalf: s)
        buffer.applyPhase(mask: 0b0110, cos: cos(0.4), sin: sin(0.4))
        #expect(maximumDifference(amplitudes(buffer), expected) < 1e-15)
    }

    /// A by-value 2×2 matrix with a control (cy), and ⟨Z^z⟩ and ⟨λ|X^x Z^z|ψ⟩ as plain sums.
    @Test func controlledMatrixAndPauliReadsMatchTextbookSums() {
        let (o, i) = (Complex(0, 0), Complex(0, 1))
        let y = AmplitudeBuffer.Matrix2(o, -i, i, o)
        let buffer = randomBuffer(qubits: 4, seed: 13)
        let expected = naiveApply(interleaved([[o, -i], [i, o]]), qubits: [2], controlMask: 1 << 0, to: amplitudes(buffer))
        buffer.applyMatrix(y, target: 2, controlMask: 1 << 0)
        #expect(maximumDifference(amplitudes(buffer), expected) < 1e-15)

        let psi = amplitudes(buffer)
        let sign = { (i: Int, z: Int) in (i & z).nonzeroBitCount & 1 == 0 ? 1.0 : -1.0 }
        let zExpectation = psi.indices.reduce(0.0) { $0 + sign($1, 0b1010) * (psi[$1].x * psi[$1].x + psi[$1].y * psi[$1].y) }
        #expect(abs(buffer.pauliZExpectation(zMask: 0b1010) - zExpectation) < 1e-14)

        let bra = randomBuffer(qubits: 4, seed: 14)
        let lambda = amplitudes(bra)
        let element = psi.indices.reduce(Complex(0, 0)) {
            let b = lambda[$1 ^ 0b0101]
            return $0 + sign($1, 0b0011) * product(Complex(b.x, -b.y), psi[$1])
        }
        #expect(maximumDifference([buffer.pauliMatrixElement(bra: bra, xMask: 0b0101, zMask: 0b0011)], [element]) < 1e-14)
    }
}
