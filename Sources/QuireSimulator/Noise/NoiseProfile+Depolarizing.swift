extension NoiseProfile.Depolarizing {
    /// The parameter for gates on `qubitCount` qubits as Aer's λ: `oneQubit` for one qubit,
    /// `twoQubit` for two, and 0 for three or more (DESIGN §4.3 names no parameter for them, so
    /// Toffoli-class gates take no depolarizing error; they still take thermal relaxation).
    ///
    /// The `pauli` convention (PennyLane, Cirq) gives each of the 4ᵏ−1 non-identity Paulis probability
    /// p/(4ᵏ−1), which is Aer's channel with λ = 4ᵏ·p/(4ᵏ−1) (λ = 4p/3 for one qubit, 16p/15 for two).
    public func lambda(qubitCount: Int) -> Double {
        let parameter: Double
        switch qubitCount {
        case 1: parameter = oneQubit
        case 2: parameter = twoQubit
        default: return 0
        }
        switch convention {
        case .lambda: return parameter
        case .pauli:
            let paulis = Double(1 << (2 * qubitCount))
            return paulis * parameter / (paulis - 1)
        }
    }

    /// The largest parameter, in this profile's convention, for which the k-qubit channel is still
    /// completely positive: λ ≤ 4ᵏ/(4ᵏ−1) (4/3, 16/15), or p ≤ 1 for the Pauli convention.
    public func maximumParameter(qubitCount: Int) -> Double {
        NoiseRanges.maximumDepolarizing(qubitCount: qubitCount, convention: convention)
    }
}
