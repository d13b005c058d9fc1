import Foundation
import QuireSimulator
import Testing

/// Wall-clock timings of the engines on u3 + cx brickworks, printed to stderr for threads 1 and 2.
/// Timing only, never an assertion on speed; runs when QUIRE_TIMING=1:
///
///     QUIRE_TIMING=1 swift test -c release -Xswiftc -enable-testing --filter EngineTimingTests
struct EngineTimingTests {
    static let enabled = ProcessInfo.processInfo.environment["QUIRE_TIMING"] == "1"

    static func brickwork(qubits n: Int, depth: Int) -> Circuit {
        var ops: [QuireSimulator.Operation] = []
        for layer in 0..<depth {
            for q in 0..<n {
                let t = Double(layer * n + q)
                ops.append(QuireSimulator.Operation(.gate(.u3, qubits: [q], parameters: [0.1 * t, 0.2 * t, 0.3 * t])))
            }
            for q in stride(from: layer % 2, to: n - 1, by: 2) {
                ops.append(QuireSimulator.Operation(.gate(.cx, qubits: [q, q + 1], parameters: [])))
            }
        }
        return Circuit(quantumRegisters: [Register(name: "q", size: n, offset: 0)], operations: ops)
    }

    /// Runs `circuit` with threads 1 and 2, prints the times, and checks the results are identical.
    static func time(_ label: String, _ circuit: Circuit, _ options: SimulationOptions) throws {
        var results: [[Double]] = []
        for threads in [1, 2] {
            var options = options
            options.threads = threads
            let start = Date()
            let result = try Simulator.run(circuit, options: options)
            let seconds = Date().timeIntervalSince(start)
            FileHandle.standardError.write(
                Data("\(label) (\(circuit.operations.count) gates), threads \(threads): \(String(format: "%.3f", seconds)) s\n".utf8))
            results.append(result.probabilities)
        }
        #expect(results[0] == results[1])
    }

    @Test(.enabled(if: enabled))
    func statevector20x20() throws {
        try Self.time("statevector 20 qubits depth 20", Self.brickwork(qubits: 20, depth: 20), SimulationOptions(method: .statevector))
    }

    @Test(.enabled(if: enabled))
    func densityMatrix10x10() throws {
        let noise = NoiseProfile(depolarizing: .init(oneQubit: 0.001, twoQubit: 0.01))
        try Self.time(
            "density matrix 10 qubits depth 10, depolarizing", Self.brickwork(qubits: 10, depth: 10),
            SimulationOptions(method: .densityMatrix, noise: noise))
    }

    @Test(.enabled(if: enabled))
    func trajectories16x10() throws {
        let noise = NoiseProfile(depolarizing: .init(oneQubit: 0.001, twoQubit: 0.01))
        try Self.time(
            "trajectories 16 qubits depth 10, depolarizing, 200 trajectories", Self.brickwork(qubits: 16, depth: 10),
            SimulationOptions(method: .trajectories, noise: noise, trajectories: 200))
    }
}
