import Foundation
import QuireCore
import QuireSimulator

/// Compiling a 20-qubit, 1,000-gate random circuit (one- and two-qubit gates, Philox-drawn) to the
/// ibmq_montreal heavy-hex snapshot: trivial and noise-aware layouts at optimisation level 1, median
/// of 9 runs. Prints `compile: …` lines; with a file name, writes the logical circuit there for
/// compile/qiskit_transpile.py (the same circuit through Qiskit's transpile).
enum CompileBenchmark {
    static let qubits = 20
    static let gates = 1000

    /// The benchmark circuit: gate kinds, qubits and angles from a fixed Philox stream.
    static func circuit() -> Circuit {
        let stream = RandomStream(seed: 2026, purpose: "compile-benchmark")
        let kinds: [StandardGate] = [.h, .sx, .rz, .cx, .cx, .cz, .ry, .cx]
        var circuit = Circuit(quantumRegisters: [Register(name: "q", size: qubits, offset: 0)])
        for index in 0..<gates {
            let word = stream.uint64(at: UInt64(index))
            let gate = kinds[Int(word % UInt64(kinds.count))]
            let first = Int((word >> 8) % UInt64(qubits))
            var operands = [first]
            if gate.qubitCount == 2 { operands.append((first + 1 + Int((word >> 24) % UInt64(qubits - 1))) % qubits) }
            let parameters = gate.parameterCount == 0 ? [] : [stream.uniform(at: UInt64(gates + index)) * 6.28 - 3.14]
            circuit.operations.append(Operation(.gate(gate, qubits: operands, parameters: parameters)))
        }
        return circuit
    }

    static func run(writing path: String?) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Tests/QuireSimulatorTests/Reference/devices")
        let device = try Device.qiskit(
            configuration: Array(try Data(contentsOf: folder.appendingPathComponent("conf_montreal.json"))),
            properties: Array(try Data(contentsOf: folder.appendingPathComponent("props_montreal.json"))))
        let circuit = circuit()
        if let path { try circuit.qasm().write(toFile: path, atomically: true, encoding: .utf8) }
        for layout in LayoutMethod.allCases {
            let options = CompileOptions(layout: layout, routingSeed: 1, optimizationLevel: 1)
            var compiled: DeviceCompilation?
            let seconds = try Stopwatch.median(repeats: 9) { compiled = try DeviceCompiler.compile(circuit, for: device, options: options) }
            let result = compiled!
            print(
                "compile: \(qubits) qubits, \(gates) gates → ibmq_montreal, \(layout.rawValue) layout: "
                    + "\(String(format: "%.1f", seconds * 1000)) ms, \(result.swapCount) swaps, "
                    + "\(result.twoQubitGateCount) two-qubit gates, depth \(result.depth)")
        }
    }
}
