import Numerics

extension QuantumChannel {
    /// Qiskit Aer's `depolarizing_error(λ, k)` on the k = `qubits.count` given qubits.
    ///
    /// ρ → (1−λ)ρ + λ·I/2ᵏ (on the k qubits: (1−λ)ρ + λ·Tr_Q(ρ)⊗I/2ᵏ). Written as a Pauli mixture, which
    /// is the same map because Σ_P PρP† = 2ᵏ·Tr(ρ)·I over all 4ᵏ k-qubit Paulis: Kraus operators
    /// √(1 − λ + λ/4ᵏ)·I and √(λ/4ᵏ)·P for each of the 4ᵏ − 1 non-identity Paulis P. The identity comes
    /// first; the Paulis follow with local qubit 0 as the fastest-varying factor (I, X, Y, Z for
    /// one qubit; II, IX, IY, IZ, XI, … in Qiskit's labels, qubit 0 rightmost, for two). Operators of
    /// weight exactly 0 are left out (λ = 0 gives only I; λ = 4ᵏ/(4ᵏ−1) leaves out I).
    ///
    /// - Parameter lambda: the depolarizing parameter, 0 ≤ λ ≤ 4ᵏ/(4ᵏ−1) (completely positive up to there).
    public static func depolarizing(lambda: Double, on qubits: [Int]) -> QuantumChannel {
        let paulis = pauliBasis(qubitCount: qubits.count)
        let count = Double(paulis.count)
        precondition(
            lambda >= 0 && lambda <= count / (count - 1) * (1 + 1e-12),
            "depolarizing λ must lie in 0…4ᵏ/(4ᵏ−1)")
        let errorWeight = lambda / count
        let identityWeight = max(0, 1 - lambda * (count - 1) / count)
        var kraus: [ComplexMatrix] = []
        for (index, pauli) in paulis.enumerated() {
            let weight = index == 0 ? identityWeight : errorWeight
            if weight > 0 { kraus.append(Complex(weight.squareRoot()) * pauli) }
        }
        return QuantumChannel(qubits: qubits, krausOperators: kraus)
    }

    /// The 4ᵏ Pauli products on k qubits, identity first, local qubit 0 as the fastest-varying factor.
    ///
    /// One and two qubits (the only arities that take depolarizing noise) are built once and shared.
    private static func pauliBasis(qubitCount: Int) -> [ComplexMatrix] {
        switch qubitCount {
        case 1: onePauliBasis
        case 2: twoPauliBasis
        default: buildPauliBasis(qubitCount: qubitCount)
        }
    }

    private static let onePauliBasis = buildPauliBasis(qubitCount: 1)
    private static let twoPauliBasis = buildPauliBasis(qubitCount: 2)

    private static func buildPauliBasis(qubitCount: Int) -> [ComplexMatrix] {
        let i = Complex<Double>.i
        let single = [
            ComplexMatrix.identity(2),
            ComplexMatrix(rows: [[.zero, .one], [.one, .zero]]),
            ComplexMatrix(rows: [[.zero, -i], [i, .zero]]),
            ComplexMatrix(rows: [[.one, .zero], [.zero, -.one]]),
        ]
        // Each new qubit is more significant, so it multiplies from the left (`high.kronecker(low)`),
        // and the existing products vary fastest.
        var basis = [ComplexMatrix.identity(1)]
        for _ in 0..<qubitCount {
            basis = single.flatMap { high in basis.map { high.kronecker($0) } }
        }
        return basis
    }
}
