import Foundation
import QuireTestSupport
import Testing

@testable import quire

/// `quire sim --device`: one circuit on a Qiskit snapshot or a YAML device, outside a document.
struct SimDeviceTests {
    /// A folder holding manila's configuration and properties and `files`.
    func folder(_ files: [String: String]) throws -> URL {
        let folder = try QuireBinary.folder(files)
        for name in ["conf_manila.json", "props_manila.json"] {
            try DeviceReference.snapshot(name).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// The JSON probabilities equal Aer's `from_backend` ones (device_circuits.json, manila-5q) to 1e-9.
    @Test func aQiskitSnapshotGivesAersProbabilities() throws {
        let entry = DeviceReference.named("manila-5q")
        let folder = try folder(["c.qasm": entry.qasm])
        let outcome = try QuireBinary.run(
            [
                "sim", "c.qasm", "--device", "conf_manila.json", "--properties", "props_manila.json", "--optimization", "0", "--method",
                "density-matrix", "--json",
            ], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        struct Output: Decodable { var probabilities: [Double] }
        let output = try JSONDecoder().decode(Output.self, from: Data(outcome.stdout.utf8))
        #expect(output.probabilities.count == entry.probabilities.count)
        #expect(zip(output.probabilities, entry.probabilities).allSatisfy { abs($0 - $1) <= 1e-9 })
    }

    /// A circuit outside the basis on uncoupled qubits is compiled; `--emit-qasm` writes the compiled
    /// circuit with its layouts, and the probabilities are over the circuit's own qubits.
    @Test func aCircuitIsCompiledAndEmitted() throws {
        let qasm = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\nh q[0];\nccx q[0],q[2],q[1];\n"
        let folder = try folder(["c.qasm": qasm])
        let outcome = try QuireBinary.run(
            [
                "sim", "c.qasm", "--device", "conf_manila.json", "--properties", "props_manila.json", "--layout", "noise-aware",
                "--emit-qasm", "out.qasm", "--json",
            ], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("{\"qubits\": 3,"), "\(outcome.stdout)")
        let compiled = try String(contentsOf: folder.appendingPathComponent("out.qasm"), encoding: .utf8)
        #expect(compiled.contains("// compiled by Quire for ibmq_manila: layout noise-aware, optimization 1, routing seed 0\n"), "\(compiled)")
        #expect(compiled.contains("qreg q[5];\n"))
        #expect(!compiled.contains("ccx") && !compiled.contains("\nh "))
    }

    @Test func anUnknownLayoutIsRefused() throws {
        #expect(throws: (any Error).self) { try QuireCommand.parseAsRoot(["sim", "c.qasm", "--device", "d.yaml", "--layout", "best"]) }
        #expect(throws: (any Error).self) { try QuireCommand.parseAsRoot(["sim", "c.qasm", "--emit-qasm", "x.qasm"]) }
        #expect(throws: (any Error).self) { try QuireCommand.parseAsRoot(["sim", "c.qasm", "--device", "d.yaml", "--optimization", "3"]) }
    }

    @Test func aYAMLDeviceFileRuns() throws {
        let yaml = "native_gates: [x]\nqubits:\n  - {t1_us: 100, t2_us: 100, prob_meas1_prep0: 0.25, prob_meas0_prep1: 0.5}\n"
        let qasm = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nx q[0];\n"
        let outcome = try QuireBinary.run(["sim", "c.qasm", "--device", "one.yaml", "--json"], in: try folder(["c.qasm": qasm, "one.yaml": yaml]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // x is ideal (uncalibrated); readout turns |1⟩ into 0 with probability 0.5.
        #expect(outcome.stdout.contains("\"probabilities\": [0.5, 0.5]"), "\(outcome.stdout)")
    }

    @Test func optionsParseInProcess() throws {
        let command = try QuireCommand.parseAsRoot(["sim", "c.qasm", "--device", "conf.json", "--properties", "props.json"])
        let sim = try #require(command as? QuireCommand.Sim)
        #expect(sim.device.device == "conf.json" && sim.device.properties == "props.json")
        #expect(throws: (any Error).self) { try QuireCommand.parseAsRoot(["sim", "c.qasm", "--properties", "props.json"]) }
    }

    /// A device's calibration is its noise: a profile besides it is bad input.
    @Test func noiseAndDeviceExcludeEachOther() throws {
        let qasm = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nx q[0];\n"
        let files = ["c.qasm": qasm, "n.yaml": "readout: {prob_meas1_prep0: 0.1, prob_meas0_prep1: 0.1}\n"]
        let outcome = try QuireBinary.run(
            ["sim", "c.qasm", "--noise", "n.yaml", "--device", "conf_manila.json", "--properties", "props_manila.json"], in: try folder(files))
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot be combined with a device"), "\(outcome.stderr)")
    }
}
