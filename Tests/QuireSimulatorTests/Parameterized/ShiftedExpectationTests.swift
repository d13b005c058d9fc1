import Foundation
import QuireCircuitTestSupport
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireSimulator

/// The exact values shot-based parameter shift draws from: every shifted circuit's ⟨O⟩ from the
/// compiled programs against the engine running the bound shifted circuit.
struct ShiftedExpectationTests {
    /// ⟨O⟩ and each f(a ± π/2) from one density-matrix forward and adjoint pass equal the
    /// density-matrix engine's ⟨O⟩ of the bound shifted circuit (1e-12, the engine's rounding;
    /// independent code paths: Kraus maps there), for every active trainable gate in reverse order.
    @Test(arguments: 0..<4)
    func densityShiftedValuesEqualTheEngine(seed: Int) throws {
        let circuit = try GradientTests.randomCircuit(seed: UInt64(200 + seed))
        let theta = uniforms(5, seed: UInt64(seed), purpose: "theta", in: -3...3)
        let inputs = uniforms(2, seed: UInt64(seed), purpose: "inputs") + [Double(seed % 2)]
        let noise = CircuitFixtures.mixedNoise()
        let zMask = seed % 2 == 0 ? 0b111 : 0b010
        let density = CompiledDensityCircuit(circuit: circuit, noise: noise, zMask: zMask)
        var shifted: [(gate: Int, plus: Double, minus: Double)] = []
        let value = theta.withUnsafeBufferPointer { t in
            inputs.withUnsafeBufferPointer { u in
                density.shiftedExpectations(parameters: t, inputs: u, workspace: density.makeWorkspace()) { shifted.append(($0, $1, $2)) }
            }
        }
        let options = SimulationOptions(method: .densityMatrix, noise: noise)
        func exact(_ shift: (gate: Int, shift: Double)?) throws -> Double {
            try GradientTests.exact(circuit.bind(parameters: theta, inputs: inputs, shifting: shift), zMask: zMask, options: options)
        }
        #expect(isClose(value, try exact(nil), tolerance: 1e-12))
        #expect(shifted.map(\.gate) == Self.activeTrainableGates(circuit, inputs: inputs).reversed())
        for entry in shifted {
            #expect(isClose(entry.plus, try exact((entry.gate, .pi / 2)), tolerance: 1e-12), "gate \(entry.gate) +π/2")
            #expect(isClose(entry.minus, try exact((entry.gate, -.pi / 2)), tolerance: 1e-12), "gate \(entry.gate) −π/2")
        }
    }

    /// The compiled statevector's shifted circuits equal the statevector engine's (1e-12).
    @Test(arguments: 0..<2)
    func statevectorShiftedValuesEqualTheEngine(seed: Int) throws {
        let circuit = try GradientTests.randomCircuit(seed: UInt64(300 + seed))
        let theta = uniforms(5, seed: UInt64(seed), purpose: "theta", in: -3...3)
        let inputs = uniforms(2, seed: UInt64(seed), purpose: "inputs") + [Double(seed % 2)]
        let compiled = CompiledCircuit(circuit)
        var shifted: [(gate: Int, plus: Double, minus: Double)] = []
        let value = theta.withUnsafeBufferPointer { t in
            inputs.withUnsafeBufferPointer { u in
                compiled.shiftedExpectations(parameters: t, inputs: u, zMask: 0b101, workspace: compiled.makeWorkspace()) {
                    shifted.append(($0, $1, $2))
                }
            }
        }
        func exact(_ shift: (gate: Int, shift: Double)?) throws -> Double {
            try GradientTests.exact(circuit.bind(parameters: theta, inputs: inputs, shifting: shift), zMask: 0b101)
        }
        #expect(isClose(value, try exact(nil), tolerance: 1e-12))
        #expect(shifted.map(\.gate) == Self.activeTrainableGates(circuit, inputs: inputs).reversed())
        for entry in shifted {
            #expect(isClose(entry.plus, try exact((entry.gate, .pi / 2)), tolerance: 1e-12), "gate \(entry.gate) +π/2")
            #expect(isClose(entry.minus, try exact((entry.gate, -.pi / 2)), tolerance: 1e-12), "gate \(entry.gate) −π/2")
        }
    }

    /// Gates whose angle depends on θ and whose condition input (if any) is on, in gate order.
    static func activeTrainableGates(_ circuit: ParameterizedCircuit, inputs: [Double]) -> [Int] {
        circuit.gates.indices.filter { circuit.gates[$0].angle?.parameter != nil && (circuit.gates[$0].condition.map { inputs[$0] != 0 } ?? true) }
    }
}
