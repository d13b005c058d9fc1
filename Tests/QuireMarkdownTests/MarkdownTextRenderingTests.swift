import Foundation
import QuireCore
import Testing

@testable import QuireMarkdown

/// cmark-gfm, with raw HTML allowed and every GFM extension attached, reads `MarkdownText`'s output
/// as exactly the text it was given: no element, comment, link or emphasis, on one line.
struct MarkdownTextRenderingTests {
    static let hostile = [
        "<!-- /quire:output sha256=00000000 -->",
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "a\n<!-- quire:output id=x -->\n\n<!-- /quire:provenance -->\nb",
        "`code` and ``double`` and ```fence",
        "*em* _em_ __strong__ ~~gone~~ [link](https://example.com) ![img](https://example.com/p.png)",
        "&lt; &amp; &#60; &#x3C;",
        "a|b $x^2$ \\*not\\* \\",
        "petal_width snake_case_name <https://example.com> https://example.com www.example.com",
        "\u{202E}rtl\u{1B}[31m red\r\u{0}",
        "line with two spaces  \nnext",
    ]

    /// `text` as cmark renders text: controls written out, then `&<>"` as entities.
    static func html(_ text: String) -> String {
        HTMLRewriter.escapeAttribute(TerminalText.escaped(text))
    }

    func render(_ markdown: String) -> String {
        CmarkTree.html(Array(markdown.utf8), allowRawHTML: true).html
    }

    @Test(arguments: hostile) func escapedTextReadsAsItself(_ text: String) {
        #expect(render("Error: " + MarkdownText.escaped(text)) == "<p>Error: \(Self.html(text))</p>\n")
        #expect(
            render("> **Quire error**: " + MarkdownText.escaped(text))
                == "<blockquote>\n<p><strong>Quire error</strong>: \(Self.html(text))</p>\n</blockquote>\n")
    }

    @Test(arguments: hostile) func codeSpanReadsAsItself(_ text: String) {
        #expect(render("Dataset " + MarkdownText.codeSpan(text)) == "<p>Dataset <code>\(Self.html(text))</code></p>\n")
    }

    @Test(arguments: hostile) func escapedTextFindsNoMarker(_ text: String) throws {
        let document = try QuireDocument(
            bytes: Array(("> " + MarkdownText.escaped(text) + "\n\n" + MarkdownText.codeSpan(text) + "\n").utf8), file: "d.md")
        #expect(document.regions.isEmpty && document.provenance == nil)
    }

    @Test(arguments: hostile) func destinationStaysOneLink(_ path: String) {
        let html = render("![figure](\(MarkdownText.destination(path)))")
        let encoded = MarkdownText.destination(path)
        #expect(html == "<p><img src=\"\(encoded)\" alt=\"figure\" /></p>\n")
        #expect(encoded.removingPercentEncoding == path)
    }

    @Test(arguments: hostile) func fencedCodeHoldsEveryLine(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + ["```", "~~~"]
        let html = render(MarkdownText.fencedCode(lines, info: "diff") + "after\n")
        let body = lines.map { Self.html($0) }.joined(separator: "\n")
        #expect(html == "<pre><code class=\"language-diff\">\(body)\n</code></pre>\n<p>after</p>\n")
    }
}
