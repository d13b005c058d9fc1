import QuireSimulator

extension NoiseProfile {
    /// The profile with every value written out, in the YAML key names, for provenance and hashing.
    public var canonical: CanonicalJSON {
        var object: [(String, CanonicalJSON)] = Self.parts(depolarizing: depolarizing, relaxation: thermalRelaxation, readout: readout)
        object.append(
            (
                "qubits",
                .object(
                    .init(
                        uniqueKeysWithValues: qubits.keys.sorted().map { index in
                            let override = qubits[index]!
                            return (
                                String(index),
                                CanonicalJSON.object(
                                    .init(
                                        uniqueKeysWithValues: Self.parts(
                                            depolarizing: override.depolarizing, relaxation: override.thermalRelaxation, readout: override.readout)))
                            )
                        }))
            ))
        return .object(.init(uniqueKeysWithValues: object))
    }

    private static func parts(depolarizing: Depolarizing?, relaxation: ThermalRelaxation?, readout: Readout?) -> [(String, CanonicalJSON)] {
        [
            (
                "depolarizing",
                depolarizing.map {
                    .object([
                        "one_qubit": .number($0.oneQubit), "two_qubit": .number($0.twoQubit),
                        "convention": .string($0.convention.rawValue),
                    ])
                } ?? .null
            ),
            (
                "thermal_relaxation",
                relaxation.map {
                    .object([
                        "t1_us": .number($0.t1Microseconds), "t2_us": .number($0.t2Microseconds),
                        "one_qubit_gate_ns": .number($0.oneQubitGateNanoseconds),
                        "two_qubit_gate_ns": .number($0.twoQubitGateNanoseconds),
                    ])
                } ?? .null
            ),
            (
                "readout",
                readout.map {
                    .object([
                        "prob_meas1_prep0": .number($0.probMeas1Prep0),
                        "prob_meas0_prep1": .number($0.probMeas0Prep1),
                    ])
                } ?? .null
            ),
        ]
    }
}
