import Foundation

extension Device {
    /// Reads a Qiskit backend snapshot: the configuration (`conf_<name>.json`: `backend_name`,
    /// `n_qubits`, `basis_gates`, `coupling_map`) and the `BackendProperties` (`props_<name>.json`:
    /// per qubit `T1`, `T2`, `readout_error`; per gate `gate_error`, `gate_length`), as the fake
    /// backends of `qiskit-ibm-runtime` ship them; then validates the result.
    ///
    /// Times are converted by their stated unit (s, ms, µs/us, ns). Readout error is `readout_error`
    /// for both directions, as `NoiseModel.from_backend` reads a BackendV2's measure error. `reset`
    /// entries are skipped: the relaxation Aer attaches to them has no effect on the state |0⟩ a reset
    /// leaves (excited-state population 0). `measure`, `reset`, `delay` and `barrier` in
    /// `basis_gates` are instructions every circuit may use, not gates.
    ///
    /// - Throws: `SimulationError` for malformed JSON, a missing value (a qubit without T1 or T2, fewer
    ///   qubit entries than `n_qubits`), an unknown unit or gate name, or a value out of range.
    public static func qiskit(configuration: [UInt8], properties: [UInt8]) throws(SimulationError) -> Device {
        let conf: QiskitConfiguration = try decode(configuration, as: "conf")
        let props: QiskitProperties = try decode(properties, as: "props")
        guard conf.nQubits >= 1 else { throw .invalidSnapshot(path: "conf.n_qubits", message: "is \(conf.nQubits); it must be at least 1") }
        guard props.qubits.count >= conf.nQubits else {
            throw .invalidSnapshot(
                path: "props.qubits", message: "has data for \(props.qubits.count) qubits; the configuration declares \(conf.nQubits)")
        }
        let instructions: Set<String> = ["measure", "reset", "delay", "barrier"]
        var native: [StandardGate] = []
        for (index, name) in conf.basisGates.enumerated() where !instructions.contains(name) {
            guard let gate = StandardGate(rawValue: name) else { throw .unknownGate(path: "conf.basis_gates[\(index)]", name: name) }
            native.append(gate)
        }
        var qubits: [Qubit] = []
        for (index, entries) in props.qubits.prefix(conf.nQubits).enumerated() {
            func microseconds(_ name: String) throws(SimulationError) -> Double? {
                guard let entry = entries.last(where: { $0.name == name }) else { return nil }
                return try time(entry, in: "us", path: "props.qubits[\(index)].\(name)")
            }
            guard let t1 = try microseconds("T1"), let t2 = try microseconds("T2") else {
                throw .invalidSnapshot(path: "props.qubits[\(index)]", message: "has no T1 or no T2")
            }
            let readout = entries.last { $0.name == "readout_error" }?.value ?? 0
            qubits.append(
                Qubit(t1Microseconds: t1, t2Microseconds: t2, readout: NoiseProfile.Readout(probMeas1Prep0: readout, probMeas0Prep1: readout)))
        }
        var gates: [GateCalibration] = []
        for (index, entry) in props.gates.enumerated() {
            // Aer relaxes a qubit for a reset's duration, which leaves the reset state |0⟩ as it is.
            if entry.gate == "reset" { continue }
            let path = "props.gates[\(index)]"
            let error = entry.parameters.last { $0.name == "gate_error" }?.value ?? 0
            let nanoseconds =
                try entry.parameters.last { $0.name == "gate_length" }.map { (length) throws(SimulationError) in
                    try time(length, in: "ns", path: path + ".gate_length")
                } ?? 0
            guard let gate = StandardGate(rawValue: entry.gate) else { throw .unknownGate(path: path + ".gate", name: entry.gate) }
            gates.append(GateCalibration(gate: gate, qubits: entry.qubits, error: error, durationNanoseconds: nanoseconds))
        }
        let device = Device(
            name: conf.backendName, nativeGates: native,
            couplingMap: (conf.couplingMap ?? []).map { Edge($0.first ?? -1, $0.count == 2 ? $0[1] : -1) },
            qubits: qubits, gates: gates)
        try device.validate()
        return device
    }

    /// Nanoseconds per unit of Qiskit's time units.
    private static let nanoseconds: [String: Double] = ["s": 1e9, "ms": 1e6, "us": 1e3, "µs": 1e3, "ns": 1]

    /// The time `entry` states, in `unit`: unchanged when it is stated in that unit already.
    ///
    /// - Throws: `SimulationError.invalidSnapshot` at `path` for a unit that is not a time unit.
    private static func time(_ entry: QiskitProperties.Value, in unit: String, path: String) throws(SimulationError) -> Double {
        guard let factor = nanoseconds[entry.unit ?? ""] else {
            throw .invalidSnapshot(path: path, message: "has unit '\(entry.unit ?? "")', not a time unit")
        }
        return entry.value * (factor / nanoseconds[unit]!)
    }

    private static func decode<Value: Decodable>(_ bytes: [UInt8], as file: String) throws(SimulationError) -> Value {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Value.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalidSnapshot(path: path(file, context.codingPath + [key]), message: "is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw .invalidSnapshot(path: path(file, context.codingPath), message: "is malformed: \(context.debugDescription)")
        } catch {
            throw .invalidSnapshot(path: file, message: "is not JSON: \(error)")
        }
    }

    private static func path(_ file: String, _ keys: [any CodingKey]) -> String {
        keys.reduce(file) { path, key in key.intValue.map { "\(path)[\($0)]" } ?? "\(path).\(key.stringValue)" }
    }
}

/// The parts of a Qiskit backend configuration Quire reads.
private struct QiskitConfiguration: Decodable {
    var backendName: String
    var nQubits: Int
    var basisGates: [String]
    var couplingMap: [[Int]]?
}

/// The parts of Qiskit `BackendProperties` Quire reads.
private struct QiskitProperties: Decodable {
    /// A named value with its unit (Qiskit's `Nduv`).
    struct Value: Decodable {
        var name: String
        var unit: String?
        var value: Double
    }

    /// One calibrated gate on its qubits.
    struct Gate: Decodable {
        var gate: String
        var qubits: [Int]
        var parameters: [Value]
    }

    var qubits: [[Value]]
    var gates: [Gate]
}
