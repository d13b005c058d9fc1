/// The physical range of every noise parameter, in one table: profile validation, the YAML decoders
/// of noise profiles and device snapshots, and the device checks all read it, so they accept
/// exactly the same values.
public enum NoiseRanges {
    /// A readout error, or a device's gate error: a probability.
    public static let probability: ClosedRange<Double> = 0...1
    /// T1 and T2 in µs as a document may write them (each must also be positive, and T2 at most `maximumT2`).
    public static let relaxationMicroseconds: ClosedRange<Double> = 0...1e9
    /// A gate duration in ns as a document may write it.
    public static let gateNanoseconds: ClosedRange<Double> = 0...1e12

    /// The largest depolarizing parameter, in `convention`, for which the channel on `qubitCount`
    /// qubits is still completely positive: λ ≤ 4ᵏ/(4ᵏ−1) (4/3, 16/15), or p ≤ 1 in the Pauli
    /// convention, where p is a total error probability.
    public static func maximumDepolarizing(qubitCount: Int, convention: NoiseProfile.Convention) -> Double {
        switch convention {
        case .lambda:
            let paulis = Double(1 << (2 * qubitCount))
            return paulis / (paulis - 1)
        case .pauli: return 1
        }
    }

    /// The largest physical T2 for `t1` (both in µs): 2·T1. Quire rejects a larger T2 rather than
    /// truncating it as Aer's `from_backend` does.
    public static func maximumT2(t1: Double) -> Double { 2 * t1 }
}
