import QuireCore

/// A code fence or HTML block that is opened and never closed, so it runs to the end of the
/// document and takes in whatever is appended after it (Quire's provenance appendix): where a
/// splice that would change how the document reads is reported.
public struct OpenConstruct: Hashable, Sendable {
    /// Where it opens.
    public var location: SourceLocation
    /// What it is, e.g. "code fence" or "HTML comment (<!--)".
    public var name: String
    /// What closes it, e.g. "-->".
    public var closer: String

    /// The HTML blocks (CommonMark §4.6, kinds 1–5) that end only at a closing text, however many
    /// blank lines come first: their opening (lowercased), name and closing text. Kinds 6 and 7 end
    /// at a blank line, which Quire writes before anything it appends, so they never swallow it.
    private static let htmlKinds: [(opening: String, name: String, closer: String)] = [
        ("<!--", "HTML comment (<!--)", "-->"),
        ("<![cdata[", "CDATA section (<![CDATA[)", "]]>"),
        ("<?", "processing instruction (<?)", "?>"),
        ("<script", "<script> block", "</script>"),
        ("<pre", "<pre> block", "</pre>"),
        ("<style", "<style> block", "</style>"),
        ("<textarea", "<textarea> block", "</textarea>"),
    ]

    /// The kind of an HTML block whose `literal` opens but never closes it; `nil` for a closed
    /// block or one that ends at a blank line.
    static func unclosedHTML(_ literal: String) -> (name: String, closer: String)? {
        let text = literal.drop { $0 == " " }.lowercased()
        if let kind = htmlKinds.first(where: { text.hasPrefix($0.opening) }) {
            // `<pre` must be followed by a space, `>` or the line's end to open kind 1 (`<prefix>` is kind 7).
            if kind.opening.count > 2, kind.opening.hasPrefix("<"), kind.opening.dropFirst().allSatisfy(\.isLetter) {
                let next = text.dropFirst(kind.opening.count).first
                guard next == nil || next == " " || next == ">" || next == "\t" || next == "\n" || next == "\r" else { return nil }
            }
            return text.contains(kind.closer) ? nil : (kind.name, kind.closer)
        }
        // Kind 4: `<!` and a letter, a declaration such as <!DOCTYPE, closed by `>`.
        if text.hasPrefix("<!"), text.dropFirst(2).first?.isLetter == true {
            return text.dropFirst(2).contains(">") ? nil : ("declaration (<!)", ">")
        }
        return nil
    }
}
