import QuireCore

/// Why the simulator refused its input: the module's one error enum, one case per failure, each
/// naming the limit, field or statement at fault and how to proceed.
///
/// Circuit errors carry the line and column of the offending statement in the circuit's text
/// (`circuitPosition`), which the `Quire` module turns into a position in the document; snapshot
/// errors name the field by its path in the device snapshot (`snapshotPath`), noise errors by its
/// path in the YAML key names of DESIGN §4.3 (`depolarizing.one_qubit`).
public enum SimulationError: InputError, Hashable {
    /// A problem in an OpenQASM 2.0 program, at the token that caused it: 1-based line, column in
    /// UTF-8 bytes (as cmark-gfm counts them), what was found and expected, and a hint.
    case invalidQASM(line: Int, column: Int, message: String, hint: String? = nil)
    /// An operation refers to a qubit or classical bit that does not exist, or has the wrong arity.
    case invalidOperation(line: Int, column: Int, message: String)
    /// More classical bits than the engines track (64).
    case tooManyClassicalBits(count: Int)
    /// The state would exceed the method's hard qubit cap.
    case tooManyQubits(method: SimulationMethod, qubits: Int, cap: Int)
    /// The state would need more bytes than `SimulationOptions.memoryLimitBytes` allows.
    case memoryLimit(method: SimulationMethod, qubits: Int, bytes: Int, limit: Int)
    /// Mid-circuit measurements and resets created more branches than memory allows.
    case tooManyBranches(method: SimulationMethod, branches: Int, bytes: Int, limit: Int)
    /// The statevector method was asked to simulate gate noise.
    case noiseNeedsMixedStates
    /// An option is out of range.
    case invalidOption(name: String, message: String)
    /// A Pauli string label is malformed or does not fit the circuit.
    case invalidPauliString(label: String, message: String)
    /// A parameterized circuit template has an unsupported gate, an index outside its counts, or
    /// blocks of different sizes appended.
    case invalidParameterizedCircuit(message: String)
    /// An engine produced a probability outside [0, 1] or an expectation value outside [−1, 1] by more
    /// than rounding (`Simulator.resultTolerance`): a defect, reported instead of printed as a result.
    case resultOutOfRange(method: SimulationMethod, what: String, value: Double)

    /// A depolarizing parameter that is negative, not finite, or beyond the completely positive
    /// limit (`maximum`: 4ᵏ/(4ᵏ−1) in the lambda convention, 1 in the Pauli convention).
    case depolarizingOutOfRange(path: String, value: Double, maximum: Double, convention: NoiseProfile.Convention)
    /// A readout probability outside [0, 1] or not finite.
    case probabilityOutOfRange(path: String, value: Double)
    /// A T1 or T2 that is not a positive, finite number of microseconds.
    case nonPositiveTime(path: String, value: Double)
    /// T2 above 2·T1, which no physical channel has (rejected, never truncated).
    case t2AboveTwiceT1(path: String, t2: Double, t1: Double)
    /// A gate duration that is negative or not finite.
    case negativeGateTime(path: String, value: Double)
    /// A per-qubit noise override for a qubit the circuit does not have.
    case qubitOutOfRange(path: String, qubit: Int, qubitCount: Int)

    /// A device snapshot value that is missing, malformed or outside its physical range.
    case invalidSnapshot(path: String, message: String)
    /// A gate name in a device snapshot that is not one of Quire's gates.
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
    /// A device's native gates have no one-qubit family or no entangling gate Quire compiles to.
    case uncoveredNativeGates(nativeGates: [StandardGate], missingOneQubit: Bool, missingEntangler: Bool)

    /// A QASM error at `position`.
    static func invalidQASM(at position: QASMPosition, _ message: String, hint: String? = nil) -> SimulationError {
        .invalidQASM(line: position.line, column: position.column, message: message, hint: hint)
    }

    /// Where the statement at fault is in the circuit's text, for circuit errors.
    public var circuitPosition: (line: Int, column: Int)? {
        switch self {
        case let .invalidQASM(line, column, _, _), let .invalidOperation(line, column, _), let .notNative(line, column, _, _, _),
            let .notCoupled(line, column, _, _, _), let .disconnected(line, column, _, _, _):
            (line, column)
        default: nil
        }
    }

    /// The error with its circuit position `lines` lines earlier, for a text that was read behind a
    /// header of that many lines; errors without a position are returned unchanged.
    public func movedUp(lines: Int) -> SimulationError {
        switch self {
        case let .invalidQASM(line, column, message, hint): .invalidQASM(line: line - lines, column: column, message: message, hint: hint)
        case let .invalidOperation(line, column, message): .invalidOperation(line: line - lines, column: column, message: message)
        case let .notNative(line, column, gate, device, native):
            .notNative(line: line - lines, column: column, gate: gate, device: device, native: native)
        case let .notCoupled(line, column, gate, qubits, device):
            .notCoupled(line: line - lines, column: column, gate: gate, qubits: qubits, device: device)
        case let .disconnected(line, column, gate, qubits, device):
            .disconnected(line: line - lines, column: column, gate: gate, qubits: qubits, device: device)
        default: self
        }
    }

    /// The QASM error with `context` appended to its message (the gate call being expanded); other
    /// errors unchanged.
    func adding(context: String) -> SimulationError {
        guard case let .invalidQASM(line, column, message, hint) = self else { return self }
        return .invalidQASM(line: line, column: column, message: message + context, hint: hint)
    }

    /// The snapshot field at fault (`conf.basis_gates[2]`, `props.qubits[3]`), for snapshot errors.
    public var snapshotPath: String? {
        switch self {
        case let .invalidSnapshot(path, _), let .unknownGate(path, _): path
        default: nil
        }
    }

    /// The located, actionable description: `positionFreeDiagnostic`, its message prefixed with
    /// "line L, column C: " for a circuit error at a known statement (line > 0).
    public var diagnostic: Diagnostic {
        var diagnostic = positionFreeDiagnostic
        if let (line, column) = circuitPosition, line > 0 { diagnostic.message = "line \(line), column \(column): " + diagnostic.message }
        return diagnostic
    }

    /// What is wrong and how to fix it, without the circuit position, for callers that turn
    /// `circuitPosition` into a location of their own (a position in the document).
    public var positionFreeDiagnostic: Diagnostic {
        let compile =
            "Quire compiles for a device whose native gates include a one-qubit family ({rz, sx}, {rz, rx}, {gpi, gpi2} or u3) and an entangler (cx, ecr, cz or ms); for another, write the circuit in its native gates on the couplings it lists"
        switch self {
        case let .invalidQASM(_, _, message, hint):
            return Diagnostic(location: nil, message: message, hint: hint)
        case let .invalidOperation(_, _, message):
            return Diagnostic(location: nil, message: message, hint: "check the qubit and bit indices against the declared registers")
        case let .tooManyClassicalBits(count):
            return Diagnostic(
                location: nil, message: "the circuit declares \(count) classical bits; the simulator tracks at most 64",
                hint: "measure into fewer classical bits")
        case let .tooManyQubits(method, qubits, cap):
            return Diagnostic(
                location: nil, message: "\(qubits) qubits exceed the \(method.rawValue) method's cap of \(cap) qubits",
                hint: method == .densityMatrix ? "use the trajectories method for large noisy circuits" : "reduce the number of qubits")
        case let .memoryLimit(method, qubits, bytes, limit):
            return Diagnostic(
                location: nil,
                message:
                    "the \(method.rawValue) method needs \(bytes) bytes for \(qubits) qubits (state, result and circuit), above the memory limit of \(limit) bytes",
                hint: "raise the memory limit, reduce the number of qubits, or use the trajectories method")
        case let .tooManyBranches(method, branches, bytes, limit):
            return Diagnostic(
                location: nil,
                message:
                    "mid-circuit measurements and resets need \(branches) branches (\(bytes) bytes) in the \(method.rawValue) method, above the memory limit of \(limit) bytes",
                hint: "use the trajectories method, which samples outcomes instead of keeping every branch")
        case .noiseNeedsMixedStates:
            return Diagnostic(
                location: nil, message: "the statevector method cannot simulate gate noise (depolarizing or thermal relaxation)",
                hint: "use method density-matrix (up to 14 qubits), trajectories, or auto")
        case let .invalidOption(name, message):
            return Diagnostic(location: nil, message: "option \(name): \(message)")
        case let .invalidParameterizedCircuit(message):
            return Diagnostic(location: nil, message: "parameterized circuit: \(message)")
        case let .resultOutOfRange(method, what, value):
            return Diagnostic(
                location: nil,
                message: "the \(method.rawValue) method computed \(what) = \(value), outside its range by more than rounding",
                hint: "this is a defect in Quire's simulator, not in your input; please report it with the circuit")
        case let .invalidPauliString(label, message):
            return Diagnostic(
                location: nil, message: "Pauli string \"\(label)\": \(message)",
                hint: "write one of I, X, Y, Z per qubit, qubit 0 rightmost")
        case let .depolarizingOutOfRange(path, value, maximum, convention):
            return Diagnostic(
                location: nil, message: "'\(path)' is \(value), outside 0…\(maximum) for the \(convention.rawValue) convention",
                hint: convention == .lambda
                    ? "Aer's λ is completely positive up to 4ᵏ/(4ᵏ−1) (4/3 for one qubit, 16/15 for two)"
                    : "in the pauli convention the parameter is a total error probability, at most 1")
        case let .probabilityOutOfRange(path, value):
            return Diagnostic(
                location: nil, message: "'\(path)' is \(value), outside 0…1",
                hint: "a readout error is a probability, e.g. 0.02")
        case let .nonPositiveTime(path, value):
            return Diagnostic(
                location: nil, message: "'\(path)' is \(value) µs but must be a positive, finite time",
                hint: "T1 and T2 are times in microseconds, e.g. 100")
        case let .t2AboveTwiceT1(path, t2, t1):
            return Diagnostic(
                location: nil, message: "'\(path)' is \(t2) µs but must be positive and at most 2·T1 = \(2 * t1) µs",
                hint: "T2 > 2·T1 is unphysical; Quire rejects it rather than truncating it as Aer's from_backend does")
        case let .negativeGateTime(path, value):
            return Diagnostic(
                location: nil, message: "'\(path)' is \(value) ns but must be a finite duration ≥ 0",
                hint: "gate times are in nanoseconds, e.g. 35 for one-qubit and 300 for two-qubit gates")
        case let .qubitOutOfRange(path, qubit, qubitCount):
            return Diagnostic(
                location: nil, message: "'\(path)' overrides qubit \(qubit), but the circuit has qubits 0…\(qubitCount - 1)",
                hint: "remove the override or use the index of an existing qubit")
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
        case let .uncoveredNativeGates(native, missingOneQubit, missingEntangler):
            let missing = [
                missingOneQubit ? "no one-qubit gate set (rz and sx, rx and rz, gpi and gpi2, or u3 or u)" : nil,
                missingEntangler ? "no entangling gate (cx, ecr, cz or ms)" : nil,
            ].compactMap { $0 }
            return Diagnostic(
                location: nil,
                message: "the native gates [\(native.map(\.rawValue).joined(separator: ", "))] have \(missing.joined(separator: " and "))",
                hint:
                    "Quire compiles to IBM {rz, sx, x} + cx or ecr, Rigetti-like {rx, rz} + cz, IonQ-like {gpi, gpi2} + ms, or u3 + an entangler; list such gates"
            )
        }
    }
}
