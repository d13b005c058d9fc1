import QuireCore

extension DocumentDiff {
    /// The diff for a terminal; `color` adds ANSI colours (only when writing to a TTY). Everything
    /// taken from the documents has its control characters written out (`TerminalText`), so an
    /// escape sequence in a document cannot act on the terminal or pass for one of the colours.
    public func text(color: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        let safe = { TerminalText.escaped($0) }
        var lines = ["\(safe(old)) → \(safe(new))"]
        lines += document.map { "  " + safe($0) }
        for block in blocks {
            let mark: String
            switch block.change {
            case .added: mark = paint("added", "32")
            case .removed: mark = paint("removed", "31")
            case .changed: mark = paint("changed", "33")
            case .unchanged: mark = "unchanged"
            case .edited: mark = paint("edited by hand", "33")
            }
            lines.append("  \(safe(block.id)) (\(safe(block.kind))): \(mark)")
            if !block.inputs.isEmpty {
                lines.append("    inputs:")
                lines += block.inputs.map { "      " + safe($0) }
            }
            if !block.metrics.isEmpty {
                lines.append("    numbers:")
                lines += block.metrics.map { "      " + safe($0) }
            }
            if block.figuresChanged { lines.append("    figures changed") }
            if block.edited && block.change == .changed { lines.append("    region edited by hand") }
            if !block.unchanged.isEmpty { lines.append("    unchanged: " + block.unchanged.map(safe).joined(separator: "; ")) }
            if !block.region.isEmpty {
                lines.append("    region:")
                lines += block.region.map(safe).map { line in
                    "      " + (line.hasPrefix("+") ? paint(line, "32") : line.hasPrefix("-") ? paint(line, "31") : line)
                }
            }
        }
        if !hasChanges { lines.append("  no differences") }
        return lines.joined(separator: "\n")
    }

    /// The diff as Markdown to paste into a pull-request comment. Names and values from the
    /// documents are escaped or set as code (`MarkdownText`), so every line renders as written:
    /// one flat list per section, a well-formed table, the region diff in a fence nothing closes.
    public func markdown() -> String {
        var out = "### \(MarkdownText.codeSpan(old)) → \(MarkdownText.codeSpan(new))\n\n"
        out += Self.list(document.map(MarkdownText.codeSpan))
        out += "| block | kind | change |\n| --- | --- | --- |\n"
        for block in blocks {
            out += "| \(MarkdownText.codeSpan(block.id)) | \(MarkdownText.escaped(block.kind)) | \(block.change.rawValue) |\n"
        }
        for block in blocks where block.change == .changed || block.change == .edited {
            out += "\n#### \(MarkdownText.codeSpan(block.id))\n\n"
            if !block.inputs.isEmpty { out += "Inputs:\n\n" + Self.list(block.inputs.map(MarkdownText.codeSpan)) }
            if !block.metrics.isEmpty { out += "Numbers:\n\n" + Self.list(block.metrics.map(MarkdownText.listItem)) }
            if block.figuresChanged { out += "Figures changed.\n\n" }
            if block.edited && block.change == .changed { out += "Region edited by hand.\n\n" }
            if !block.unchanged.isEmpty { out += "Unchanged: " + block.unchanged.map(MarkdownText.escaped).joined(separator: "; ") + ".\n\n" }
            if !block.region.isEmpty {
                out += "<details><summary>Region diff</summary>\n\n" + MarkdownText.fencedCode(block.region, info: "diff") + "\n</details>\n"
            }
        }
        return out
    }

    /// `items` as a bullet list followed by a blank line; nothing for no items.
    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "" : items.map { "- " + $0 }.joined(separator: "\n") + "\n\n"
    }
}
