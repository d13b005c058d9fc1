import Foundation
import QuireCircuitTestSupport
import QuireSimulator
import QuireTestSupport
import Testing

struct CompiledDensityCircuitTests {
    /// The density-matrix fast path gives the density-matrix engine's ⟨O⟩ (1e-12), and its adjoint
    /// gradient equals parameter shift on that engine (1e-10): independent code paths (kernels and
    /// superoperators here, Kraus maps and gate matrices there) agreeing on noisy random circuits.
    @Test(arguments: 0..<6)
    func densityAdjointEqualsParameterShiftOnTheEngine(seed: Int) throws {
        let circuit = try GradientTests.randomCircuit(seed: UInt64(100 + seed))
        let theta = uniforms(5, seed: UInt64(seed), purpose: "theta", in: -3...3)
        let inputs = uniforms(2, seed: UInt64(seed), purpose: "inputs") + [Double(seed % 2)]
        let options = SimulationOptions(method: .densityMatrix, noise: CircuitFixtures.mixedNoise())
        for zMask in [1 << (seed % 3), 0b111] {
            let density = CompiledDensityCircuit(circuit: circuit, noise: CircuitFixtures.mixedNoise(), zMask: zMask)
            var gradient = [Double](repeating: .nan, count: 5)
            let value = theta.withUnsafeBufferPointer { t in
                inputs.withUnsafeBufferPointer { u in
                    gradient.withUnsafeMutableBufferPointer {
                        density.adjointGradient(parameters: t, inputs: u, workspace: density.makeWorkspace(), gradient: $0)
                    }
                }
            }
            let engine = try GradientTests.exact(circuit.bind(parameters: theta, inputs: inputs), zMask: zMask, options: options)
            #expect(isClose(value, engine, tolerance: 1e-12))
            let expectation = theta.withUnsafeBufferPointer { t in
                inputs.withUnsafeBufferPointer { density.expectation(parameters: t, inputs: $0, workspace: density.makeWorkspace()) }
            }
            #expect(isClose(expectation, engine, tolerance: 1e-12))
            let shift = try circuit.parameterShiftGradient(parameters: theta, inputs: inputs) { c, _ in
                try GradientTests.exact(c, zMask: zMask, options: options)
            }
            #expect(allClose(gradient, shift, tolerance: 1e-10), "adjoint \(gradient) vs shift \(shift)")
        }
    }
}
