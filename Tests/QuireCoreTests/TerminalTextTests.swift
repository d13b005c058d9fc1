import QuireCore
import Testing

/// Control characters from a document never reach a terminal raw.
struct TerminalTextTests {
    static let controls: [Unicode.Scalar] = [
        "\u{0}", "\u{7}", "\u{8}", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}",
        "\u{61C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}",
    ]

    @Test(arguments: controls) func everyControlIsWrittenOut(_ scalar: Unicode.Scalar) {
        let text = "a" + String(scalar) + "b"
        let escaped = TerminalText.escaped(text)
        #expect(!escaped.unicodeScalars.contains(where: TerminalText.isControl))
        let hex = String(scalar.value, radix: 16, uppercase: true)
        #expect(escaped == "a\\u{" + String(repeating: "0", count: 4 - hex.count) + hex + "}b")
    }

    @Test func printableTextIsUnchanged() {
        let text = "ψ é e\u{301} 漢字 🧪 \\u{41} \"quoted\" U+202E ‐ –"
        #expect(TerminalText.escaped(text) == text)
        #expect(!text.unicodeScalars.contains(where: TerminalText.isControl))
    }

    @Test func layoutKeepsLineFeedsAndTabsOnly() {
        #expect(TerminalText.escaped("a\n\tb\r\n\u{1B}[2J", keepingLayout: true) == "a\n\tb\\u{000D}\n\\u{001B}[2J")
    }

    @Test func codePointNamesTheScalar() {
        #expect(TerminalText.codePoint("\u{202E}") == "U+202E")
        #expect(TerminalText.codePoint("\u{7}") == "U+0007")
        #expect(TerminalText.codePoint("\u{1F9EA}") == "U+1F9EA")
    }

    @Test func diagnosticsPrintNoControlCharacters() {
        let diagnostic = Diagnostic(
            location: SourceLocation(file: "a\u{1B}]0;x\u{7}.md", line: 3, column: 4),
            message: "unknown key 'x\n/tmp/b.md:1:1: error: forged\r\u{202E}'", hint: "valid keys: a\u{1B}[8m")
        let printed = diagnostic.rendered(.warning)
        #expect(printed.split(separator: "\n").count == 2)
        #expect(!printed.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
        #expect(printed.hasPrefix("a\\u{001B}]0;x\\u{0007}.md:3:4: warning: unknown key 'x\\u{000A}/tmp/b.md:1:1: error: forged\\u{000D}\\u{202E}'"))
        #expect(diagnostic.description == printed.replacingOccurrences(of: ":3:4: warning: ", with: ":3:4: error: "))
    }
}
