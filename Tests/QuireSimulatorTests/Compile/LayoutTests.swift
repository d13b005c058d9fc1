import Testing

@testable import QuireSimulator

/// Trivial and noise-aware layouts: connected, deterministic, and avoiding the device's worst qubits.
struct LayoutTests {
    /// A 6-qubit line 0–1–…–5 whose qubits 0–2 read badly and whose 1–2 coupling is poor.
    func unevenLine() -> Device {
        var device = CompileFixtures.line(6)
        for qubit in 0..<3 { device.qubits[qubit].readout = .init(probMeas1Prep0: 0.1, probMeas0Prep1: 0.1) }
        for qubit in 3..<6 { device.qubits[qubit].readout = .init(probMeas1Prep0: 0.01, probMeas0Prep1: 0.01) }
        device.gates = (0..<5).map { Device.GateCalibration(gate: .cx, qubits: [$0, $0 + 1], error: $0 == 1 ? 0.2 : 0.01, durationNanoseconds: 0) }
        return device
    }

    func circuit(_ body: String, qubits: Int) throws -> Circuit {
        try QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[\(qubits)];\n" + body)
    }

    @Test func trivialIsTheIdentity() {
        #expect(Layout.trivial(qubits: 4).physical == [0, 1, 2, 3])
    }

    /// A three-qubit chain a–b–c goes on the three good qubits 3, 4, 5, its middle qubit in the middle.
    @Test func noiseAwareAvoidsBadQubitsAndKeepsPartnersAdjacent() throws {
        let device = unevenLine()
        let chain = try circuit("cx q[0],q[1];\ncx q[1],q[2];\ncx q[0],q[1];\n", qubits: 3)
        let layout = try Layout.make(.noiseAware, for: chain, on: device, graph: CouplingGraph(device: device))
        #expect(layout.physical[1] == 4)
        #expect(Set(layout.physical) == [3, 4, 5])
    }

    /// On the heavy hex the chosen qubits are connected, distinct, and the same on every call.
    @Test func noiseAwareOnHeavyHexIsConnectedAndDeterministic() throws {
        let device = try DeviceSnapshots.device("montreal")
        let graph = CouplingGraph(device: device)
        for qubits in 2...8 {
            let logical = CompileFixtures.randomCircuit(qubits: qubits, length: 60, stream: .init(seed: UInt64(qubits), purpose: "layout"))
            let layout = try Layout.make(.noiseAware, for: logical, on: device, graph: graph)
            #expect(layout == (try Layout.make(.noiseAware, for: logical, on: device, graph: graph)))
            #expect(Set(layout.physical).count == qubits)
            // Connected: every chosen qubit reaches the others through chosen qubits.
            var reached: Set = [layout.physical[0]]
            var queue = [layout.physical[0]]
            while let qubit = queue.popLast() {
                for neighbor in graph.neighbors[qubit] where layout.physical.contains(neighbor) && reached.insert(neighbor).inserted {
                    queue.append(neighbor)
                }
            }
            #expect(reached.count == qubits)
            let score = LayoutScore(circuit: logical, device: device, graph: graph)
            #expect(score.total(layout.physical) >= score.total(Layout.trivial(qubits: qubits).physical))
        }
    }

    /// A device whose largest connected set is smaller than the circuit.
    @Test func noiseAwareRefusesWhenNoConnectedSetIsLargeEnough() throws {
        let device = CompileFixtures.device("split", qubits: 4, edges: [(0, 1), (2, 3)])
        #expect(throws: SimulationError.noConnectedSet(qubits: 3, device: "split", largest: 2)) {
            try Layout.make(.noiseAware, for: try circuit("x q[2];\n", qubits: 3), on: device, graph: CouplingGraph(device: device))
        }
    }

    @Test func couplingGraphDistances() throws {
        let graph = CouplingGraph(device: CompileFixtures.ring(8))
        #expect(graph.distance(0, 4) == 4)
        #expect(graph.distance(1, 7) == 2)
        #expect(graph.shortestPath(from: 1, to: 7) == [1, 0, 7])
        let split = CouplingGraph(device: CompileFixtures.device("split", qubits: 4, edges: [(0, 1), (2, 3)]))
        #expect(split.distance(0, 3) == .max)
        #expect(split.component == [0, 0, 2, 2])
        #expect(split.shortestPath(from: 0, to: 3) == nil)
    }
}
