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
                throw qubits.error(
                    "'qubits' must map qubit indices to overrides",
                    hint: "e.g. qubits: {3: {readout: {prob_meas1_prep0: 0.03, prob_meas0_prep1: 0.06}}}")
            }
            for (keyNode, valueNode) in entries {
                let key = SpecNode(node: keyNode, path: "qubits.\(keyNode.string ?? "")", origin: qubits.origin)
                let index = try key.integer(in: 0...1023)
                let override = try SpecNode(node: valueNode, path: key.path, origin: qubits.origin).mapping(allowed: overrideKeys)
                // A field an override leaves out keeps the global value, as a calibration file that
                // lists only what differs for one qubit means.
                profile.qubits[index] = NoiseProfile.QubitOverride(
                    depolarizing: try override["depolarizing"].map { try depolarizing($0, defaults: profile.depolarizing) },
                    thermalRelaxation: try override["thermal_relaxation"].map { try relaxation($0, defaults: profile.thermalRelaxation) },
                    readout: try override["readout"].map { try readout($0, defaults: profile.readout) })
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

    private static func depolarizing(_ node: SpecNode, defaults: NoiseProfile.Depolarizing? = nil) throws -> NoiseProfile.Depolarizing {
        let map = try node.mapping(allowed: ["one_qubit", "two_qubit", "convention"])
        let convention = try map["convention"]?.choice(NoiseProfile.Convention.self) ?? defaults?.convention ?? .lambda
        let one = NoiseRanges.maximumDepolarizing(qubitCount: 1, convention: convention)
        let two = NoiseRanges.maximumDepolarizing(qubitCount: 2, convention: convention)
        let depolarizing = NoiseProfile.Depolarizing(
            oneQubit: try map["one_qubit"]?.double(in: 0...one) ?? defaults?.oneQubit ?? 0,
            twoQubit: try map["two_qubit"]?.double(in: 0...two) ?? defaults?.twoQubit ?? 0,
            convention: convention)
        // A value an override inherits was checked in the global convention, not in its own.
        for (key, value, maximum) in [("one_qubit", depolarizing.oneQubit, one), ("two_qubit", depolarizing.twoQubit, two)] where value > maximum {
            throw node.error(
                "'\(node.path).\(key)' inherits \(value) from the global depolarizing, outside 0…\(maximum) for the \(convention.rawValue) convention",
                hint: "give \(key) in this override too, as a value in the \(convention.rawValue) convention")
        }
        return depolarizing
    }

    private static func relaxation(_ node: SpecNode, defaults: NoiseProfile.ThermalRelaxation? = nil) throws -> NoiseProfile.ThermalRelaxation {
        let map = try node.mapping(allowed: ["t1_us", "t2_us", "one_qubit_gate_ns", "two_qubit_gate_ns"])
        /// The value of `key`, or the global profile's when an override leaves it out; with its node for errors.
        func value(_ key: String, in range: ClosedRange<Double>, default fallback: Double?) throws -> (value: Double, node: SpecNode) {
            if let valueNode = map[key] { return (try valueNode.double(in: range), valueNode) }
            if let fallback { return (fallback, node) }
            throw node.error("'\(node.path)' needs '\(key)'", hint: "thermal_relaxation takes t1_us, t2_us, one_qubit_gate_ns, two_qubit_gate_ns")
        }
        let t1 = try value("t1_us", in: NoiseRanges.relaxationMicroseconds, default: defaults?.t1Microseconds)
        guard t1.value > 0 else { throw t1.node.error("'\(t1.node.path)' must be positive", hint: "T1 is a time in microseconds, e.g. 100") }
        let t2 = try value("t2_us", in: NoiseRanges.relaxationMicroseconds, default: defaults?.t2Microseconds)
        guard t2.value > 0, t2.value <= NoiseRanges.maximumT2(t1: t1.value) else {
            throw t2.node.error(
                "'\(t2.node.path)' gives T2 = \(t2.value) µs but it must be positive and at most 2·T1 = \(NoiseRanges.maximumT2(t1: t1.value)) µs",
                hint: "T2 > 2·T1 is unphysical; Quire rejects it rather than truncating it as Aer's from_backend does")
        }
        return NoiseProfile.ThermalRelaxation(
            t1Microseconds: t1.value, t2Microseconds: t2.value,
            oneQubitGateNanoseconds: try value("one_qubit_gate_ns", in: NoiseRanges.gateNanoseconds, default: defaults?.oneQubitGateNanoseconds)
                .value,
            twoQubitGateNanoseconds: try value("two_qubit_gate_ns", in: NoiseRanges.gateNanoseconds, default: defaults?.twoQubitGateNanoseconds).value
        )
    }

    private static func readout(_ node: SpecNode, defaults: NoiseProfile.Readout? = nil) throws -> NoiseProfile.Readout {
        let map = try node.mapping(allowed: ["prob_meas1_prep0", "prob_meas0_prep1"])
        return NoiseProfile.Readout(
            probMeas1Prep0: try map["prob_meas1_prep0"]?.double(in: NoiseRanges.probability) ?? defaults?.probMeas1Prep0 ?? 0,
            probMeas0Prep1: try map["prob_meas0_prep1"]?.double(in: NoiseRanges.probability) ?? defaults?.probMeas0Prep1 ?? 0)
    }
}
