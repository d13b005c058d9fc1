/// A user `gate` definition, kept as a body to expand at each call site.
struct QASMGateDefinition: Sendable {
    /// One statement of the body: a gate call or a barrier on the gate's formal qubits.
    struct Instruction: Sendable {
        /// What the statement applies.
        enum Target: Sendable {
            case standard(StandardGate)
            /// An earlier user gate, by index into the reader's definitions.
            case user(Int)
            case barrier
        }

        var target: Target
        /// Parameter expressions over the enclosing gate's parameters.
        var parameters: [QASMExpression]
        /// Indices of the enclosing gate's formal qubits.
        var qubits: [Int]
    }

    var name: String
    var parameterNames: [String]
    var qubitNames: [String]
    var body: [Instruction]
    /// Number of operations one call expands into (saturating at `Int.max`), known before
    /// expanding so that limits are checked first; calls of gates that expand to nothing are
    /// left out of the body.
    var expandedCount: Int
}
