import QuireCore
import QuireSimulator

extension Device {
    /// Every value of the snapshot in Quire's YAML key names, in the snapshot's order: the same
    /// content read from Qiskit's JSON or from Quire's YAML gives the same bytes.
    var canonical: CanonicalJSON {
        .object([
            "name": .string(name),
            "native_gates": .array(nativeGates.map { .string($0.rawValue) }),
            "coupling_map": .array(couplingMap.map { .array([.integer(Int64($0.first)), .integer(Int64($0.second))]) }),
            "qubits": .array(
                qubits.map {
                    .object([
                        "t1_us": .number($0.t1Microseconds), "t2_us": .number($0.t2Microseconds),
                        "prob_meas1_prep0": .number($0.readout.probMeas1Prep0), "prob_meas0_prep1": .number($0.readout.probMeas0Prep1),
                    ])
                }),
            "gates": .array(
                gates.map {
                    .object([
                        "gate": .string($0.gate.rawValue), "qubits": .array($0.qubits.map { .integer(Int64($0)) }),
                        "error": .number($0.error), "duration_ns": .number($0.durationNanoseconds),
                    ])
                }),
        ])
    }

    /// SHA-256 of the compact canonical content: the device's identity in records and cache keys.
    var contentSHA256: String { Hashing.sha256Hex(Array(canonical.compact().utf8)) }

    /// The resolved noise, for provenance: each calibrated gate's depolarizing parameter λ (Aer's
    /// convention, 0 when relaxation explains its error) and each qubit's T2 as relaxation uses it.
    var resolvedNoise: CanonicalJSON {
        .object([
            "conventions": .string("qiskit-aer NoiseModel.from_backend, temperature 0"),
            "depolarizing_lambda": .array(gates.map { .number(depolarizingLambda($0)) }),
            "t2_us_used": .array(qubits.map { .number(min($0.t2Microseconds, 2 * $0.t1Microseconds)) }),
        ])
    }
}
