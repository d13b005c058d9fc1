import QuireCore

/// Why a simulation was refused: each case names the limit or input at fault and how to proceed.
public enum SimulationError: InputError, Hashable {
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
    /// The noise profile has a value outside its physical range.
    case invalidNoise(NoiseProfileError)
    /// A parameterized circuit template has an unsupported gate, an index outside its counts, or
    /// blocks of different sizes appended.
    case invalidParameterizedCircuit(message: String)
    /// The device snapshot is invalid, or the circuit does not run on the device as written.
    case device(DeviceError)
    /// An engine produced a probability outside [0, 1] or an expectation value outside [−1, 1] by more
    /// than rounding (`Simulator.resultTolerance`): a defect, reported instead of printed as a result.
    case resultOutOfRange(method: SimulationMethod, what: String, value: Double)

    /// The located, actionable description.
    public var diagnostic: Diagnostic {
        switch self {
        case let .invalidOperation(line, column, message):
            let place = line > 0 ? "line \(line), column \(column): " : ""
            return Diagnostic(location: nil, message: place + message, hint: "check the qubit and bit indices against the declared registers")
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
        case let .invalidNoise(error):
            return error.diagnostic
        case let .device(error):
            var diagnostic = error.diagnostic
            if let (line, column) = error.circuitPosition, line > 0 { diagnostic.message = "line \(line), column \(column): " + diagnostic.message }
            return diagnostic
        case let .resultOutOfRange(method, what, value):
            return Diagnostic(
                location: nil,
                message: "the \(method.rawValue) method computed \(what) = \(value), outside its range by more than rounding",
                hint: "this is a defect in Quire's simulator, not in your input; please report it with the circuit")
        case let .invalidPauliString(label, message):
            return Diagnostic(
                location: nil, message: "Pauli string \"\(label)\": \(message)",
                hint: "write one of I, X, Y, Z per qubit, qubit 0 rightmost")
        }
    }
}
