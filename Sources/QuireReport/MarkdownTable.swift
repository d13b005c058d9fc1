/// A GitHub-flavoured Markdown table whose source reads as well as its rendering: every column is
/// padded to its widest cell, and numbers sit right-aligned (`---:`).
///
/// Cells are Markdown inline text; the table escapes only what would break its structure: `|` becomes
/// `\|` and a line break inside a cell becomes a space. Widths count grapheme clusters (what an editor
/// shows as one character: `±`, `ψ`, `é` written with a combining accent all count 1; East Asian wide
/// characters also count 1, so such columns may look narrower in a monospace editor).
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

    /// Escapes `|` and folds line breaks (CRLF, LF, CR) into single spaces.
    static func escape(_ cell: String) -> String {
        var out = ""
        for character in cell {
            switch character {
            case "|": out += "\\|"
            case "\r\n", "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
