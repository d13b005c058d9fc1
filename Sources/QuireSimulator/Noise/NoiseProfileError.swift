import QuireCore

/// A noise profile value outside its physical range, found by `NoiseProfile.validate(qubitCount:)`.
///
/// Each case names the field by its path in the YAML key names of DESIGN §4.3
/// (`depolarizing.one_qubit`, `qubits.3.thermal_relaxation.t2_us`), since a profile built in code or
/// decoded earlier has no source position; the `Quire` module's decoder reports located errors.
public enum NoiseProfileError: InputError, Hashable {
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
    /// A per-qubit override for a qubit the circuit does not have.
    case qubitOutOfRange(path: String, qubit: Int, qubitCount: Int)

    /// What is wrong with which field, and how to fix it.
    public var diagnostic: Diagnostic {
        switch self {
        case let .depolarizingOutOfRange(path, value, maximum, convention):
            Diagnostic(
                location: nil, message: "'\(path)' is \(value), outside 0…\(maximum) for the \(convention.rawValue) convention",
                hint: convention == .lambda
                    ? "Aer's λ is completely positive up to 4ᵏ/(4ᵏ−1) (4/3 for one qubit, 16/15 for two)"
                    : "in the pauli convention the parameter is a total error probability, at most 1")
        case let .probabilityOutOfRange(path, value):
            Diagnostic(
                location: nil, message: "'\(path)' is \(value), outside 0…1",
                hint: "a readout error is a probability, e.g. 0.02")
        case let .nonPositiveTime(path, value):
            Diagnostic(
                location: nil, message: "'\(path)' is \(value) µs but must be a positive, finite time",
                hint: "T1 and T2 are times in microseconds, e.g. 100")
        case let .t2AboveTwiceT1(path, t2, t1):
            Diagnostic(
                location: nil, message: "'\(path)' is \(t2) µs but must be positive and at most 2·T1 = \(2 * t1) µs",
                hint: "T2 > 2·T1 is unphysical; Quire rejects it rather than truncating it as Aer's from_backend does")
        case let .negativeGateTime(path, value):
            Diagnostic(
                location: nil, message: "'\(path)' is \(value) ns but must be a finite duration ≥ 0",
                hint: "gate times are in nanoseconds, e.g. 35 for one-qubit and 300 for two-qubit gates")
        case let .qubitOutOfRange(path, qubit, qubitCount):
            Diagnostic(
                location: nil, message: "'\(path)' overrides qubit \(qubit), but the circuit has qubits 0…\(qubitCount - 1)",
                hint: "remove the override or use the index of an existing qubit")
        }
    }
}
