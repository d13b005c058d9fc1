import QuireCore

@testable import QuireSimulator

/// Coupling maps, random circuits and the state comparison the compiler tests share.
enum CompileFixtures {
    /// An ideal device with `edges` (one direction each) on `qubits` qubits, IBM's native gates.
    static func device(_ name: String, qubits: Int, edges: [(Int, Int)]) -> Device {
        Device(
            name: name, nativeGates: [.cx, .id, .rz, .sx, .x], couplingMap: edges.map { Device.Edge($0.0, $0.1) },
            qubits: Array(
                repeating: Device.Qubit(t1Microseconds: 100, t2Microseconds: 100, readout: .init(probMeas1Prep0: 0, probMeas0Prep1: 0)), count: qubits
            ), gates: [])
    }

    /// 0 → 1 → … → n−1.
    static func line(_ n: Int) -> Device { device("line\(n)", qubits: n, edges: (0..<(n - 1)).map { ($0, $0 + 1) }) }

    /// A line closed into a ring.
    static func ring(_ n: Int) -> Device { device("ring\(n)", qubits: n, edges: (0..<n).map { ($0, ($0 + 1) % n) }) }

    /// A rows × columns grid, qubit r·columns + c.
    static func grid(_ rows: Int, _ columns: Int) -> Device {
        var edges: [(Int, Int)] = []
        for r in 0..<rows {
            for c in 0..<columns {
                let q = r * columns + c
                if c + 1 < columns { edges.append((q, q + 1)) }
                if r + 1 < rows { edges.append((q, q + columns)) }
            }
        }
        return device("grid\(rows)x\(columns)", qubits: rows * columns, edges: edges)
    }

    /// The coupling maps every routing test runs on: line, ring, grid, and montreal's heavy hex.
    static func maps() throws -> [Device] {
        [line(8), ring(8), grid(3, 3), try DeviceSnapshots.device("montreal")]
    }

    /// Gates the random circuits draw from (one and two qubits).
    static let gates: [StandardGate] = [.h, .x, .sx, .t, .rz, .ry, .u3, .cx, .cz, .cp, .rzz, .swap, .cx, .cx]

    /// A random circuit of `length` gates on `qubits` qubits from `stream` (no measurements).
    static func randomCircuit(qubits: Int, length: Int, stream: RandomStream) -> Circuit {
        var circuit = Circuit(quantumRegisters: [Register(name: "q", size: qubits, offset: 0)])
        var index: UInt64 = 0
        func next(_ bound: Int) -> Int {
            defer { index += 1 }
            return Int(stream.uint64(at: index) % UInt64(bound))
        }
        for _ in 0..<length {
            let gate = gates[next(gates.count)]
            let first = next(qubits)
            var operands = [first]
            if gate.qubitCount == 2 { operands.append((first + 1 + next(qubits - 1)) % qubits) }
            let parameters = (0..<gate.parameterCount).map { _ in Double(next(1000)) / 1000 * 6.28 - 3.14 }
            circuit.operations.append(Operation(.gate(gate, qubits: operands, parameters: parameters)))
        }
        return circuit
    }

    /// The final amplitudes of a noiseless circuit without measurements.
    static func amplitudes(_ circuit: Circuit) throws -> [(re: Double, im: Double)] {
        let state = try Statevector(circuit: circuit, options: SimulationOptions()).branches[0].state
        return (0..<(1 << circuit.qubitCount)).map { state[$0] }
    }

    /// |⟨logical | physical⟩|: 1 when the compiled circuit (relabeled onto its active qubits) ends in
    /// the logical circuit's state with logical qubit q on `final[q]` and every other qubit in |0⟩,
    /// up to a global phase.
    static func overlap(logical: Circuit, compiled: Circuit, final: Layout, active: [Int]) throws -> Double {
        let want = try amplitudes(logical)
        let have = try amplitudes(compiled.relabeled(keeping: active))
        let positions = final.physical.map { active.firstIndex(of: $0)! }
        var re = 0.0
        var im = 0.0
        for (state, amplitude) in want.enumerated() {
            var physical = 0
            for (qubit, position) in positions.enumerated() { physical |= (state >> qubit & 1) << position }
            let other = have[physical]
            re += amplitude.re * other.re + amplitude.im * other.im
            im += amplitude.re * other.im - amplitude.im * other.re
        }
        return (re * re + im * im).squareRoot()
    }
}
