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

    /// The diff as Markdown to paste into a pull-request comment.
    public func markdown() -> String {
        var text = "### `\(old)` → `\(new)`\n\n"
        if !document.isEmpty { text += document.map { "- \($0)" }.joined(separator: "\n") + "\n\n" }
        text += "| block | kind | change |\n| --- | --- | --- |\n"
        for block in blocks { text += "| `\(block.id)` | \(block.kind) | \(block.change.rawValue) |\n" }
        for block in blocks where block.change == .changed {
            text += "\n#### `\(block.id)`\n\n"
            if !block.inputs.isEmpty { text += "Inputs:\n\n" + block.inputs.map { "- `\($0)`" }.joined(separator: "\n") + "\n\n" }
            if !block.metrics.isEmpty { text += "Numbers:\n\n" + block.metrics.map { "- \($0)" }.joined(separator: "\n") + "\n\n" }
            if block.figuresChanged { text += "Figures changed.\n\n" }
            if !block.region.isEmpty {
                text += "<details><summary>Region diff</summary>\n\n```diff\n" + block.region.joined(separator: "\n") + "\n```\n\n</details>\n"
            }
        }
        return text
    }
}
