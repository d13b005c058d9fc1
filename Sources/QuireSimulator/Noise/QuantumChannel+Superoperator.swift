import Numerics

extension QuantumChannel {
    /// The channel as one matrix on vectorised density matrices, in Qiskit's `SuperOp` convention.
    ///
    /// Vectorisation stacks columns: `vec(ρ)[c·d + r] = ρ[r, c]` for dimension d = 2^`qubits.count`.
    /// Since vec(A ρ B) = (Bᵀ ⊗ A) vec(ρ), the channel Σ K ρ K† is S = Σ conj(K) ⊗ K, with conj(K) on
    /// the high (column) half of the index, which is what `qiskit.quantum_info.SuperOp(Kraus(...))`
    /// returns (`np.kron(np.conj(K), K)`). The result is d² × d², so at most 16 × 16 for a two-qubit channel.
    public var superoperator: ComplexMatrix {
        let dimension = 1 << qubits.count
        let squared = dimension * dimension
        let zero = ComplexMatrix(dimension: squared, elements: Array(repeating: .zero, count: squared * squared))
        return krausOperators.reduce(zero) { $0 + $1.conjugate.kronecker($1) }
    }
}
