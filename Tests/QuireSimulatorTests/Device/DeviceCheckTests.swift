import Testing

@testable import QuireSimulator

/// A circuit runs on a device only as written: native gates, coupled pairs, no wider than the device.
struct DeviceCheckTests {
    func circuit(_ body: String, qubits: Int = 3) throws -> Circuit {
        try QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[\(qubits)];\n" + body)
    }

    @Test func acceptsNativeGatesOnCoupledPairs() throws {
        try DeviceSnapshots.device("manila").check(try circuit("sx q[0];\nrz(0.5) q[1];\ncx q[1],q[0];\ncx q[1],q[2];\nreset q[2];\nbarrier q;\n"))
    }

    @Test func refusesAGateOutsideTheBasisAtItsStatement() throws {
        let device = try DeviceSnapshots.device("manila")
        #expect(throws: SimulationError.notNative(line: 5, column: 1, gate: .h, device: "ibmq_manila", native: device.nativeGates)) {
            try device.check(try circuit("sx q[0];\nh q[1];\n"))
        }
    }

    @Test func refusesAnUncoupledPair() throws {
        #expect(throws: SimulationError.notCoupled(line: 4, column: 1, gate: .cx, qubits: [0, 2], device: "ibmq_manila")) {
            try DeviceSnapshots.device("manila").check(try circuit("cx q[0],q[2];\n"))
        }
    }

    @Test func refusesACircuitWiderThanTheDevice() throws {
        #expect(throws: SimulationError.tooWide(circuitQubits: 6, device: "ibmq_manila", deviceQubits: 5)) {
            try DeviceSnapshots.device("manila").check(try circuit("x q[5];\n", qubits: 6))
        }
    }

    /// Simulator.run applies the same check, and a profile cannot be added to a device's noise.
    @Test func simulatorRefusesThroughTheSameCheck() throws {
        let device = try DeviceSnapshots.device("manila")
        #expect(throws: SimulationError.notCoupled(line: 4, column: 1, gate: .cx, qubits: [0, 2], device: "ibmq_manila")) {
            try Simulator.run(try circuit("cx q[0],q[2];\n"), options: SimulationOptions(device: device))
        }
        #expect(throws: SimulationError.self) {
            try Simulator.run(try circuit("x q[0];\n"), options: SimulationOptions(noise: NoiseProfile(), device: device))
        }
    }

    /// A snapshot value out of range is refused by path.
    @Test func validateRefusesOutOfRangeValues() throws {
        var device = try DeviceSnapshots.device("manila")
        device.qubits[2].t1Microseconds = 0
        #expect(throws: SimulationError.invalidSnapshot(path: "qubits[2].t1_us", message: "is 0.0; it must be positive")) { try device.validate() }
    }

    /// A native gate on three qubits would escape the coupling check.
    @Test func validateRefusesNativeGatesOnThreeQubits() throws {
        var device = try DeviceSnapshots.device("manila")
        device.nativeGates.append(.ccx)
        #expect(throws: SimulationError.invalidSnapshot(path: "native_gates[5]", message: "is ccx; a native gate acts on one or two qubits")) {
            try device.validate()
        }
    }
}
