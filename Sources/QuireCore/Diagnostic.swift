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

    /// `file:line:col: error: message` followed by an indented hint line, as compilers print.
    public var description: String {
        var text = location.map { "\($0): error: " } ?? "error: "
        text += message
        if let hint { text += "\n  hint: \(hint)" }
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
