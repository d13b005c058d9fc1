/// Text made safe to put into a line of a Markdown comment (`quire diff --markdown`), so that it
/// renders as intended on GitHub: table labels keep their inline Markdown but never start a block,
/// and spec values (from documents under review) are set as code whatever they hold.
enum MarkdownInline {
    /// `text`, Markdown inline text as a region's table prints it (its code spans stay code), made
    /// safe to follow a list marker: line breaks become spaces, leading spaces go (four would start
    /// a code block), and a leading `+`, `-`, `*`, `#`, `>`, `=` or `1.`/`1)` is backslash-escaped
    /// (CommonMark allows one before any ASCII punctuation), so a label such as `+ mitigation (…)`
    /// never starts a nested list, a heading or a quote.
    static func text(_ text: String) -> String {
        let flat = text.map { "\r\n".contains($0) ? " " : String($0) }.joined()
        let body = String(flat.drop { $0 == " " })
        if let first = body.first, "+-*#>=".contains(first) { return "\\" + body }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = body.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + body.dropFirst(digits.count)
        }
        return body
    }

    /// `text` as a code span: delimited by one backtick more than its longest run of backticks, and
    /// padded with a space when it starts or ends with one (CommonMark strips one space each side).
    static func code(_ text: String) -> String {
        let flat = text.map { "\r\n".contains($0) ? " " : String($0) }.joined()
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// A code fence for `lines`: backticks one more than the longest run at the start of any line,
    /// at least three, so no line can close it early.
    static func fence(for lines: [String]) -> String {
        let longest = lines.map { $0.trimmed(of: " ").prefix { $0 == "`" }.count }.max() ?? 0
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
