import Foundation
import QuireCircuitTestSupport
import QuireCore
import QuireSimulator
import QuireTestSupport
import Testing

struct GradientTests {
    /// A random template over every supported gate, with shared parameters, scaled angles,
    /// input terms and conditional gates.
    static func randomCircuit(seed: UInt64, qubits: Int = 3, gates count: Int = 24) throws -> ParameterizedCircuit {
        let stream = RandomStream(seed: seed, purpose: "random-circuit")
        var draw: UInt64 = 0
        func next(_ n: Int) -> Int {
            draw += 1
            return Int(stream.uint64(at: draw) % UInt64(n))
        }
        let kinds: [StandardGate] = [.rx, .ry, .rz, .p, .u1, .rxx, .rzz, .h, .sx, .t, .cx, .cz, .cy, .swap, .s, .y]
        var gates = [ParameterizedGate]()
        for _ in 0..<count {
            let gate = kinds[next(kinds.count)]
            let a = next(qubits)
            let b = (a + 1 + next(qubits - 1)) % qubits
            let wires = gate.qubitCount == 1 ? [a] : [a, b]
            var angle: AngleExpression?
            if ParameterizedGate.rotationGates.contains(gate) {
                angle = AngleExpression(
                    constant: Double(next(7)) * 0.3, parameter: next(5), parameterScale: [1, -0.5, 2][next(3)],
                    input: next(2) == 0 ? next(2) : nil, inputScale: 0.7)
            }
            gates.append(ParameterizedGate(gate, wires, angle: angle, condition: gate == .y ? 2 : nil))
        }
        return try ParameterizedCircuit(qubitCount: qubits, parameterCount: 5, inputCount: 3, gates: gates)
    }

    /// ⟨Z^zMask⟩ of `circuit` from the engine's exact probabilities of the final read (readout error included).
    static func exact(_ circuit: Circuit, zMask: Int, options: SimulationOptions = SimulationOptions(method: .statevector)) throws -> Double {
        let probabilities = try Simulator.run(circuit, options: options).probabilities
        return probabilities.indices.reduce(0.0) { $0 + (($1 & zMask).nonzeroBitCount & 1 == 1 ? -1 : 1) * probabilities[$1] }
    }

    static func exact(_ circuit: ParameterizedCircuit, _ theta: [Double], _ inputs: [Double], zMask: Int) throws -> Double {
        try exact(circuit.bind(parameters: theta, inputs: inputs), zMask: zMask)
    }

    /// Adjoint and parameter shift are both exact: they agree to 1e-10 (rounding of ~100 gate
    /// applications); central differences with h = 1e-5 have O(h²) ≈ 1e-10 truncation and
    /// ~1e-11 rounding error, so 1e-6 is a safe bound.
    @Test(arguments: 0..<8)
    func adjointEqualsParameterShiftEqualsFiniteDifferences(seed: Int) throws {
        let circuit = try Self.randomCircuit(seed: UInt64(seed))
        let theta = uniforms(5, seed: UInt64(seed), purpose: "theta", in: -3...3)
        let inputs = uniforms(2, seed: UInt64(seed), purpose: "inputs") + [Double(seed % 2)]
        for zMask in [1 << (seed % 3), 0b111] {
            let (value, adjoint) = CircuitFixtures.adjointGradient(circuit, theta, inputs, zMask: zMask)
            #expect(isClose(value, try Self.exact(circuit, theta, inputs, zMask: zMask), tolerance: 1e-12))
            let shift = try circuit.parameterShiftGradient(parameters: theta, inputs: inputs) { c, _ in try Self.exact(c, zMask: zMask) }
            #expect(allClose(adjoint, shift, tolerance: 1e-10), "adjoint \(adjoint) vs shift \(shift)")
            let h = 1e-5
            let central = try (0..<5).map { k in
                var plus = theta
                var minus = theta
                plus[k] += h
                minus[k] -= h
                return (try Self.exact(circuit, plus, inputs, zMask: zMask) - Self.exact(circuit, minus, inputs, zMask: zMask)) / (2 * h)
            }
            #expect(allClose(adjoint, central, tolerance: 1e-6))
        }
    }

    /// Analytic example: ry(θ)|0⟩ has ⟨Z⟩ = cos θ, d/dθ = −sin θ; rx(θ₀)·rzz... on two qubits
    /// ⟨Z₀Z₁⟩ after rx(a)⊗rx(b) is cos a·cos b.
    @Test func analyticGradients() throws {
        let one = try ParameterizedCircuit(
            qubitCount: 1, parameterCount: 1, inputCount: 0, gates: [ParameterizedGate(.ry, [0], angle: .parameter(0))])
        let (v, g) = CircuitFixtures.adjointGradient(one, [0.7], [], zMask: 1)
        #expect(isClose(v, cos(0.7), tolerance: 1e-15) && isClose(g[0], -sin(0.7), tolerance: 1e-15))
        let two = try ParameterizedCircuit(
            qubitCount: 2, parameterCount: 2, inputCount: 0,
            gates: [
                ParameterizedGate(.rx, [0], angle: .parameter(0)), ParameterizedGate(.rx, [1], angle: .parameter(1)),
                ParameterizedGate(.rzz, [0, 1], angle: AngleExpression(constant: 0.4)),
            ])
        let (w, h) = CircuitFixtures.adjointGradient(two, [0.3, 1.1], [], zMask: 3)
        #expect(isClose(w, cos(0.3) * cos(1.1), tolerance: 1e-15))
        #expect(allClose(h, [-sin(0.3) * cos(1.1), -cos(0.3) * sin(1.1)], tolerance: 1e-15))
    }

    /// Parameter shift runs on the density-matrix engine with noise: for ry(θ) then depolarizing
    /// (λ convention) p, ⟨Z⟩ = (1 − p)·cos θ, so the gradient is −(1 − p)·sin θ.
    @Test func parameterShiftUnderNoise() throws {
        let circuit = try ParameterizedCircuit(
            qubitCount: 1, parameterCount: 1, inputCount: 0, gates: [ParameterizedGate(.ry, [0], angle: .parameter(0))])
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.1, twoQubit: 0)
        let options = SimulationOptions(method: .densityMatrix, noise: noise)
        let gradient = try circuit.parameterShiftGradient(parameters: [0.9], inputs: []) { c, _ in try Self.exact(c, zMask: 1, options: options) }
        #expect(isClose(gradient[0], -0.9 * sin(0.9), tolerance: 1e-12))
    }
}
