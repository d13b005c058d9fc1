import QuireCore
import QuireSimulator

/// Reads a noise profile (DESIGN §4.3) from YAML: a `noise` block's body, an inline
/// `execution.noise`, or the file given to `quire sim --noise`.
public enum NoiseProfileDecoder {
    static let keys = ["depolarizing", "thermal_relaxation", "readout", "qubits"]
    static let overrideKeys = ["depolarizing", "thermal_relaxation", "readout"]

    /// Decodes and range-checks a profile.
    ///
    /// - Throws: a located error for unknown keys, wrong types and values outside their physical range.
    public static func decode(_ node: SpecNode) throws -> NoiseProfile {
        let map = try node.mapping(allowed: keys)
        var profile = NoiseProfile()
        if let value = map["depolarizing"] { profile.depolarizing = try depolarizing(value) }
        if let value = map["thermal_relaxation"] { profile.thermalRelaxation = try relaxation(value) }
        if let value = map["readout"] { profile.readout = try readout(value) }
        if let qubits = map["qubits"] {
            guard case .mapping(let entries) = qubits.node else {
                throw qubits.error("'qubits' must map qubit indices to overrides", hint: "e.g. qubits: {3: {readout: {prob_meas1_prep0: 0.03, prob_meas0_prep1: 0.06}}}")
            }
            for (keyNode, valueNode) in entries {
                let key = SpecNode(node: keyNode, path: "qubits.\(keyNode.string ?? "")", origin: qubits.origin)
                let index = try key.integer(in: 0...1023)
                let override = try SpecNode(node: valueNode, path: key.path, origin: qubits.origin).mapping(allowed: overrideKeys)
                profile.qubits[index] = NoiseProfile.QubitOverride(
                    depolarizing: try override["depolarizing"].map(depolarizing),
                    thermalRelaxation: try override["thermal_relaxation"].map(relaxation),
                    readout: try override["readout"].map(readout))
            }
        }
        return profile
    }

    /// Decodes a profile from a standalone YAML text (the `--noise` file of `quire sim`).
    public static func decode(yaml: String, file: String) throws -> NoiseProfile {
        let origin = YAMLOrigin(yaml: yaml) { SourceLocation(file: file, line: $0, column: $1) }
        guard let root = try SpecNode.parse(yaml, origin: origin) else { return NoiseProfile() }
        return try decode(root)
    }

    private static func depolarizing(_ node: SpecNode) throws -> NoiseProfile.Depolarizing {
        let map = try node.mapping(allowed: ["one_qubit", "two_qubit", "convention"])
        let convention = try map["convention"]?.choice(NoiseProfile.Convention.self) ?? .lambda
        // The largest parameter for which the channel is completely positive: Aer's λ ≤ 4ᵏ/(4ᵏ−1);
        // in the Pauli convention p is a total probability.
        let one = convention == .lambda ? 4.0 / 3.0 : 1.0
        let two = convention == .lambda ? 16.0 / 15.0 : 1.0
        return NoiseProfile.Depolarizing(
            oneQubit: try map["one_qubit"]?.double(in: 0...one) ?? 0,
            twoQubit: try map["two_qubit"]?.double(in: 0...two) ?? 0,
            convention: convention)
    }

    private static func relaxation(_ node: SpecNode) throws -> NoiseProfile.ThermalRelaxation {
        let map = try node.mapping(allowed: ["t1_us", "t2_us", "one_qubit_gate_ns", "two_qubit_gate_ns"])
        func required(_ key: String) throws -> SpecNode {
            guard let value = map[key] else {
                throw node.error("'\(node.path)' needs '\(key)'", hint: "thermal_relaxation takes t1_us, t2_us, one_qubit_gate_ns, two_qubit_gate_ns")
            }
            return value
        }
        let t1Node = try required("t1_us")
        let t1 = try t1Node.double(in: 0...1e9)
        guard t1 > 0 else { throw t1Node.error("'\(t1Node.path)' must be positive", hint: "T1 is a time in microseconds, e.g. 100") }
        let t2Node = try required("t2_us")
        let t2 = try t2Node.double(in: 0...1e9)
        guard t2 > 0, t2 <= 2 * t1 else {
            throw t2Node.error("'\(t2Node.path)' is \(t2) µs but must be positive and at most 2·T1 = \(2 * t1) µs",
                               hint: "T2 > 2·T1 is unphysical; Quire rejects it rather than truncating it as Aer's from_backend does")
        }
        return NoiseProfile.ThermalRelaxation(
            t1Microseconds: t1, t2Microseconds: t2,
            oneQubitGateNanoseconds: try required("one_qubit_gate_ns").double(in: 0...1e12),
            twoQubitGateNanoseconds: try required("two_qubit_gate_ns").double(in: 0...1e12))
    }

    private static func readout(_ node: SpecNode) throws -> NoiseProfile.Readout {
        let map = try node.mapping(allowed: ["prob_meas1_prep0", "prob_meas0_prep1"])
        return NoiseProfile.Readout(
            probMeas1Prep0: try map["prob_meas1_prep0"]?.double(in: 0...1) ?? 0,
            probMeas0Prep1: try map["prob_meas0_prep1"]?.double(in: 0...1) ?? 0)
    }
}
