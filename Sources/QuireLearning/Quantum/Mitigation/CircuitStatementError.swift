import QuireCore
import QuireSimulator

/// A circuit statement that an operation on circuits cannot take (a mid-circuit measurement before
/// observables, a gate folding cannot invert), with the statement's line and column in its QASM
/// source, so that the caller can locate it in the document.
public struct CircuitStatementError: InputError, Hashable {
    /// 1-based line of the statement in the QASM source (0 for a circuit built in code).
    public var line: Int
    /// 1-based column of the statement.
    public var column: Int
    /// What is wrong with the statement.
    public var message: String
    /// What to do about it.
    public var hint: String

    /// Creates the error for `operation`.
    public init(_ operation: Operation, _ message: String, hint: String) {
        line = operation.line
        column = operation.column
        self.message = message
        self.hint = hint
    }

    /// The diagnostic; the location is left to the caller that knows the document.
    public var diagnostic: Diagnostic { Diagnostic(location: nil, message: message + " (line \(line))", hint: hint) }
}
