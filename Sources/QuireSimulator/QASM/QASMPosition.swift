/// A 1-based line and UTF-8 byte column in the QASM source.
struct QASMPosition: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line.
    var line: Int
    /// 1-based column in UTF-8 bytes.
    var column: Int

    /// `line:column`, as errors quote other places in the source.
    var description: String { "\(line):\(column)" }
}
