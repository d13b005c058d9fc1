/// A gate on particular qubits (in the gate's order): the key device noise is attached by, as Aer's
/// `NoiseModel.add_quantum_error(error, name, qubits)` attaches it.
public struct GateSite: Hashable, Sendable {
    /// The gate.
    public var gate: StandardGate
    /// Its qubits, in the gate's order (a `cx`'s control first).
    public var qubits: [Int]

    /// Creates a site.
    public init(gate: StandardGate, qubits: [Int]) {
        self.gate = gate
        self.qubits = qubits
    }
}
