/// What went wrong, where, and what to do about it: the one shape every user-facing error takes.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Where in the user's document the problem is, when it is known.
    public var location: SourceLocation?
    /// What was found and what was expected, as one sentence.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(location: SourceLocation?, message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// How serious a printed diagnostic is.
    public enum Severity: String, Sendable {
        /// The input was refused.
        case error
        /// The run went on, but the user should know.
        case warning
    }

    /// `file:line:col: error: message` followed by an indented hint line, as compilers print.
    public var description: String { rendered(.error) }

    /// `file:line:col: SEVERITY: message`, then an indented hint line, as compilers print, with every
    /// control character written out (`TerminalText`): the message quotes the user's text, and a line
    /// break or escape sequence in it must not forge or hide lines of the terminal.
    public func rendered(_ severity: Severity) -> String {
        let safe = { TerminalText.escaped($0) }
        var text = location.map { safe("\($0): ") } ?? ""
        text += "\(severity.rawValue): \(safe(message))"
        if let hint { text += "\n  hint: \(safe(hint))" }
        return text
    }
}

/// An error caused by the user's input (document, circuit, profile, command line): exit code 2.
///
/// Each module has its own error enum with one case per failure; they all conform to this so the
/// command line can print them uniformly and map them to the right exit code.
public protocol InputError: Error, CustomStringConvertible {
    /// The located, actionable description of the failure.
    var diagnostic: Diagnostic { get }
}

extension InputError {
    /// The diagnostic in compiler form.
    public var description: String { diagnostic.description }
}

/// An input error that is only a located message, for failures that need no case of their own.
public struct LocatedError: InputError, Hashable {
    /// The diagnostic.
    public var diagnostic: Diagnostic

    /// Creates an error from its parts.
    public init(_ location: SourceLocation?, _ message: String, hint: String? = nil) {
        diagnostic = Diagnostic(location: location, message: message, hint: hint)
    }
}
