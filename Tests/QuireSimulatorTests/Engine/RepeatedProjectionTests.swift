import Testing

@testable import QuireSimulator

/// Repeated resets and mid-circuit measurements: each projection must renormalise by the outcome's
/// own weight, or the rounding of one step is doubled by the next (the statevector once gave
/// P(0) = 1.587 after 50 `h; reset` pairs and [0.84, 0.84] after 100 `h; measure`).
struct RepeatedProjectionTests {
    /// Every engine that handles mid-circuit operations; trajectories with few trajectories suffice,
    /// since a reset leaves |0⟩ whatever outcome a trajectory draws.
    static let methods: [SimulationMethod] = [.statevector, .densityMatrix, .trajectories]

    static func run(_ body: String, qubits: Int = 1, clbits: Int = 0, method: SimulationMethod) throws -> [Double] {
        let header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[\(qubits)];\n" + (clbits > 0 ? "creg c[\(clbits)];\n" : "")
        let circuit = try QASMReader.read(header + body)
        return try Simulator.run(circuit, options: SimulationOptions(method: method, trajectories: 16)).probabilities
    }

    @Test(arguments: methods, [50, 1000])
    func hadamardThenResetRepeatedEndsInZero(method: SimulationMethod, repeats: Int) throws {
        let p = try Self.run(String(repeating: "h q[0];\nreset q[0];\n", count: repeats), method: method)
        #expect(abs(p[0] - 1) <= 1e-12 && abs(p[1]) <= 1e-12, "\(method) after \(repeats) resets: \(p)")
    }

    /// h then measure, 100 times, ends in an equal mixture: the last measurement's outcomes are 0 and 1
    /// with probability ½ each, whatever came before.
    @Test(arguments: methods)
    func hadamardThenMeasureRepeatedIsHalfAndHalf(method: SimulationMethod) throws {
        let p = try Self.run(String(repeating: "h q[0];\nmeasure q[0] -> c[0];\n", count: 100), clbits: 1, method: method)
        if method == .trajectories {
            // Sampled: 16 trajectories, each ending in 0 or 1; the sum is exact.
            #expect(abs(p[0] + p[1] - 1) <= 1e-12)
        } else {
            #expect(abs(p[0] - 0.5) <= 1e-12 && abs(p[1] - 0.5) <= 1e-12, "\(method): \(p)")
        }
    }

    /// A reset inside an entangled state: each reset of qubit 0 leaves qubit 1 in the mixture the
    /// analytic calculation gives (½ each after h, cx, reset), 200 times over.
    @Test(arguments: methods.dropLast())
    func resetOfEntangledQubitKeepsTheOtherExact(method: SimulationMethod) throws {
        let p = try Self.run(
            String(repeating: "h q[0];\ncx q[0],q[1];\nreset q[0];\nreset q[1];\n", count: 200) + "h q[0];\ncx q[0],q[1];\nreset q[0];\n", qubits: 2,
            method: method)
        #expect(abs(p[0] - 0.5) <= 1e-12 && abs(p[2] - 0.5) <= 1e-12 && abs(p[1]) <= 1e-12 && abs(p[3]) <= 1e-12, "\(method): \(p)")
    }
}
