import QuireCore
import QuireSimulator

/// Reads Quire's own YAML device format (README, Devices): a `device` block's body, or a `.yaml`
/// file that a device block or `quire sim --device` names.
///
///     name: line3                            # default: the block id or file name
///     native_gates: [rz, sx, x, cx]
///     coupling_map: [[0, 1], [1, 0], [1, 2], [2, 1]]
///     qubits:                                # one entry per physical qubit, in order
///       - {t1_us: 120, t2_us: 90, prob_meas1_prep0: 0.01, prob_meas0_prep1: 0.03}
///     gates:                                 # calibrated gates; other native gates are ideal
///       - {gate: sx, qubits: [0], error: 2.1e-4, duration_ns: 35.5}
///       - {gate: cx, qubits: [0, 1], error: 8.8e-3, duration_ns: 277.3}
enum DeviceDecoder {
    /// Keys of the inline format.
    static let keys = ["name", "native_gates", "coupling_map", "qubits", "gates"]

    /// Decodes and validates a device; `name` is used when the YAML gives none.
    ///
    /// - Throws: a located error for unknown keys, unknown gates, a qubit without T1 or T2, values
    ///   out of range and indices outside the device.
    static func decode(_ root: SpecNode, name defaultName: String) throws -> Device {
        let map = try root.mapping(allowed: keys)
        func required(_ key: String, _ example: String) throws -> SpecNode {
            guard let node = map[key] else { throw root.error("a device needs '\(key)'", hint: "e.g. \(key): \(example)") }
            return node
        }
        let native = try required("native_gates", "[rz, sx, x, cx]").sequence().map(gate)
        let edges = try (map["coupling_map"]?.sequence() ?? []).map { node in
            let pair = try node.sequence().map { try $0.integer(in: 0...1023) }
            guard pair.count == 2 else { throw node.error("\(node.name) must be a pair of qubits, e.g. [0, 1]") }
            return Device.Edge(pair[0], pair[1])
        }
        let qubits = try required("qubits", "[{t1_us: 120, t2_us: 90}]").sequence().map { node in
            let entry = try node.mapping(allowed: ["t1_us", "t2_us", "prob_meas1_prep0", "prob_meas0_prep1"])
            guard let t1 = entry["t1_us"], let t2 = entry["t2_us"] else {
                throw node.error("\(node.name) needs t1_us and t2_us", hint: "every qubit of the device needs its T1 and T2 in µs")
            }
            return Device.Qubit(
                t1Microseconds: try t1.double(in: 1e-6...NoiseRanges.relaxationMicroseconds.upperBound),
                t2Microseconds: try t2.double(in: 1e-6...NoiseRanges.relaxationMicroseconds.upperBound),
                readout: NoiseProfile.Readout(
                    probMeas1Prep0: try entry["prob_meas1_prep0"]?.double(in: NoiseRanges.probability) ?? 0,
                    probMeas0Prep1: try entry["prob_meas0_prep1"]?.double(in: NoiseRanges.probability) ?? 0))
        }
        let gates = try (map["gates"]?.sequence() ?? []).map { node in
            let entry = try node.mapping(allowed: ["gate", "qubits", "error", "duration_ns"])
            guard let gateNode = entry["gate"], let qubitsNode = entry["qubits"] else {
                throw node.error("\(node.name) needs gate and qubits", hint: "e.g. {gate: cx, qubits: [0, 1], error: 0.01, duration_ns: 300}")
            }
            return Device.GateCalibration(
                gate: try gate(gateNode), qubits: try qubitsNode.sequence().map { try $0.integer(in: 0...1023) },
                error: try entry["error"]?.double(in: NoiseRanges.probability) ?? 0,
                durationNanoseconds: try entry["duration_ns"]?.double(in: 0...1e9) ?? 0)
        }
        let device = Device(
            name: try map["name"]?.string() ?? defaultName, nativeGates: native, couplingMap: edges, qubits: qubits, gates: gates)
        do {
            try device.validate()
        } catch {
            throw root.error(error.diagnostic.message, hint: error.diagnostic.hint)
        }
        return device
    }

    /// Decodes a device from a standalone YAML text named `file`.
    static func decode(yaml: String, file: String) throws -> Device {
        let origin = YAMLOrigin(yaml: yaml) { SourceLocation(file: file, line: $0, column: $1) }
        guard let root = try SpecNode.parse(yaml, origin: origin) else {
            throw LocatedError(SourceLocation(file: file, line: 1, column: 1), "the device file is empty", hint: "declare native_gates and qubits")
        }
        let name = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? file
        return try decode(root, name: name)
    }

    private static func gate(_ node: SpecNode) throws -> StandardGate {
        let name = try node.string()
        guard let gate = StandardGate(rawValue: name) else {
            throw node.error(
                "'\(name)' is not a gate Quire knows",
                hint: "Quire's gates are those of OpenQASM 2's qelib1.inc (\(StandardGate.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return gate
    }
}
