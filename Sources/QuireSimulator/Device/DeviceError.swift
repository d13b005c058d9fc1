import QuireCore

/// Why a device snapshot, or a circuit run on a device, was refused.
///
/// Snapshot errors name the field by its path in the snapshot (`props.qubits[3].T1`,
/// `gates[4].error`); circuit errors carry the line and column of the offending statement in the
/// circuit's text, which the `Quire` module turns into a position in the document.
public enum DeviceError: InputError, Hashable {
    /// A snapshot value that is missing, malformed or outside its physical range.
    case invalidSnapshot(path: String, message: String)
    /// A gate name in the snapshot that is not one of Quire's gates.
    case unknownGate(path: String, name: String)
    /// The circuit has more qubits than the device.
    case tooWide(circuitQubits: Int, device: String, deviceQubits: Int)
    /// A gate the device does not run natively.
    case notNative(line: Int, column: Int, gate: StandardGate, device: String, native: [StandardGate])
    /// A two-qubit gate on a pair of physical qubits the coupling map does not connect in that order.
    case notCoupled(line: Int, column: Int, gate: StandardGate, qubits: [Int], device: String)
    /// A two-qubit gate whose qubits the layout puts on physical qubits no path of the coupling map joins.
    case disconnected(line: Int, column: Int, gate: StandardGate, qubits: [Int], device: String)
    /// No connected set of the device's qubits is as large as the circuit (noise-aware layout).
    case noConnectedSet(qubits: Int, device: String, largest: Int)

    /// Where the statement at fault is in the circuit's text, for circuit errors.
    public var circuitPosition: (line: Int, column: Int)? {
        switch self {
        case let .notNative(line, column, _, _, _), let .notCoupled(line, column, _, _, _), let .disconnected(line, column, _, _, _):
            (line, column)
        default: nil
        }
    }

    /// The snapshot field at fault (`conf.basis_gates[2]`, `props.qubits[3]`), for snapshot errors.
    public var snapshotPath: String? {
        switch self {
        case let .invalidSnapshot(path, _), let .unknownGate(path, _): path
        default: nil
        }
    }

    /// What is wrong, and how to fix it.
    public var diagnostic: Diagnostic {
        let compile =
            "Quire compiles for a device whose native gates include a one-qubit family ({rz, sx}, {rz, rx}, {gpi, gpi2} or u3) and an entangler (cx, ecr, cz or ms); for another, write the circuit in its native gates on the couplings it lists"
        switch self {
        case let .invalidSnapshot(path, message):
            return Diagnostic(location: nil, message: "device snapshot: '\(path)' \(message)", hint: "correct the snapshot or take a complete one")
        case let .unknownGate(path, name):
            return Diagnostic(
                location: nil, message: "device snapshot: '\(path)' names gate '\(name)', which Quire does not know",
                hint: "Quire's gates are those of OpenQASM 2's qelib1.inc (\(StandardGate.allCases.map(\.rawValue).joined(separator: ", ")))")
        case let .tooWide(circuitQubits, device, deviceQubits):
            return Diagnostic(
                location: nil, message: "the circuit has \(circuitQubits) qubits; device '\(device)' has \(deviceQubits)",
                hint: "use a device with at least \(circuitQubits) qubits")
        case let .notNative(_, _, gate, device, native):
            return Diagnostic(
                location: nil,
                message: "\(gate.rawValue) is not a native gate of device '\(device)' (native: \(native.map(\.rawValue).joined(separator: ", ")))",
                hint: compile)
        case let .notCoupled(_, _, gate, qubits, device):
            return Diagnostic(
                location: nil,
                message:
                    "\(gate.rawValue) on physical qubits \(qubits.map(String.init).joined(separator: ", ")): device '\(device)' has no coupling \(qubits.map(String.init).joined(separator: " → "))",
                hint: compile)
        case let .disconnected(_, _, gate, qubits, device):
            return Diagnostic(
                location: nil,
                message:
                    "\(gate.rawValue) needs physical qubits \(qubits.map(String.init).joined(separator: " and ")) of device '\(device)' together, and its coupling map joins them by no path",
                hint: "use layout=noise-aware, which places the circuit on one connected set of qubits, or a device whose coupling map is connected")
        case let .noConnectedSet(qubits, device, largest):
            return Diagnostic(
                location: nil,
                message: "the circuit has \(qubits) qubits; the largest connected set of device '\(device)' has \(largest)",
                hint: "use a device whose coupling map connects at least \(qubits) qubits")
        }
    }
}
