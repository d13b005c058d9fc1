/// A problem in an OpenQASM 2.0 program, located at the token that caused it.
///
/// Lines and columns are 1-based; columns count UTF-8 bytes from the start of the line, as
/// cmark-gfm counts them, so a location inside a Markdown code block can be translated by adding
/// the block's offsets.
public struct QASMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line in the QASM source.
    public var line: Int
    /// 1-based column, counted in UTF-8 bytes.
    public var column: Int
    /// What was found and what was expected.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates an error at `line`:`column`.
    public init(line: Int, column: Int, message: String, hint: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `line:column: error: message`, then an indented hint line, as compilers print.
    public var description: String {
        var text = "\(line):\(column): error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension QASMError {
    /// An error at a source position.
    init(at position: QASMPosition, _ message: String, hint: String? = nil) {
        self.init(line: position.line, column: position.column, message: message, hint: hint)
    }
}
