/// A document rendered to HTML for `quire render`: the body with heading ids and numbered
/// figures, the table of contents, and the provenance appendix apart so a template can fold it.
public struct ArticleHTML: Sendable {
    /// One heading of the body, for the table of contents.
    public struct Heading: Sendable, Hashable {
        /// 1 to 6.
        public var level: Int
        /// The heading's plain text.
        public var text: String
        /// The `id` attribute given to it (GitHub's slug rules, de-duplicated with -1, -2, …).
        public var id: String
    }

    /// The body (everything but front matter and appendix) as HTML.
    public var body: String
    /// The body's headings in order.
    public var headings: [Heading]
    /// Number of figures (images standing alone in a paragraph), numbered in order.
    public var figureCount: Int
    /// The provenance appendix as HTML, when the document has one.
    public var provenance: String?

    /// Renders `document`.
    ///
    /// - Parameters:
    ///   - allowRawHTML: pass the document's raw HTML through; otherwise cmark-gfm omits it, since a
    ///     notebook under review is untrusted input.
    ///   - image: maps an image `src` (as written) to the URL to embed, e.g. a `data:` URI of a
    ///     figure file inside the project; `nil` leaves the `src` as written.
    public init(document: QuireDocument, allowRawHTML: Bool, image: (String) -> String?) {
        // Front matter, BOM, region markers and appendix become blank lines, so the rest parses exactly as in the file.
        var bytes = document.source.bytes
        func blank(_ range: Range<Int>) {
            for index in range where bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
        }
        blank(0..<document.source.bomLength)
        if let frontMatter = document.frontMatter { blank(0..<document.source.lineRange(frontMatter.closingLine).upperBound) }
        let appendix = document.provenance.map { Array(bytes[$0.contentRange]) }
        if let region = document.provenance { blank(region.range) }
        for region in document.regions {
            blank(region.range.lowerBound..<region.contentRange.lowerBound)
            blank(region.contentRange.upperBound..<region.range.upperBound)
        }
        let rendered = CmarkTree.html(bytes, allowRawHTML: allowRawHTML)
        var slugs = SlugSet()
        headings = rendered.headings.map { Heading(level: $0.level, text: $0.text, id: slugs.add($0.text)) }
        var html = HTMLRewriter.addingHeadingIDs(rendered.html, ids: headings.map(\.id))
        (html, figureCount) = HTMLRewriter.numberingFigures(html, image: image)
        body = html
        provenance = appendix.map { HTMLRewriter.addingHeadingIDs(CmarkTree.html($0, allowRawHTML: false).html, ids: []) }
    }
}

extension ArticleHTML {
    /// Drops the body's opening level-1 heading when its text is `title`, which the template already
    /// shows above the body: a paper that starts with `# Its title` shows its title once.
    public mutating func removeLeadingTitle(_ title: String) {
        guard let first = headings.first, first.level == 1, first.text == title else { return }
        let start = body.drop { $0.isWhitespace }
        guard start.hasPrefix("<h1"), let end = start.range(of: "</h1>") else { return }
        body = String(start[end.upperBound...].drop { $0.isNewline })
        headings.removeFirst()
    }

    /// A short Markdown text (an abstract) as HTML, raw HTML omitted.
    public static func fragment(_ markdown: String) -> String {
        CmarkTree.html(Array(markdown.utf8), allowRawHTML: false).html
    }
}

/// GitHub's heading anchors: lower-case, punctuation dropped, spaces to hyphens, repeats numbered.
struct SlugSet {
    private var used: [String: Int] = [:]

    /// A unique slug for `text`.
    mutating func add(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count)"
    }
}
