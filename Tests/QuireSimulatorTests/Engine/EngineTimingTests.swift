import Foundation
import QuireSimulator
import Testing

/// Wall-clock timing of the statevector engine on a 20-qubit, depth-20 u3 + cx brickwork, printed to
/// stderr for threads 1 and 2. Timing only, never an assertion on speed; runs when QUIRE_TIMING=1:
///
///     QUIRE_TIMING=1 swift test -c release -Xswiftc -enable-testing --filter EngineTimingTests
struct EngineTimingTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["QUIRE_TIMING"] == "1"))
    func brickwork20x20() throws {
        let n = 20, depth = 20
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
        let circuit = Circuit(quantumRegisters: [Register(name: "q", size: n, offset: 0)], operations: ops)
        var results: [[Double]] = []
        for threads in [1, 2] {
            let start = Date()
            let result = try Simulator.run(circuit, options: SimulationOptions(method: .statevector, threads: threads))
            let seconds = Date().timeIntervalSince(start)
            FileHandle.standardError.write(Data("statevector 20 qubits depth 20 (\(ops.count) gates), threads \(threads): \(String(format: "%.3f", seconds)) s\n".utf8))
            results.append(result.probabilities)
        }
        #expect(results[0] == results[1])
    }
}
