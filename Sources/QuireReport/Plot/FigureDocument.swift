/// The outer shell every figure shares: the `<svg>` root with its namespace, size and `viewBox`, the
/// accessible `<title>` and `<desc>`, an opaque background, and the visible title.
///
/// Only SVG 1.1 attributes are used (no `role` or `aria-*`, which SVG 1.1 does not define): as the
/// first children of the root, `<title>` and `<desc>` are the image's accessible name and description
/// for inline SVG, and on GitHub, where figures are `<img>`, the Markdown alt text is read instead.
struct FigureDocument {
    /// The figure's name, from which every id derives.
    let name: String
    /// The visible title (may be empty) and the accessible name.
    let title: String
    /// The accessible description read by screen readers.
    let description: String
    /// Final width and height in pixels.
    let width: Double
    let height: Double

    /// Ids unique to this figure, so several figures inlined into one HTML page never collide.
    var idPrefix: String { Self.idPrefix(name) }

    /// `name` with every character outside `[A-Za-z0-9_-]` replaced by `-`, prefixed with `fig-`
    /// unless it starts with a letter (an XML id must not start with a digit or `-`).
    static func idPrefix(_ name: String) -> String {
        let cleaned = String(
            name.unicodeScalars.map { scalar -> Character in
                let allowed =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                return allowed ? Character(scalar) : "-"
            })
        if let first = cleaned.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) {
            return cleaned
        }
        return "fig-" + cleaned
    }

    /// The accessible name: the title, or without one the description's first clause (up to `: ` or
    /// `. `), e.g. "Line plot of loss against epoch"; the figure's name if both are empty.
    var accessibleTitle: String {
        if !title.isEmpty { return title }
        var clause = description
        for separator in [": ", ". "] {
            if let range = clause.range(of: separator) { clause = String(clause[..<range.lowerBound]) }
        }
        if clause.hasSuffix(".") { clause.removeLast() }
        return clause.isEmpty ? name : clause
    }

    /// The whole document: the shell around what `body` writes.
    func render(_ body: (inout SVGWriter) -> Void) -> String {
        var svg = SVGWriter()
        let prefix = idPrefix
        let n = SVGWriter.number
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
                ("width", n(width)), ("height", n(height)), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                ("font-family", Theme.fontFamily), ("font-size", n(Theme.fontSize)), ("fill", Theme.textColor),
            ])
        svg.element("title", [("id", "\(prefix)-title")], text: accessibleTitle)
        svg.element("desc", [("id", "\(prefix)-desc")], text: description)
        svg.element("rect", [("width", n(width)), ("height", n(height)), ("fill", Theme.background)])
        if !title.isEmpty {
            svg.element(
                "text",
                [
                    ("x", n(width / 2)), ("y", n(Theme.margin + Theme.titleFontSize)), ("text-anchor", "middle"),
                    ("font-size", n(Theme.titleFontSize)), ("font-weight", "600"),
                ], text: title)
        }
        body(&svg)
        svg.close()
        return svg.finish()
    }

    /// The height the visible title takes at the top, including the gap below it.
    static func titleHeight(_ title: String) -> Double {
        title.isEmpty ? 0 : Theme.titleFontSize * Theme.lineSpacing + Theme.gap
    }
}
