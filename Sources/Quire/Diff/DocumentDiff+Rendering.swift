extension DocumentDiff {
    /// The diff for a terminal; `color` adds ANSI colours (only when writing to a TTY).
    public func text(color: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines = ["\(old) → \(new)"]
        lines += document.map { "  " + $0 }
        for block in blocks {
            let mark: String
            switch block.change {
            case .added: mark = paint("added", "32")
            case .removed: mark = paint("removed", "31")
            case .changed: mark = paint("changed", "33")
            case .unchanged: mark = "unchanged"
            }
            lines.append("  \(block.id) (\(block.kind)): \(mark)")
            if !block.inputs.isEmpty {
                lines.append("    inputs:")
                lines += block.inputs.map { "      " + $0 }
            }
            if !block.metrics.isEmpty {
                lines.append("    numbers:")
                lines += block.metrics.map { "      " + $0 }
            }
            if block.figuresChanged { lines.append("    figures changed") }
            if !block.region.isEmpty {
                lines.append("    region:")
                lines += block.region.map { line in
                    "      " + (line.hasPrefix("+") ? paint(line, "32") : line.hasPrefix("-") ? paint(line, "31") : line)
                }
            }
        }
        if !hasChanges { lines.append("  no differences") }
        return lines.joined(separator: "\n")
    }

    /// The diff as Markdown to paste into a pull-request comment. Names and values from the
    /// documents are escaped or set as code (`MarkdownInline`), so every line renders as written:
    /// one flat list per section, a well-formed table, the region diff in a fence nothing closes.
    public func markdown() -> String {
        var out = "### \(MarkdownInline.code(old)) → \(MarkdownInline.code(new))\n\n"
        out += Self.list(document.map(MarkdownInline.code))
        out += "| block | kind | change |\n| --- | --- | --- |\n"
        for block in blocks {
            out += "| \(MarkdownInline.code(block.id)) | \(MarkdownInline.text(block.kind)) | \(block.change.rawValue) |\n"
        }
        for block in blocks where block.change == .changed {
            out += "\n#### \(MarkdownInline.code(block.id))\n\n"
            if !block.inputs.isEmpty { out += "Inputs:\n\n" + Self.list(block.inputs.map(MarkdownInline.code)) }
            if !block.metrics.isEmpty { out += "Numbers:\n\n" + Self.list(block.metrics.map(MarkdownInline.text)) }
            if block.figuresChanged { out += "Figures changed.\n\n" }
            if !block.region.isEmpty {
                let fence = MarkdownInline.fence(for: block.region)
                let body = block.region.joined(separator: "\n")
                out += "<details><summary>Region diff</summary>\n\n" + fence + "diff\n" + body + "\n" + fence + "\n\n</details>\n"
            }
        }
        return out
    }

    /// `items` as a bullet list followed by a blank line; nothing for no items.
    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "" : items.map { "- " + $0 }.joined(separator: "\n") + "\n\n"
    }
}
