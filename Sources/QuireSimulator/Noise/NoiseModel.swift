import Numerics

// Local stand-in for the sim-noise branch's NoiseModel and QuantumChannel (same signatures), so the
// engines build and test before that branch is merged; it is replaced by theirs on merge. It knows
// only global depolarizing noise in the lambda convention, and readout error.

/// A completely positive map given by Kraus operators on `qubits` (local bit j = `qubits[j]`).
public struct QuantumChannel: Hashable, Sendable {
    /// The qubits acted on.
    public var qubits: [Int]
    /// Kraus operators {K}: ρ → Σ K ρ K†.
    public var krausOperators: [ComplexMatrix]

    /// Creates a channel.
    public init(qubits: [Int], krausOperators: [ComplexMatrix]) {
        self.qubits = qubits
        self.krausOperators = krausOperators
    }
}

/// A noise profile turned into the channels engines apply (DESIGN §4.3).
public struct NoiseModel: Hashable, Sendable {
    /// The profile the channels come from.
    public let profile: NoiseProfile

    /// Creates the model of `profile`.
    public init(profile: NoiseProfile) { self.profile = profile }

    /// Whether no gate is followed by any channel (readout error may remain).
    public var isIdeal: Bool {
        profile.depolarizing.map { $0.oneQubit == 0 && $0.twoQubit == 0 } ?? true
    }

    /// Channels to apply after `gate` on `qubits`, in order; empty when none.
    public func channels(after gate: StandardGate, on qubits: [Int]) -> [QuantumChannel] {
        guard let depolarizing = profile.depolarizing, qubits.count <= 2 else { return [] }
        let lambda = qubits.count == 1 ? depolarizing.oneQubit : depolarizing.twoQubit
        guard lambda > 0 else { return [] }
        // ρ → (1−λ)ρ + λ I/2ᵏ = (1 − λ + λ/4ᵏ) ρ + λ/4ᵏ Σ_{P ≠ I} P ρ P.
        let paulis = [ComplexMatrix.identity(2), ComplexMatrix(rows: [[.zero, .one], [.one, .zero]]),
                      ComplexMatrix(rows: [[.zero, Complex(0, -1)], [Complex(0, 1), .zero]]),
                      ComplexMatrix(rows: [[.one, .zero], [.zero, -.one]])]
        var products = paulis
        if qubits.count == 2 { products = paulis.flatMap { high in paulis.map { high.kronecker($0) } } }
        let share = lambda / Double(products.count)
        let kraus = products.enumerated().map { index, pauli in
            Complex((index == 0 ? 1 - lambda + share : share).squareRoot()) * pauli
        }
        return [QuantumChannel(qubits: qubits, krausOperators: kraus)]
    }

    /// Readout error of `qubit`, if any.
    public func readout(qubit: Int) -> NoiseProfile.Readout? {
        profile.qubits[qubit]?.readout ?? profile.readout
    }
}
