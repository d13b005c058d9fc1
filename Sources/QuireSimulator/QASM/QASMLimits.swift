/// Bounds on what a QASM program may ask for, checked while reading so that a hostile or mistaken
/// program fails with an error instead of exhausting memory or time.
public struct QASMLimits: Hashable, Sendable {
    /// Largest total number of qubits over all `qreg` declarations.
    public var maxQubits: Int
    /// Largest number of operations in the circuit, counted after broadcasting and after
    /// expanding user gates (a barrier counts as one operation).
    public var maxOperations: Int
    /// Most bytes the expanded circuit may occupy, estimated as `Circuit.bytesPerOperation` per
    /// operation: a few hundred bytes of nested gate definitions can expand to millions of operations,
    /// so the memory limit a run was given (`--max-memory-gib`) must bound the reading too.
    public var maxMemoryBytes: Int

    /// Creates limits; the defaults suit a laptop-sized statevector simulation.
    public init(maxQubits: Int = 64, maxOperations: Int = 10_000_000, maxMemoryBytes: Int = 8 << 30) {
        self.maxQubits = maxQubits
        self.maxOperations = maxOperations
        self.maxMemoryBytes = maxMemoryBytes
    }

    /// The operations that fit both `maxOperations` and `maxMemoryBytes`.
    var operationBudget: Int { min(maxOperations, max(0, maxMemoryBytes) / Circuit.bytesPerOperation) }

    /// `bytes` in GiB rounded to two decimals, for messages.
    static func gibibytes(_ bytes: Int) -> Double { (Double(bytes) / Double(1 << 30) * 100).rounded() / 100 }
}
