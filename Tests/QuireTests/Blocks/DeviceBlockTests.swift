import Foundation
import QuireCore
import QuireReport
import QuireSimulator
import QuireTestSupport
import Testing

@testable import Quire

/// `device` blocks: snapshots inline or pinned by SHA-256, and circuit blocks run on them (`device=`).
struct DeviceBlockTests {
    static let confDigest = Hashing.sha256Hex(Array(DeviceReference.snapshot("conf_manila.json")))
    static let propsDigest = Hashing.sha256Hex(Array(DeviceReference.snapshot("props_manila.json")))

    static let line = """
        ```device id=line
        native_gates: [rz, sx, x, cx]
        coupling_map: [[0, 1], [1, 0], [1, 2], [2, 1]]
        qubits:
          - {t1_us: 100, t2_us: 80, prob_meas1_prep0: 0.01, prob_meas0_prep1: 0.03}
          - {t1_us: 90, t2_us: 190, prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.02}
          - {t1_us: 120, t2_us: 60}
        gates:
          - {gate: sx, qubits: [0], error: 0.0003, duration_ns: 35.5}
          - {gate: cx, qubits: [0, 1], error: 0.01, duration_ns: 300}
        ```

        """

    static let manila = """
        ```device id=manila
        configuration: devices/conf_manila.json
        properties: devices/props_manila.json
        sha256: {configuration: \(confDigest), properties: \(propsDigest)}
        ```

        """

    /// Runs `document` as paper.md in a fresh folder holding devices/conf_manila.json and
    /// devices/props_manila.json with `options`; returns the new text, or the error and whether the file was untouched.
    func run(_ document: String, files: [String: String] = [:], options: RunOptions = RunOptions()) -> (
        text: String, error: String?, untouched: Bool
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-device-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("paper.md").path
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("devices"), withIntermediateDirectories: true)
            try DeviceReference.snapshot("conf_manila.json").write(to: folder.appendingPathComponent("devices/conf_manila.json"))
            try DeviceReference.snapshot("props_manila.json").write(to: folder.appendingPathComponent("devices/props_manila.json"))
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            try Data(document.utf8).write(to: URL(fileURLWithPath: path))
        } catch { fatalError("\(error)") }
        var failure: String?
        do { _ = try NotebookFile.run(path: path, options: options) } catch { failure = "\(error)" }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (text, failure, text == document)
    }

    func circuit(_ body: String, device: String = "line", qubits: Int = 3) -> String {
        "```circuit id=c device=\(device) shots=0 method=density-matrix\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[\(qubits)];\n\(body)```\n"
    }

    /// A Qiskit snapshot pinned in the document's folder gives the probabilities Aer computes with
    /// `NoiseModel.from_backend` for the same circuit (device_circuits.json, case manila-4q), which is
    /// written for manila: a trivial layout without optimisation runs it as written.
    @Test func aPinnedQiskitSnapshotRunsAsAer() throws {
        let entry = DeviceReference.named("manila-4q")
        let document = Self.manila + "\n```circuit id=c device=manila optimization=0 shots=0 method=density-matrix\n\(entry.qasm)```\n"
        let out = run(document)
        #expect(out.error == nil, "\(out.error ?? "")")
        #expect(out.text.contains("Device `manila` (`ibmq_manila`): 5 qubits, native gates `cx`, `id`, `rz`, `sx`, `x`, 8 directed couplings"))
        #expect(out.text.contains("4 qubits, density-matrix engine, device `manila`, exact probabilities."))
        let format = NumberFormat(precision: 4)
        let lines = out.text.split(separator: "\n")
        for (index, probability) in entry.probabilities.enumerated() {
            let bits = String((0..<4).reversed().map { index >> $0 & 1 == 1 ? "1" : "0" })
            let row = lines.first { $0.hasPrefix("| `\(bits)`") }
            #expect(row?.hasSuffix(" \(format.format(probability)) |") == true, "\(bits): \(row ?? "no row")")
        }
        #expect(out.text.contains("\"sha256\": \"\(Self.propsDigest)\""))
        #expect(out.text.contains("\"depolarizing_lambda\""))
    }

    /// The same calibration in Quire's YAML and in Qiskit's JSON has the same content hash.
    @Test func theContentHashIgnoresTheFormat() throws {
        let device = try Device.qiskit(
            configuration: Array(DeviceReference.snapshot("conf_manila.json")), properties: Array(DeviceReference.snapshot("props_manila.json")))
        let yaml = device.canonical.rendered()  // JSON is YAML
        let origin = YAMLOrigin(yaml: yaml) { SourceLocation(file: "x.yaml", line: $0, column: $1) }
        let decoded = try DeviceDecoder.decode(try #require(try SpecNode.parse(yaml, origin: origin)), name: "other")
        #expect(decoded == device)
        #expect(decoded.canonical.compact() == device.canonical.compact())
    }

    @Test func anInlineDeviceRunsItsCircuits() {
        let out = run(Self.line + "\n" + circuit("sx q[0];\ncx q[0],q[1];\n"))
        #expect(out.error == nil, "\(out.error ?? "")")
        #expect(out.text.contains("Device `line` (`line`): 3 qubits"))
        #expect(out.text.contains("density-matrix engine, device `line`"))
    }

    /// A gate outside the basis and a pair the line does not couple are compiled: the region says
    /// how and links the compiled QASM, the record holds the options and what they produced.
    @Test func aCircuitIsCompiledForItsDevice() {
        let out = run(
            Self.line + "\n" + circuit("h q[0];\ncx q[0],q[2];\n").replacingOccurrences(of: "device=line", with: "device=line routing_seed=4"))
        #expect(out.error == nil, "\(out.error ?? "")")
        #expect(out.text.contains("Compiled for `line`: trivial layout [0, 1, 2] → ["), "\(out.text)")
        #expect(out.text.contains(", 1 swap, optimisation level 1, routing seed 4. [Compiled circuit](paper.figures/c-compiled.qasm)."))
        #expect(out.text.contains("\"paper.figures/c-compiled.qasm\""))
        #expect(out.text.contains("\"compile\": {"))
        #expect(out.text.contains("\"routing_seed\": 4"))
        #expect(out.text.contains("\"final_layout\": ["))
        #expect(out.text.contains("\"qasm_sha256\": \""))
    }

    /// A two-qubit gate between parts of a coupling map no path joins is located at its statement.
    @Test func aGateAcrossADisconnectedMapIsLocatedAtItsStatement() {
        let split = Self.line.replacingOccurrences(of: "[[0, 1], [1, 0], [1, 2], [2, 1]]", with: "[[0, 1], [1, 0]]")
        let out = run(split + "\n" + circuit("cx q[0],q[2];\n"))
        #expect(
            out.error?.contains(
                "paper.md:17:1: error: cx needs physical qubits 0 and 2 of device 'line' together, and its coupling map joins them by no path")
                == true, "\(out.error ?? "")")
        #expect(out.untouched)
    }

    @Test func compileAttributesAreChecked() {
        let bad = run(Self.line + "\n" + circuit("x q[0];\n").replacingOccurrences(of: "device=line", with: "device=line layout=best"))
        #expect(bad.error?.contains("paper.md:13:29: error: layout=best is not a layout method") == true, "\(bad.error ?? "")")
        #expect(bad.untouched)
        let level = run(Self.line + "\n" + circuit("x q[0];\n").replacingOccurrences(of: "device=line", with: "device=line optimization=3"))
        #expect(level.error?.contains("optimization=3 is not a whole number from 0 to 2") == true, "\(level.error ?? "")")
        let alone = run("```circuit id=c layout=noise-aware\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nx q[0];\n```\n")
        #expect(
            alone.error?.contains("paper.md:1:17: error: layout= steers compilation for a device; this block names none") == true,
            "\(alone.error ?? "")")
        #expect(alone.untouched)
    }

    @Test func aCircuitWiderThanTheDeviceIsRefused() {
        let out = run(Self.line + "\n" + circuit("x q[3];\n", qubits: 4))
        #expect(out.error?.contains("paper.md:13:1: error: the circuit has 4 qubits; device 'line' has 3") == true, "\(out.error ?? "")")
        #expect(out.untouched)
    }

    @Test func aQubitWithoutT2IsLocated() {
        let out = run(Self.line.replacingOccurrences(of: "{t1_us: 120, t2_us: 60}", with: "{t1_us: 120}"))
        #expect(out.error?.contains("paper.md:7:5: error: 'qubits[2]' needs t1_us and t2_us") == true, "\(out.error ?? "")")
        #expect(out.untouched)
    }

    @Test func anUnknownGateIsLocated() {
        let out = run(Self.line.replacingOccurrences(of: "[rz, sx, x, cx]", with: "[rz, sx, x, cnot]"))
        #expect(out.error?.contains("paper.md:2:27: error: 'cnot' is not a gate Quire knows") == true, "\(out.error ?? "")")
        #expect(out.untouched)
    }

    @Test func aCalibrationOfAnUncoupledQubitIsRefused() {
        let out = run(Self.line.replacingOccurrences(of: "qubits: [0, 1], error", with: "qubits: [0, 3], error"))
        #expect(out.error?.contains("gates[1]' puts cx on [0, 3]") == true, "\(out.error ?? "")")
        #expect(out.untouched)
    }

    @Test func aMissingPinSuggestsTheDigest() {
        let out = run(
            Self.manila.replacingOccurrences(of: "properties: \(Self.propsDigest)", with: "properties: \(String(repeating: "0", count: 64))"))
        #expect(out.error?.contains("'devices/props_manila.json' has sha256 \(Self.propsDigest), not the pinned") == true, "\(out.error ?? "")")
        let unpinned = run(Self.manila.replacingOccurrences(of: ", properties: \(Self.propsDigest)", with: ""))
        #expect(unpinned.error?.contains("add sha256: {properties: \(Self.propsDigest)}") == true, "\(unpinned.error ?? "")")
        #expect(out.untouched && unpinned.untouched)
    }

    @Test func aSnapshotMissingAQubitIsRefusedAtItsFile() throws {
        let props = String(decoding: DeviceReference.snapshot("props_manila.json"), as: UTF8.self).replacingOccurrences(
            of: "\"name\": \"T2\"", with: "\"name\": \"T2x\"")
        let digest = Hashing.sha256Hex(Array(props.utf8))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-device-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try DeviceReference.snapshot("conf_manila.json").write(to: folder.appendingPathComponent("conf.json"))
        try Data(props.utf8).write(to: folder.appendingPathComponent("props.json"))
        let document =
            "```device id=m\nconfiguration: conf.json\nproperties: props.json\nsha256: {configuration: \(Self.confDigest), properties: \(digest)}\n```\n"
        let path = folder.appendingPathComponent("paper.md").path
        try Data(document.utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: (any Error).self) { try NotebookFile.run(path: path, options: RunOptions()) }
        #expect(
            "\(error.map { "\($0)" } ?? "")".contains("paper.md:3:13: error: 'props.json': device snapshot: 'props.qubits[0]' has no T1 or no T2"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == document)
    }

    @Test func noiseAndDeviceExcludeEachOther() {
        let out = run(
            Self.line + "\n```noise id=n\n```\n\n" + circuit("x q[0];\n").replacingOccurrences(of: "device=line", with: "device=line noise=n"))
        #expect(out.error?.contains("a circuit block takes noise= or device=, not both") == true, "\(out.error ?? "")")
    }

    @Test func anUnknownDeviceIsNamed() {
        let out = run(Self.line + "\n" + circuit("x q[0];\n", device: "lin"))
        #expect(
            out.error?.contains("no device block has id 'lin'") == true && out.error?.contains("declared device blocks: line") == true,
            "\(out.error ?? "")")
    }

    /// A recalibrated device makes the circuits run on it stale, as a changed noise profile does.
    @Test func aNewCalibrationMakesItsCircuitsStale() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-device-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("paper.md").path
        try Data((Self.line + "\n" + circuit("sx q[0];\n")).utf8).write(to: URL(fileURLWithPath: path))
        _ = try NotebookFile.run(path: path, options: RunOptions())
        #expect(try NotebookFile.checkStale(path: path, options: RunOptions()).blocks.map(\.status) == [.identical, .identical])
        let recalibrated = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "t1_us: 100,", with: "t1_us: 101,")
        try Data(recalibrated.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try NotebookFile.checkStale(path: path, options: RunOptions()).blocks.map(\.status) == [.stale, .stale])
    }

    /// Quire's format in a pinned file: the same device as inline, errors located in the file.
    @Test func aPinnedYAMLFileIsADevice() {
        let yaml = Self.line.split(separator: "\n").dropFirst().dropLast().joined(separator: "\n") + "\n"
        let block = "```device id=line\nfile: devices/line3.yaml\nsha256: \(Hashing.sha256Hex(Array(yaml.utf8)))\n```\n"
        let out = run(block + "\n" + circuit("sx q[0];\n"), files: ["devices/line3.yaml": yaml])
        #expect(out.error == nil, "\(out.error ?? "")")
        #expect(out.text.contains("Device `line` (`line3`): 3 qubits"))
        let broken = yaml.replacingOccurrences(of: "t2_us: 190", with: "t2_us: -1")
        let bad = run(
            block.replacingOccurrences(of: Hashing.sha256Hex(Array(yaml.utf8)), with: Hashing.sha256Hex(Array(broken.utf8))),
            files: ["devices/line3.yaml": broken])
        #expect(bad.error?.contains("devices/line3.yaml:5:24: error: 'qubits[1].t2_us' is -1") == true, "\(bad.error ?? "")")
        #expect(bad.untouched)
    }
}
