import QuireCore

/// A GitHub-flavoured Markdown table whose source reads as well as its rendering: every column is
/// padded to its widest cell, and numbers sit right-aligned (`---:`).
///
/// Cells are plain text with optional code spans (`` `00` ``), and the table escapes the rest
/// (`escape(_:)`): user text such as a dataset's class names is shown as written and can never break
/// the table or become markup; a line break inside a cell becomes a space. Widths count grapheme
/// clusters (what an editor shows as one character: `±`, `ψ`, `é` written with a combining accent
/// all count 1; East Asian wide characters also count 1, so such columns may look narrower in a
/// monospace editor).
///
///     MarkdownTable(columns: [.init("outcome"), .init("probability", alignment: .right)],
///                   rows: [["00", "0.5000"], ["11", "0.5000"]]).render(lineEnding: "\n")
public struct MarkdownTable: Hashable, Sendable {
    /// How a column's cells line up, written into the delimiter row.
    public enum Alignment: Hashable, Sendable {
        /// Text: `---` (GitHub's default, left).
        case left
        /// Numbers: `---:`.
        case right
        /// `:---:`.
        case center
    }

    /// A column's header text and alignment.
    public struct Column: Hashable, Sendable {
        /// The header cell (Markdown inline text).
        public var title: String
        /// How the column's cells line up.
        public var alignment: Alignment

        /// A column titled `title`, left-aligned unless told otherwise.
        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns, in order.
    public var columns: [Column]
    /// The body rows; each has exactly one cell per column.
    public var rows: [[String]]

    /// A table; every row must have `columns.count` cells.
    public init(columns: [Column], rows: [[String]]) {
        precondition(!columns.isEmpty, "a Markdown table needs at least one column")
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one cell per column")
        self.columns = columns
        self.rows = rows
    }

    /// The table's Markdown source, every line (the last one too) ended by `lineEnding`, which is
    /// the document's own: `"\n"` or `"\r\n"`.
    public func render(lineEnding: String) -> String {
        precondition(lineEnding == "\n" || lineEnding == "\r\n", "line ending must be LF or CRLF")
        let header = columns.map { Self.escape($0.title) }
        let body = rows.map { $0.map(Self.escape) }
        // At least 3 so that the delimiter row (`---`, `:---:`) is valid.
        let widths = columns.indices.map { column in
            ([header] + body).reduce(3) { max($0, $1[column].count) }
        }
        var lines = [line(header, widths: widths)]
        lines.append(
            "| "
                + zip(columns, widths).map { Self.delimiter($0.alignment, width: $1) }
                .joined(separator: " | ") + " |")
        lines += body.map { line($0, widths: widths) }
        return lines.map { $0 + lineEnding }.joined()
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        let padded = cells.indices.map { index in
            Self.pad(cells[index], width: widths[index], alignment: columns[index].alignment)
        }
        return "| " + padded.joined(separator: " | ") + " |"
    }

    private static func pad(_ text: String, width: Int, alignment: Alignment) -> String {
        let space = width - text.count
        switch alignment {
        case .left: return text + String(repeating: " ", count: space)
        case .right: return String(repeating: " ", count: space) + text
        case .center:
            return String(repeating: " ", count: space / 2) + text + String(repeating: " ", count: space - space / 2)
        }
    }

    private static func delimiter(_ alignment: Alignment, width: Int) -> String {
        switch alignment {
        case .left: return String(repeating: "-", count: width)
        case .right: return String(repeating: "-", count: width - 1) + ":"
        case .center: return ":" + String(repeating: "-", count: width - 2) + ":"
        }
    }

    /// A cell as the table writes it: line breaks (CRLF, LF, CR) folded into single spaces; code
    /// spans (a run of backticks up to the next run of the same length) kept, with `|` as `\|` and
    /// control characters written out; everything else escaped with `MarkdownText.escaped`, so a
    /// class name or sweep value from the user's data shows as written and can never become HTML, a
    /// link or a region marker. An unmatched backtick is literal.
    static func escape(_ cell: String) -> String {
        let text = String(cell.map { $0 == "\r\n" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`") {
            out += MarkdownText.escaped(String(rest[..<open]))
            let fence = rest[open...].prefix { $0 == "`" }
            let after = rest[fence.endIndex...]
            guard let close = closingFence(fence.count, in: after) else {
                out += MarkdownText.escaped(String(fence))
                rest = after
                continue
            }
            let code = after[..<close.lowerBound].map { $0 == "|" ? "\\|" : TerminalText.escaped(String($0)) }.joined()
            out += fence + code + fence
            rest = after[close.upperBound...]
        }
        return out + MarkdownText.escaped(String(rest))
    }

    /// The next run of exactly `length` backticks in `text`, which closes a code span opened by one.
    private static func closingFence(_ length: Int, in text: Substring) -> Range<Substring.Index>? {
        var index = text.startIndex
        while let start = text[index...].firstIndex(of: "`") {
            let run = text[start...].prefix { $0 == "`" }
            if run.count == length { return start..<run.endIndex }
            index = run.endIndex
        }
        return nil
    }
}
