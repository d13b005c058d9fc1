@testable import Quire

/// The numbers in the GFM tables of a generated region, keyed by (table, row label, column title),
/// so a test can check a printed number against independent truth (the record, a confusion matrix).
struct RegionTables {
    /// One numeric cell.
    struct Cell: Hashable {
        /// "row label / column title", with the table's index when a region has several tables.
        var name: String
        /// The number as printed.
        var text: String
        /// Its value (the centre of `mean ± half-width`).
        var value: Double
        /// The half-width of the 95% interval the repeats measured, for `mean ± half-width` cells.
        var halfWidth: Double?
    }

    /// Numeric cells in reading order.
    var cells: [Cell]

    /// Reads the tables of region text written by `MarkdownTable` (pipe rows, a delimiter row second).
    init(_ text: String) {
        cells = []
        var tableIndex = -1
        var header: [String]?
        var previousWasRow = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmed(of: " \r>")
            guard trimmed.hasPrefix("|") else {
                previousWasRow = false
                header = nil
                continue
            }
            let cellsOfRow = Self.cells(of: trimmed)
            if !previousWasRow {
                tableIndex += 1
                header = cellsOfRow
            } else if cellsOfRow.allSatisfy({ $0.allSatisfy { "-:".contains($0) } && !$0.isEmpty }) {
                // the delimiter row
            } else if let header {
                let values = cellsOfRow.map(Self.number)
                // A row is named by its text cells (e.g. "all qubits · readout · prob_meas1_prep0")
                // and by its key cells: those under a `quoted` header, a sweep's field paths, which
                // read as "path=value" (e.g. "train.epochs=4") and are not measurements.
                let keys = header.map { $0.count > 2 && $0.hasPrefix("`") && $0.hasSuffix("`") }
                let label = cellsOfRow.indices.compactMap { column -> String? in
                    if column < keys.count, keys[column] { return "\(header[column].dropFirst().dropLast())=\(cellsOfRow[column])" }
                    return values[column] == nil ? cellsOfRow[column] : nil
                }.joined(separator: " · ")
                let table = tableIndex > 0 ? "table \(tableIndex + 1): " : ""
                for (column, (cell, value)) in zip(cellsOfRow, values).enumerated() where column < header.count && !keys[column] {
                    guard let value else { continue }
                    self.cells.append(Cell(name: "\(table)\(label) / \(header[column])", text: cell, value: value, halfWidth: Self.halfWidth(cell)))
                }
            }
            previousWasRow = true
        }
    }

    /// The number a cell shows: plain (`1,024`, `−0.5`), or the centre of `mean ± half-width` or of
    /// `mean [lower, upper]` (an interval cut at 0 or 1).
    static func number(_ cell: String) -> Double? {
        let centre = cell.components(separatedBy: " ± ").first?.components(separatedBy: " [").first ?? cell
        return plain(centre)
    }

    /// The half-width of a `mean ± half-width` cell, or the longer side of a `mean [lower, upper]` one.
    static func halfWidth(_ cell: String) -> Double? {
        let parts = cell.components(separatedBy: " ± ")
        if parts.count == 2 { return plain(parts[1]) }
        let bracket = cell.components(separatedBy: " [")
        guard bracket.count == 2, bracket[1].hasSuffix("]"), let centre = plain(bracket[0]) else { return nil }
        let ends = bracket[1].dropLast().components(separatedBy: ", ").compactMap(plain)
        guard ends.count == 2 else { return nil }
        return max(centre - ends[0], ends[1] - centre)
    }

    /// A plain number, with `,` grouping and `−` signs allowed.
    private static func plain(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "−", with: "-"))
    }

    /// The cells of a row, split at every `|` no backslash escapes, with `MarkdownTable.escape`'s
    /// backslashes taken out, so a class name such as `a|b` or `<x>` reads as the table shows it.
    static func cells(of row: String) -> [String] {
        var parts: [String] = []
        var cell = ""
        var escaping = false
        for character in row {
            if character == "|" && !escaping {
                parts.append(unescaped(cell.trimmed(of: " ")))
                cell = ""
            } else {
                cell.append(character)
            }
            escaping = !escaping && character == "\\"
        }
        parts.append(unescaped(cell.trimmed(of: " ")))
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// `cell` without the backslash before ASCII punctuation outside code spans, and before `|`
    /// inside them (GFM reads a table's `\|` before code spans).
    private static func unescaped(_ cell: String) -> String {
        var out = ""
        var fence = 0
        var characters = cell.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if character == "`" {
                var run = 1
                while pending == "`" {
                    run += 1
                    pending = characters.next()
                }
                fence = fence == 0 ? run : (fence == run ? 0 : fence)
                out += String(repeating: "`", count: run)
            } else if character == "\\", let next = pending, next.isASCII, next.isPunctuation || next.isSymbol,
                fence == 0 || next == "|"
            {
                out.append(next)
                pending = characters.next()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
