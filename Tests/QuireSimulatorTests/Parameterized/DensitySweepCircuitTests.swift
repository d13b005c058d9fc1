import Numerics
import QuireCircuitTestSupport
import QuireKernels
import QuireTestSupport
import Testing

@testable import QuireSimulator

/// The density training path's sweeps (`CompiledDensityCircuit+Sweeps`): each channel against its
/// Kraus sum, and whole noisy circuits against the gate-by-gate kernel calls they replace, bit for bit.
struct DensitySweepCircuitTests {
    /// A channel's sweep operation is ρ → Σ K ρ K† (the Kraus-sum definition, with ComplexMatrix
    /// products) on a random ρ of 3 qubits, to 1e-14: depolarizing on one and two qubits, thermal relaxation.
    @Test(arguments: 0..<3)
    func channelSweepIsTheKrausSum(kind: Int) {
        let n = 3
        let channel =
            switch kind {
            case 0: QuantumChannel.depolarizing(lambda: 0.3, on: [1])
            case 1: QuantumChannel.depolarizing(lambda: 0.2, on: [2, 0])
            default: QuantumChannel.thermalRelaxation(t1: 50, t2: 70, time: 9, on: 2)
            }
        let values = uniforms(2 << (2 * n), seed: UInt64(kind), purpose: "sweep-rho")
        let rho = ComplexMatrix(
            dimension: 1 << n, elements: (0..<(1 << (2 * n))).map { Complex(values[2 * $0], values[2 * $0 + 1]) })
        let buffer = AmplitudeBuffer(qubitCount: 2 * n)
        for r in 0..<(1 << n) {
            for c in 0..<(1 << n) { buffer[r | c << n] = (rho[r, c].real, rho[r, c].imaginary) }
        }
        let qubits = channel.qubits + channel.qubits.map { $0 + n }, bits = qubits.sorted()
        let matrix = DensityGroupMatrix(
            groupBits: bits.count, bits: qubits.map { bits.firstIndex(of: $0)! },
            matrix: channel.superoperator.elements.flatMap { [$0.real, $0.imaginary] })
        buffer.applyDensitySweep(bits: bits, operations: [.sparse(matrix)])
        let expected = channel.krausOperators.map { $0.embedded(from: channel.qubits, into: Array(0..<n)) }
            .reduce(ComplexMatrix(dimension: 1 << n, elements: Array(repeating: .zero, count: 1 << (2 * n)))) { $0 + $1 * rho * $1.adjoint }
        for r in 0..<(1 << n) {
            for c in 0..<(1 << n) {
                let (re, im) = buffer[r | c << n]
                #expect(abs(re - expected[r, c].real) < 1e-14 && abs(im - expected[r, c].imaginary) < 1e-14)
            }
        }
    }

    /// ⟨O⟩, the adjoint gradient and the parameter-shift values of the sweeps equal, to the last bit,
    /// the gate-by-gate kernel calls (row side, column side, then each channel's `applyDense`; Pauli
    /// elements one at a time) that the density path made before, on random noisy circuits of 4
    /// qubits with every gate kind (xx, zz and swap outside the sweeps), conditions and relaxation.
    @Test(arguments: 0..<4)
    func sweepsEqualTheGateByGateKernels(seed: Int) throws {
        let circuit = try GradientTests.randomCircuit(seed: UInt64(300 + seed), qubits: 4, gates: 40)
        let theta = uniforms(5, seed: UInt64(seed), purpose: "theta", in: -3...3)
        let inputs = uniforms(2, seed: UInt64(seed), purpose: "inputs") + [Double(seed % 2)]
        let density = CompiledDensityCircuit(circuit: circuit, noise: CircuitFixtures.mixedNoise(), zMask: 0b0101)
        let reference = GateByGate(circuit: circuit, density: density, model: NoiseModel(profile: CircuitFixtures.mixedNoise()))
        var gradient = [Double](repeating: .nan, count: 5)
        var shifted: [Int: [UInt64]] = [:]
        let (value, shiftValue) = theta.withUnsafeBufferPointer { t in
            inputs.withUnsafeBufferPointer { u in
                let value = gradient.withUnsafeMutableBufferPointer {
                    density.adjointGradient(parameters: t, inputs: u, workspace: density.makeWorkspace(), gradient: $0)
                }
                let shiftValue = density.shiftedExpectations(parameters: t, inputs: u, workspace: density.makeWorkspace()) {
                    shifted[$0] = [$1.bitPattern, $2.bitPattern]
                }
                return (value, shiftValue)
            }
        }
        let expected = reference.run(theta, inputs)
        #expect(value.bitPattern == expected.value.bitPattern && shiftValue.bitPattern == expected.value.bitPattern)
        #expect(gradient.map(\.bitPattern) == expected.gradient.map(\.bitPattern))
        #expect(shifted == expected.shifted)
    }
}

/// The density path as it was before sweeps: one kernel call per gate side and per channel.
private struct GateByGate {
    let circuit: ParameterizedCircuit
    let density: CompiledDensityCircuit
    let model: NoiseModel

    func run(_ theta: [Double], _ inputs: [Double]) -> (value: Double, gradient: [Double], shifted: [Int: [UInt64]]) {
        let n = circuit.qubitCount, unitary = density.unitary
        let rho = AmplitudeBuffer(qubitCount: 2 * n), adjoint = AmplitudeBuffer(qubitCount: 2 * n)
        var snapshots: [Int: AmplitudeBuffer] = [:]
        let channels = circuit.gates.map { model.channels(after: $0.gate, on: $0.qubits) }
        func dense(_ channel: QuantumChannel, adjoint: Bool) -> [Double] {
            (adjoint ? channel.superoperator.adjoint : channel.superoperator).elements.flatMap { [$0.real, $0.imaginary] }
        }
        return theta.withUnsafeBufferPointer { t in
            inputs.withUnsafeBufferPointer { u in
                rho.setBasisState(0)
                for index in circuit.gates.indices {
                    unitary.apply(index, to: rho, parameters: t, inputs: u, inverse: false)
                    unitary.apply(index, to: rho, parameters: t, inputs: u, inverse: false, conjugate: true, offset: n)
                    if circuit.gates[index].angle?.parameter != nil { snapshots[index] = AmplitudeBuffer(copying: rho) }
                    guard unitary.isActive(index, inputs: u) else { continue }
                    for channel in channels[index] {
                        rho.applyDense(qubits: channel.qubits + channel.qubits.map { $0 + n }, matrix: dense(channel, adjoint: false))
                    }
                }
                let value = density.expectation(rho)
                var gradient = [Double](repeating: 0, count: theta.count), shifted: [Int: [UInt64]] = [:]
                adjoint.setZero()
                for i in density.observable.indices { adjoint[i | i << n] = (density.observable[i], 0) }
                for index in circuit.gates.indices.reversed() {
                    if unitary.isActive(index, inputs: u) {
                        for channel in channels[index].reversed() {
                            adjoint.applyDense(qubits: channel.qubits + channel.qubits.map { $0 + n }, matrix: dense(channel, adjoint: true))
                        }
                    }
                    let gate = unitary.gates[index]
                    if let k = gate.angle.parameter, unitary.isActive(index, inputs: u), let ket = snapshots[index] {
                        let rows = ket.pauliMatrixElement(bra: adjoint, xMask: gate.xMask, zMask: gate.zMask)
                        let columns = ket.pauliMatrixElement(bra: adjoint, xMask: gate.xMask << n, zMask: gate.zMask << n)
                        let both = ket.pauliMatrixElement(bra: adjoint, xMask: gate.xMask | gate.xMask << n, zMask: gate.zMask | gate.zMask << n)
                        let slope = gate.yCount == 0 ? (rows.y - columns.y) / 2 : (rows.x + columns.x) / 2
                        gradient[k] += gate.angle.parameterScale * slope
                        let middle = (value + both.x) / 2
                        shifted[index] = [(middle + slope).bitPattern, (middle - slope).bitPattern]
                    }
                    unitary.apply(index, to: adjoint, parameters: t, inputs: u, inverse: true)
                    unitary.apply(index, to: adjoint, parameters: t, inputs: u, inverse: true, conjugate: true, offset: n)
                }
                return (value, gradient, shifted)
            }
        }
    }
}
