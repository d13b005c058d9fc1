import QuireCore
import Testing

@testable import QuireSimulator

/// The router puts every two-qubit gate on a coupled pair and keeps the circuit's action, up to the
/// recorded layouts.
struct SabreRouterTests {
    /// Routes a random circuit of `qubits` qubits from `layout` on `device`.
    func route(_ device: Device, qubits: Int, layout: Layout? = nil, seed: UInt64 = 7, length: Int = 40) throws -> (Circuit, SabreRouter.Routed) {
        let circuit = CompileFixtures.randomCircuit(qubits: qubits, length: length, stream: RandomStream(seed: seed, purpose: "test-circuit"))
        let graph = CouplingGraph(device: device)
        let routed = try SabreRouter.route(
            circuit, from: layout ?? .trivial(qubits: qubits), graph: graph, device: device.name, seed: seed)
        return (circuit, routed)
    }

    @Test(arguments: 0..<4) func everyTwoQubitGateIsOnACoupledPair(map: Int) throws {
        let device = try CompileFixtures.maps()[map]
        let graph = CouplingGraph(device: device)
        for qubits in 3...8 {
            let (_, routed) = try route(device, qubits: qubits, length: 200)
            for operation in routed.circuit.operations {
                guard case let .gate(gate, operands, _) = operation.kind, operands.count == 2 else { continue }
                #expect(graph.areCoupled(operands[0], operands[1]), "\(device.name): \(gate) on \(operands)")
            }
        }
    }

    /// The routed circuit's state is the logical one with qubit q on the final layout's qubit q (random
    /// circuits of 3 to 8 qubits; tolerance for rounding over a few hundred gates).
    @Test(arguments: 0..<4) func routedCircuitActsLikeTheLogicalOne(map: Int) throws {
        let device = try CompileFixtures.maps()[map]
        for qubits in 3...8 {
            for seed: UInt64 in 1...3 {
                let (circuit, routed) = try route(device, qubits: qubits, seed: seed)
                let active = Set(routed.circuit.activeQubits + routed.finalLayout.physical).sorted()
                let overlap = try CompileFixtures.overlap(logical: circuit, compiled: routed.circuit, final: routed.finalLayout, active: active)
                #expect(abs(overlap - 1) < 1e-10, "\(device.name), \(qubits) qubits, seed \(seed)")
            }
        }
    }

    /// A layout that is not the identity, on the heavy hex: the routed circuit starts from it.
    @Test func routesFromAGivenLayout() throws {
        let device = try DeviceSnapshots.device("montreal")
        let layout = Layout(physical: [26, 13, 0, 19, 7])
        let (circuit, routed) = try route(device, qubits: 5, layout: layout, length: 60)
        #expect(routed.swapCount > 0)
        let active = Set(routed.circuit.activeQubits + layout.physical + routed.finalLayout.physical).sorted()
        // Qubits start in |0⟩ wherever they are placed, so only the final layout matters for the state.
        let overlap = try CompileFixtures.overlap(logical: circuit, compiled: routed.circuit, final: routed.finalLayout, active: active)
        #expect(abs(overlap - 1) < 1e-10)
    }

    /// Measurements read the physical qubit holding the logical one into the same classical bit.
    @Test func measurementsFollowTheLayout() throws {
        let circuit = try QASMReader.read(
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[3];\nx q[0];\ncx q[0],q[2];\nmeasure q[0] -> c[1];\nmeasure q[2] -> c[0];\n")
        let routed = try SabreRouter.route(
            circuit, from: .trivial(qubits: 3), graph: CouplingGraph(device: CompileFixtures.line(3)), device: "line3", seed: 1)
        #expect(routed.swapCount == 1)
        let measures = routed.circuit.operations.compactMap { operation -> [Int]? in
            guard case let .measure(qubit, clbit) = operation.kind else { return nil }
            return [qubit, clbit]
        }
        #expect(measures == [[routed.finalLayout.physical[0], 1], [routed.finalLayout.physical[2], 0]])
        #expect(routed.circuit.classicalRegisters == circuit.classicalRegisters)
    }

    @Test func sameSeedSameRoute() throws {
        let device = try DeviceSnapshots.device("montreal")
        let first = try route(device, qubits: 8, seed: 5, length: 300).1
        let second = try route(device, qubits: 8, seed: 5, length: 300).1
        #expect(first == second)
    }

    /// Qubits in different parts of a disconnected map cannot meet: refused at the gate.
    @Test func refusesAGateAcrossComponents() throws {
        let device = CompileFixtures.device("split", qubits: 4, edges: [(0, 1), (2, 3)])
        let circuit = try QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[4];\ncx q[0],q[1];\ncx q[1],q[2];\n")
        #expect(throws: SimulationError.disconnected(line: 5, column: 1, gate: .cx, qubits: [1, 2], device: "split")) {
            try SabreRouter.route(circuit, from: .trivial(qubits: 4), graph: CouplingGraph(device: device), device: "split", seed: 0)
        }
    }
}
