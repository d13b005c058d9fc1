/// Small, exact rewrites of the HTML cmark-gfm produces: its output is regular (`<h2>`, `<p><img
/// src="…" alt="…" /></p>`), so these scan for its own forms and leave everything else alone.
enum HTMLRewriter {
    /// Gives the n-th `<hN>` opening tag `id="ids[n]"`, in order.
    static func addingHeadingIDs(_ html: String, ids: [String]) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + ids.count * 24)
        var rest = Substring(html)
        var next = ids.makeIterator()
        while let range = rest.firstRange(of: "<h"), let tagEnd = rest[range.upperBound...].firstIndex(of: ">") {
            let level = rest[range.upperBound..<tagEnd]
            output += rest[..<range.upperBound]
            if level.count == 1, let digit = level.first, ("1"..."6").contains(digit), let id = next.next() {
                output += "\(digit) id=\"\(escapeAttribute(id))\""
            } else {
                output += level
            }
            rest = rest[tagEnd...]
        }
        return output + rest
    }

    /// Turns each paragraph holding only an image into a numbered `<figure>` with its alt text as
    /// caption, and resolves each image's `src` through `image`. Returns the HTML and the figure count.
    static func numberingFigures(_ html: String, image: (String) -> String?) -> (String, Int) {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        var count = 0
        while let start = rest.firstRange(of: "<img src=\""), let srcEnd = rest[start.upperBound...].firstIndex(of: "\""),
            let tagEnd = rest[srcEnd...].firstRange(of: "/>")
        {
            let source = String(rest[start.upperBound..<srcEnd])
            let resolved = image(unescape(source)).map(escapeAttribute) ?? source
            let tag = "<img src=\"" + resolved + rest[srcEnd..<tagEnd.upperBound]
            let before = rest[..<start.lowerBound]
            let after = rest[tagEnd.upperBound...]
            if before.hasSuffix("<p>"), after.hasPrefix("</p>") {
                count += 1
                let alt = attribute("alt", in: rest[start.lowerBound..<tagEnd.upperBound]) ?? ""
                output += before.dropLast(3)
                output +=
                    "<figure id=\"figure-\(count)\">\(tag)<figcaption><span class=\"figure-number\">Figure \(count).</span> \(alt)</figcaption></figure>"
                rest = after.dropFirst(4)
            } else {
                output += before + tag
                rest = after
            }
        }
        return (output + rest, count)
    }

    /// The value of `name="…"` inside `tag`, still HTML-escaped.
    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.firstRange(of: " \(name)=\""), let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[start.upperBound..<end])
    }

    /// `&`, `<`, `>` and `"` escaped for an attribute value.
    static func escapeAttribute(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    /// Reverses cmark's escaping of a URL attribute (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#x27;`).
    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingEntities([("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&amp;", "&")])
    }
}

extension String {
    /// Replaces each entity in turn (`&amp;` last, so it cannot create new entities).
    fileprivate func replacingEntities(_ pairs: [(String, String)]) -> String {
        var text = self
        for (entity, character) in pairs {
            var output = ""
            var rest = Substring(text)
            while let range = rest.firstRange(of: entity) {
                output += rest[..<range.lowerBound] + character
                rest = rest[range.upperBound...]
            }
            text = output + rest
        }
        return text
    }
}
