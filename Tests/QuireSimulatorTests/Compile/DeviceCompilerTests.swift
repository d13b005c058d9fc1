import QuireCore
import Testing

@testable import QuireSimulator

/// The compile pipeline: native gates on directed couplings, the logical circuit's action up to the
/// recorded layouts and a global phase, determinism, and refusals.
struct DeviceCompilerTests {
    /// The targets: IBM cx on the heavy hex (both directions), IBM ecr on a one-directional line,
    /// Rigetti-like cz on a grid, IonQ-like ms on a one-directional ring.
    static func targets() throws -> [Device] {
        var ecr = CompileFixtures.line(6)
        ecr.nativeGates = [.ecr, .rz, .sx, .x]
        ecr.couplingMap = (0..<5).map { $0 % 2 == 0 ? Device.Edge($0, $0 + 1) : Device.Edge($0 + 1, $0) }
        var rigetti = CompileFixtures.grid(3, 3)
        rigetti.nativeGates = [.rx, .rz, .cz]
        var ionq = CompileFixtures.ring(7)
        ionq.nativeGates = [.gpi, .gpi2, .ms]
        return [try DeviceSnapshots.device("montreal"), ecr, rigetti, ionq]
    }

    /// A random circuit with a Toffoli and a controlled swap among its gates.
    static func logical(qubits: Int, seed: UInt64) -> Circuit {
        var circuit = CompileFixtures.randomCircuit(qubits: qubits, length: 30, stream: RandomStream(seed: seed, purpose: "compile-test"))
        circuit.operations.insert(Operation(.gate(.ccx, qubits: [0, qubits - 1, 1], parameters: [])), at: 10)
        circuit.operations.insert(Operation(.gate(.cswap, qubits: [qubits - 1, 1, 0], parameters: [])), at: 20)
        return circuit
    }

    @Test(arguments: 0..<4, [LayoutMethod.trivial, .noiseAware])
    func compiledCircuitIsNativeDirectedAndEquivalent(target: Int, layout: LayoutMethod) throws {
        let device = try Self.targets()[target]
        for qubits in 3...6 {
            for level in Circuit.optimizationLevels {
                let circuit = Self.logical(qubits: qubits, seed: UInt64(qubits * 10 + level))
                let options = CompileOptions(layout: layout, routingSeed: 3, optimizationLevel: level)
                let compiled = try DeviceCompiler.compile(circuit, for: device, options: options)
                try device.check(compiled.circuit)  // native gates, every two-qubit gate on a listed direction
                let overlap = try CompileFixtures.overlap(
                    logical: circuit, compiled: compiled.circuit, final: compiled.finalLayout, active: compiled.activeQubits)
                #expect(abs(overlap - 1) < 1e-9, "\(device.name), \(qubits) qubits, level \(level)")
            }
        }
    }

    /// Same inputs, same QASM; the routing seed is an input (some seed changes the route on the
    /// heavy hex for a 1,000-gate circuit).
    @Test func compilingIsDeterministic() throws {
        let device = try DeviceSnapshots.device("montreal")
        let circuit = CompileFixtures.randomCircuit(qubits: 12, length: 400, stream: RandomStream(seed: 1, purpose: "determinism"))
        let first = try DeviceCompiler.compile(circuit, for: device, options: CompileOptions(routingSeed: 9))
        let second = try DeviceCompiler.compile(circuit, for: device, options: CompileOptions(routingSeed: 9))
        #expect(first.circuit.qasm() == second.circuit.qasm())
        #expect(first == second)
        let others = try (10..<14).map { try DeviceCompiler.compile(circuit, for: device, options: CompileOptions(routingSeed: $0)).circuit.qasm() }
        #expect(others.contains { $0 != first.circuit.qasm() })
    }

    /// On an ideal device the compiled circuit's probabilities, read through the final layout, are
    /// the logical circuit's (measurements included).
    @Test func runReadsTheLogicalQubits() throws {
        let device = CompileFixtures.line(5)
        let circuit = try QASMReader.read(
            """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[4];
            creg c[4];
            h q[0];
            cx q[0],q[3];
            ry(0.3) q[2];
            ccx q[3],q[2],q[1];
            measure q[1] -> c[0];
            """)
        let compiled = try DeviceCompiler.compile(circuit, for: device, options: CompileOptions())
        #expect(compiled.swapCount > 0)
        let want = try Simulator.run(circuit, options: SimulationOptions()).probabilities
        let have = try compiled.run(on: device, options: SimulationOptions()).probabilities
        #expect(have.count == want.count)
        for (a, b) in zip(have, want) { #expect(abs(a - b) < 1e-12) }
    }

    @Test func refusesACircuitWiderThanTheDevice() throws {
        let circuit = CompileFixtures.randomCircuit(qubits: 6, length: 5, stream: RandomStream(seed: 1, purpose: "wide"))
        #expect(throws: SimulationError.tooWide(circuitQubits: 6, device: "line5", deviceQubits: 5)) {
            try DeviceCompiler.compile(circuit, for: CompileFixtures.line(5), options: CompileOptions())
        }
    }

    /// A trivial layout across the two halves of a split map fails at the gate; a noise-aware one fits in one half.
    @Test func disconnectedMap() throws {
        let device = CompileFixtures.device("split", qubits: 6, edges: [(0, 1), (1, 2), (3, 4), (4, 5)])
        let circuit = try QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\nh q[0];\ncx q[0],q[2];\n")
        #expect(throws: SimulationError.disconnected(line: 5, column: 1, gate: .cx, qubits: [0, 3], device: "split")) {
            try DeviceCompiler.compile(
                Circuit(
                    quantumRegisters: [Register(name: "q", size: 4, offset: 0)],
                    operations: [Operation(.gate(.cx, qubits: [0, 3], parameters: []), line: 5, column: 1)]),
                for: device, options: CompileOptions())
        }
        let compiled = try DeviceCompiler.compile(circuit, for: device, options: CompileOptions(layout: .noiseAware))
        #expect(Set(compiled.initialLayout.physical.map { $0 / 3 }).count == 1)
        #expect(throws: SimulationError.noConnectedSet(qubits: 4, device: "split", largest: 3)) {
            try DeviceCompiler.compile(
                CompileFixtures.randomCircuit(qubits: 4, length: 5, stream: RandomStream(seed: 2, purpose: "split")), for: device,
                options: CompileOptions(layout: .noiseAware))
        }
    }
}
