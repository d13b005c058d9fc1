import Testing

@testable import QuireSimulator

/// Whole engines above the parallel threshold give bit-identical results for threads 1, 2 and 3.
struct ThreadIndependenceTests {
    /// u3 layers and a cx brickwork, with a mid-circuit measurement feeding a condition.
    static func circuit(qubits n: Int, depth: Int) -> Circuit {
        var ops: [QuireSimulator.Operation] = []
        for layer in 0..<depth {
            for q in 0..<n {
                let t = Double(layer * n + q)
                ops.append(gate(.u3, q, parameters: [0.37 * t, 0.11 * t, -0.23 * t]))
            }
            for q in stride(from: layer % 2, to: n - 1, by: 2) { ops.append(gate(.cx, q, q + 1)) }
        }
        ops.append(QuireSimulator.Operation(.measure(qubit: 0, clbit: 0)))
        ops.append(
            QuireSimulator.Operation(
                .gate(.h, qubits: [1], parameters: []),
                condition: Condition(register: Register(name: "c", size: 1, offset: 0), value: 1)))
        ops.append(gate(.rzz, 0, n - 1, parameters: [0.4]))
        return makeCircuit(qubits: n, clbits: 1, ops)
    }

    @Test func statevectorAt16Qubits() throws {
        let circuit = Self.circuit(qubits: 16, depth: 3)
        let results = try [1, 2, 3].map { threads in
            try Simulator.run(circuit, options: SimulationOptions(method: .statevector, threads: threads)).probabilities
        }
        #expect(results[1] == results[0] && results[2] == results[0])
        #expect(abs(results[0].reduce(0, +) - 1) <= 1e-12)
    }

    @Test func densityMatrixAt8Qubits() throws {
        let circuit = Self.circuit(qubits: 8, depth: 2)
        let noise = NoiseProfile(
            depolarizing: .init(oneQubit: 0.01, twoQubit: 0.03),
            readout: .init(probMeas1Prep0: 0.02, probMeas0Prep1: 0.04))
        let results = try [1, 2, 3].map { threads in
            try Simulator.run(circuit, options: SimulationOptions(method: .densityMatrix, threads: threads, noise: noise)).probabilities
        }
        #expect(results[1] == results[0] && results[2] == results[0])
        #expect(abs(results[0].reduce(0, +) - 1) <= 1e-12)
    }
}
