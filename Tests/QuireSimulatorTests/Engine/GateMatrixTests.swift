import Numerics
import QuireKernels
import Testing

@testable import QuireSimulator

/// Every standard gate's matrix against Qiskit's (generate_gate_matrices.py), and the kernel call
/// chosen for it against a naive dense multiplication.
struct GateMatrixTests {
    @Test func referenceCoversEveryGate() {
        #expect(Set(ReferenceData.gateCases.map(\.gate)) == Set(StandardGate.allCases))
    }

    /// Exact agreement, global phase included (1e-12: a few rounding steps of trigonometric values).
    @Test(arguments: ReferenceData.gateCases)
    func matchesQiskit(_ reference: ReferenceData.GateCase) {
        let matrix = reference.gate.matrix(parameters: reference.parameters)
        #expect(matrix.maxDistance(to: reference.matrix) <= 1e-12)
    }

    @Test(arguments: ReferenceData.gateCases)
    func isUnitary(_ reference: ReferenceData.GateCase) {
        let matrix = reference.gate.matrix(parameters: reference.parameters)
        #expect((matrix.adjoint * matrix).maxDistance(to: .identity(matrix.dimension)) <= 1e-12)
    }

    /// The specialised kernel of each gate on scattered qubits of a 7-qubit random state equals the
    /// gate's matrix applied by a plain loop over basis states.
    @Test(arguments: ReferenceData.gateCases)
    func kernelMatchesMatrix(_ reference: ReferenceData.GateCase) {
        let qubits = [5, 1, 6, 0, 3].prefix(reference.gate.qubitCount).map { $0 }
        let buffer = randomState(qubits: 7, seed: 3)
        let expected = naiveApply(reference.matrix, qubits: qubits, to: buffer)
        KernelOperation(gate: reference.gate, qubits: qubits, parameters: reference.parameters).apply(to: buffer, threads: 1)
        #expect(maxDifference(amplitudes(buffer), expected) <= 1e-12)
    }
}

/// A normalised pseudo-random state (deterministic: a fixed linear congruence, not a test of randomness).
func randomState(qubits: Int, seed: UInt64) -> AmplitudeBuffer {
    let buffer = AmplitudeBuffer(qubitCount: qubits)
    var x = seed &* 6_364_136_223_846_793_005 &+ 1
    func next() -> Double {
        x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(x >> 11) * 0x1.0p-53 - 0.5
    }
    for i in 0..<buffer.count { buffer[i] = (next(), next()) }
    buffer.scale(by: 1 / buffer.normSquared().squareRoot())
    return buffer
}

/// Amplitudes as [re0, im0, re1, im1, …].
func amplitudes(_ buffer: AmplitudeBuffer) -> [Double] {
    (0..<buffer.count).flatMap { [buffer[$0].re, buffer[$0].im] }
}

/// `matrix` on `qubits` applied to a copy of `buffer` by summing over basis states (the test's truth).
func naiveApply(_ matrix: ComplexMatrix, qubits: [Int], to buffer: AmplitudeBuffer) -> [Double] {
    let mask = qubits.reduce(0) { $0 | 1 << $1 }
    let local = { (i: Int) in qubits.enumerated().reduce(0) { $0 | (i >> $1.element & 1) << $1.offset } }
    let global = { (l: Int) in qubits.enumerated().reduce(0) { $0 | (l >> $1.offset & 1) << $1.element } }
    var out = [Double](repeating: 0, count: 2 * buffer.count)
    for i in 0..<buffer.count {
        var sum = Complex<Double>.zero
        for c in 0..<matrix.dimension {
            let j = i & ~mask | global(c)
            sum += matrix[local(i), c] * Complex(buffer[j].re, buffer[j].im)
        }
        out[2 * i] = sum.real
        out[2 * i + 1] = sum.imaginary
    }
    return out
}
