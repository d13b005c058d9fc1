import QuireCore
import Testing

/// The exact Markdown the escaping helpers write (how cmark-gfm reads it is tested in
/// QuireMarkdownTests/MarkdownTextRenderingTests).
struct MarkdownTextTests {
    @Test func syntaxIsBackslashEscapedAndControlsWrittenOut() {
        #expect(MarkdownText.escaped("<!-- x -->") == "\\<!-- x --\\>")
        #expect(MarkdownText.escaped("a\nb\r\n`c`") == "a\\u{000A}b\\u{000D}\\u{000A}\\`c\\`")
        #expect(MarkdownText.escaped("*a* [b] & c|d ~e~ $f$ \\") == "\\*a\\* [b] \\& c\\|d \\~e\\~ \\$f\\$ \\\\")
        // Brackets that could open a link, an image, a reference or a footnote are escaped; others not.
        #expect(MarkdownText.escaped("[x](http://e) ![i](p) [r][1] [d]: u [^n]") == "\\[x](http\\://e) !\\[i](p) \\[r]\\[1] \\[d]: u \\[^n]")
        #expect(MarkdownText.escaped("0.97 [0.82, 1.00]") == "0.97 [0.82, 1.00]")
    }

    @Test func underscoresInsideWordsStay() {
        #expect(MarkdownText.escaped("petal_width_cm") == "petal_width_cm")
        #expect(MarkdownText.escaped("_a_ b_ _c __d__") == "\\_a\\_ b\\_ \\_c \\_\\_d\\_\\_")
    }

    @Test func plainTextIsUnchanged() {
        let text = "unknown key 'depolarising' (line 4, column 1): 0.5 ± 0.1, ψ 漢字 # - + ! ."
        #expect(MarkdownText.escaped(text) == text)
    }

    @Test func codeSpansOutrunEveryBacktickRun() {
        #expect(MarkdownText.codeSpan("bell") == "`bell`")
        #expect(MarkdownText.codeSpan("a`b") == "``a`b``")
        #expect(MarkdownText.codeSpan("``x") == "``` ``x ```")
        #expect(MarkdownText.codeSpan(" a") == "`  a `")
        #expect(MarkdownText.codeSpan("a\nb") == "`a\\u{000A}b`")
    }

    @Test func destinationsArePercentEncoded() {
        #expect(MarkdownText.destination("paper.figures/bell-histogram.svg") == "paper.figures/bell-histogram.svg")
        #expect(MarkdownText.destination("my figs/a(1)<b>.svg") == "my%20figs/a%281%29%3Cb%3E.svg")
        #expect(MarkdownText.destination("ü") == "%C3%BC")
    }

    @Test func fencesOutrunEveryBacktickRun() {
        #expect(MarkdownText.fencedCode(["-a", "+b"], info: "diff") == "```diff\n-a\n+b\n```\n")
        #expect(MarkdownText.fencedCode(["````", "x\u{1B}"], info: "diff") == "`````diff\n````\nx\\u{001B}\n`````\n")
    }
}
