/// Bounds on what a QASM program may ask for, checked while reading so that a hostile or mistaken
/// program fails with an error instead of exhausting memory or time.
public struct QASMLimits: Hashable, Sendable {
    /// Largest total number of qubits over all `qreg` declarations.
    public var maxQubits: Int
    /// Largest number of operations in the circuit, counted after broadcasting and after
    /// expanding user gates (a barrier counts as one operation).
    public var maxOperations: Int

    /// Creates limits; the defaults suit a laptop-sized statevector simulation.
    public init(maxQubits: Int = 64, maxOperations: Int = 10_000_000) {
        self.maxQubits = maxQubits
        self.maxOperations = maxOperations
    }
}
