import Testing

@testable import QuireSimulator

/// The angle table a workspace keeps between samples (CompiledCircuit+Trigonometry): a reused
/// workspace gives exactly what a fresh one gives, across θ changes and across circuits.
struct CompiledCircuitTrigonometryTests {
    /// rx·ry·rz·p·rxx·rzz on θ, an ry on the input, a cx: every angle kind of the fast path.
    static func circuit(twist: Double) throws -> CompiledCircuit {
        let gates = [
            ParameterizedGate(.ry, [0], angle: .input(0)), ParameterizedGate(.rx, [0], angle: .parameter(0)),
            ParameterizedGate(.ry, [1], angle: AngleExpression(constant: twist, parameter: 1, parameterScale: 2)),
            ParameterizedGate(.cx, [0, 1]), ParameterizedGate(.rz, [1], angle: .parameter(2)),
            ParameterizedGate(.p, [0], angle: .parameter(0)), ParameterizedGate(.rxx, [0, 1], angle: .parameter(1)),
            ParameterizedGate(.rzz, [0, 1], angle: AngleExpression(parameter: 2, input: 0)),
        ]
        return CompiledCircuit(try ParameterizedCircuit(qubitCount: 2, parameterCount: 3, inputCount: 1, gates: gates))
    }

    /// ⟨Z0 Z1⟩ and its gradient on `workspace`, as bit patterns.
    static func evaluate(_ circuit: CompiledCircuit, _ theta: [Double], _ u: [Double], _ workspace: EvaluationWorkspace) -> [UInt64] {
        var gradient = [Double](repeating: 0, count: theta.count)
        let value = theta.withUnsafeBufferPointer { t in
            u.withUnsafeBufferPointer { inputs in
                gradient.withUnsafeMutableBufferPointer { g in
                    circuit.adjointGradient(parameters: t, inputs: inputs, zMask: 3, workspace: workspace, gradient: g)
                }
            }
        }
        let expectation = theta.withUnsafeBufferPointer { t in
            u.withUnsafeBufferPointer { circuit.expectation(parameters: t, inputs: $0, zMask: 3, workspace: workspace) }
        }
        return ([value, expectation] + gradient).map(\.bitPattern)
    }

    @Test func reusedWorkspaceMatchesFreshOnesAcrossThetaAndCircuits() throws {
        let first = try Self.circuit(twist: 0), second = try Self.circuit(twist: 0.3)
        let shared = first.makeWorkspace()
        let runs: [(CompiledCircuit, [Double], [Double])] = [
            (first, [0.1, 0.2, 0.3], [0.5]), (first, [0.1, 0.2, 0.3], [-1.25]), (first, [0.1, 0.25, 0.3], [-1.25]),
            (second, [0.1, 0.25, 0.3], [-1.25]), (first, [0.1, 0.25, 0.3], [0.7]),
        ]
        for (circuit, theta, u) in runs {
            #expect(Self.evaluate(circuit, theta, u, shared) == Self.evaluate(circuit, theta, u, circuit.makeWorkspace()))
        }
        // The two circuits differ (the table must not carry over from one to the other).
        let theta = [0.1, 0.25, 0.3], u = [0.7]
        #expect(Self.evaluate(first, theta, u, first.makeWorkspace()) != Self.evaluate(second, theta, u, second.makeWorkspace()))
    }
}
