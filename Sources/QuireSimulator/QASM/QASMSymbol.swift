/// What a name declared at the top level of a program refers to. Gates and registers share one
/// namespace, as in Qiskit's reader.
enum QASMSymbol: Sendable {
    case gate(QASMGateSymbol)
    /// A `qreg`, by index into the circuit's quantum registers.
    case quantumRegister(Int)
    /// A `creg`, by index into the circuit's classical registers.
    case classicalRegister(Int)

    /// The symbol's kind with an article, for messages ("a quantum register").
    var noun: String {
        switch self {
        case .gate: "a gate"
        case .quantumRegister: "a quantum register"
        case .classicalRegister: "a classical register"
        }
    }
}

/// What a gate name refers to.
enum QASMGateSymbol: Sendable {
    /// A `qelib1.inc` gate, kept unexpanded.
    case standard(StandardGate)
    /// A user definition, by index.
    case user(Int)
}

/// A declared name: its meaning and where it was declared (`nil` for names from `qelib1.inc`).
struct QASMDeclaration: Sendable {
    var symbol: QASMSymbol
    var position: QASMPosition?

    /// " at line:column" or " in qelib1.inc", to finish "already declared".
    var origin: String { position.map { " at \($0)" } ?? " in qelib1.inc" }
}
