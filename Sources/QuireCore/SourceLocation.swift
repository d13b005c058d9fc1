/// A position in a file a user wrote: 1-based line and column, columns counted in UTF-8 bytes
/// as cmark-gfm counts them, so that editors and terminals can jump to it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (relative paths stay relative; never made absolute).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in UTF-8 bytes.
    public var column: Int

    /// Creates a location; `line` and `column` are 1-based.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers print and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}
