import Testing

@testable import QuireSimulator

/// Reading Qiskit's configuration and BackendProperties files (values checked against the JSON text).
struct DeviceQiskitTests {
    @Test func readsManila() throws {
        let device = try DeviceSnapshots.device("manila")
        #expect(device.name == "ibmq_manila")
        #expect(device.qubits.count == 5)
        #expect(device.nativeGates == [.cx, .id, .rz, .sx, .x])
        #expect(device.couplingMap.count == 8 && device.couplingMap.contains(.init(1, 0)) && !device.couplingMap.contains(.init(0, 2)))
        // props_manila.json, qubit 0: T1 131.5286444531517 us, T2 102.20390054827382 us, readout_error 0.0353.
        #expect(device.qubits[0].t1Microseconds == 131.5286444531517)
        #expect(device.qubits[0].t2Microseconds == 102.20390054827382)
        #expect(device.qubits[0].readout == NoiseProfile.Readout(probMeas1Prep0: 0.0353, probMeas0Prep1: 0.0353))
        let sx = try #require(device.gates.first { $0.gate == .sx && $0.qubits == [0] })
        #expect(sx.durationNanoseconds == 35.55555555555556)
        let cx = try #require(device.gates.first { $0.gate == .cx && $0.qubits == [0, 1] })
        #expect(cx.error == 0.008827712070629129)
    }

    /// An ECR backend (basis_gates ecr, id, rz, sx, x) loads, and its gates make IBM's ECR basis.
    @Test func readsPeekskillWithECR() throws {
        let device = try DeviceSnapshots.device("peekskill")
        #expect(device.name == "ibm_peekskill")
        #expect(device.qubits.count == 27)
        #expect(device.nativeGates == [.ecr, .id, .rz, .sx, .x])
        // props_peekskill.json: ecr2_1 gate_error 0.010995338500564639, gate_length 547.5555555555555 ns.
        let ecr = try #require(device.gates.first { $0.gate == .ecr && $0.qubits == [2, 1] })
        #expect(ecr.error == 0.010995338500564639)
        #expect(ecr.durationNanoseconds == 547.5555555555555)
        let basis = try NativeBasis(nativeGates: device.nativeGates)
        #expect((basis.oneQubit, basis.entangler) == (.rzSX, .ecr))
    }

    /// A snapshot stating T1 in seconds and gate lengths in µs reads as the same device.
    @Test func convertsTimeUnits() throws {
        let edited = DeviceSnapshots.editedProperties("manila") {
            $0.replacingOccurrences(
                of: #""name": "T1", "unit": "us", "value": 131.5286444531517"#, with: #""name": "T1", "unit": "s", "value": 0.0001315286444531517"#
            )
            .replacingOccurrences(
                of: #""name": "gate_length", "unit": "ns", "value": 35.55555555555556}], "name": "sx0""#,
                with: #""name": "gate_length", "unit": "us", "value": 0.03555555555555556}], "name": "sx0""#)
        }
        #expect(edited != DeviceSnapshots.bytes("props_manila.json"))
        let device = try Device.qiskit(configuration: DeviceSnapshots.bytes("conf_manila.json"), properties: edited)
        #expect(abs(device.qubits[0].t1Microseconds - 131.5286444531517) <= 1e-12)
        let sx = try #require(device.gates.first { $0.gate == .sx && $0.qubits == [0] })
        #expect(abs(sx.durationNanoseconds - 35.55555555555556) <= 1e-12)
    }

    @Test func refusesAQubitWithoutT1() throws {
        let edited = DeviceSnapshots.editedProperties("manila") { $0.replacingOccurrences(of: #""name": "T1""#, with: #""name": "T1_missing""#) }
        #expect(throws: SimulationError.invalidSnapshot(path: "props.qubits[0]", message: "has no T1 or no T2")) {
            try Device.qiskit(configuration: DeviceSnapshots.bytes("conf_manila.json"), properties: edited)
        }
    }

    @Test func refusesMissingQubits() throws {
        let conf = Array(
            String(decoding: DeviceSnapshots.bytes("conf_manila.json"), as: UTF8.self).replacingOccurrences(
                of: #""n_qubits": 5"#, with: #""n_qubits": 6"#
            ).utf8)
        #expect(throws: SimulationError.invalidSnapshot(path: "props.qubits", message: "has data for 5 qubits; the configuration declares 6")) {
            try Device.qiskit(configuration: conf, properties: DeviceSnapshots.bytes("props_manila.json"))
        }
    }

    @Test func refusesAnUnknownGate() throws {
        let conf = Array(
            String(decoding: DeviceSnapshots.bytes("conf_manila.json"), as: UTF8.self).replacingOccurrences(
                of: #""basis_gates": ["cx""#, with: #""basis_gates": ["rzx""#
            ).utf8)
        #expect(throws: SimulationError.unknownGate(path: "conf.basis_gates[0]", name: "rzx")) {
            try Device.qiskit(configuration: conf, properties: DeviceSnapshots.bytes("props_manila.json"))
        }
    }

    @Test func refusesMalformedJSON() {
        #expect(throws: SimulationError.self) {
            try Device.qiskit(configuration: Array("{".utf8), properties: DeviceSnapshots.bytes("props_manila.json"))
        }
    }

    @Test func refusesAnUnknownTimeUnit() throws {
        let edited = DeviceSnapshots.editedProperties("manila") {
            $0.replacingOccurrences(of: #""name": "T2", "unit": "us""#, with: #""name": "T2", "unit": "min""#)
        }
        #expect(throws: SimulationError.invalidSnapshot(path: "props.qubits[0].T2", message: "has unit 'min', not a time unit")) {
            try Device.qiskit(configuration: DeviceSnapshots.bytes("conf_manila.json"), properties: edited)
        }
    }
}
