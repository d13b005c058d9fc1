import Numerics

/// A completely positive, trace-preserving map on a few qubits, as Kraus operators: ρ → Σ K ρ K†.
///
/// Engines apply it to the listed global qubits; the density-matrix engine applies every operator and
/// sums, the trajectories engine picks one operator per trajectory with probability ‖K ψ‖².
/// Index convention (as `ComplexMatrix`): local basis index bit j of each operator is global qubit
/// `qubits[j]` (Qiskit's little-endian order).
public struct QuantumChannel: Hashable, Sendable {
    /// The global qubits the channel acts on; `qubits[j]` is local index bit j.
    public var qubits: [Int]
    /// The Kraus operators, each of dimension 2^`qubits.count`, with Σ K†K = I (to 1e-12).
    public var krausOperators: [ComplexMatrix]

    /// Creates a channel from its Kraus operators.
    ///
    /// The dimensions are checked always; completeness (Σ K†K = I to 1e-12) only in debug builds
    /// (`assert`), because channels are built once per gate and the check costs as much as building.
    public init(qubits: [Int], krausOperators: [ComplexMatrix]) {
        precondition(!krausOperators.isEmpty, "a quantum channel needs at least one Kraus operator")
        precondition(
            krausOperators.allSatisfy { $0.dimension == 1 << qubits.count },
            "Kraus operators must have dimension 2^qubits.count")
        precondition(Set(qubits).count == qubits.count, "a channel's qubits must be distinct")
        self.qubits = qubits
        self.krausOperators = krausOperators
        assert(completenessError <= 1e-12, "Kraus operators are not trace preserving (Σ K†K ≠ I)")
    }

    /// Largest entrywise distance between Σ K†K and the identity: 0 for an exactly trace-preserving channel.
    public var completenessError: Double {
        let dimension = 1 << qubits.count
        let zero = ComplexMatrix(dimension: dimension, elements: Array(repeating: .zero, count: dimension * dimension))
        let sum = krausOperators.reduce(zero) { $0 + $1.adjoint * $1 }
        return sum.maxDistance(to: .identity(dimension))
    }
}
