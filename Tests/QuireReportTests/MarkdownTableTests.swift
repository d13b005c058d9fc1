import Testing

@testable import QuireReport

/// Markdown tables: exact bytes for aligned columns, non-ASCII widths, escaping and line endings.
struct MarkdownTableTests {
    @Test func alignedColumnsWithNonASCII() {
        let table = MarkdownTable(
            columns: [.init("state ψ"), .init("accuracy", alignment: .right), .init("n", alignment: .center)],
            rows: [["|00⟩", "0.8125 ± 0.0312", "4"], ["Φ⁺", "1.000", "12"]])
        let expected = """
            | state ψ |        accuracy |  n  |
            | ------- | --------------: | :-: |
            | \\|00⟩   | 0.8125 ± 0.0312 |  4  |
            | Φ⁺      |           1.000 | 12  |

            """
        #expect(table.render(lineEnding: "\n") == expected)
    }

    @Test func combiningMarksCountAsOneCharacter() {
        // "é" as e + U+0301: two scalars, one grapheme cluster, one column in an editor.
        let table = MarkdownTable(columns: [.init("e\u{301}t\u{E9}")], rows: [["abcd"]])
        #expect(table.render(lineEnding: "\n") == "| e\u{301}t\u{E9}  |\n| ---- |\n| abcd |\n")
    }

    @Test func crlfEndsEveryLine() {
        let table = MarkdownTable(columns: [.init("a", alignment: .right)], rows: [["1"], ["22"]])
        let text = table.render(lineEnding: "\r\n")
        #expect(text == "|   a |\r\n| --: |\r\n|   1 |\r\n|  22 |\r\n")
        #expect(!text.replacingCRLF().contains("\r"))
    }

    @Test func lineBreaksInCellsBecomeSpaces() {
        #expect(MarkdownTable.escape("a\r\nb\nc\rd|e") == "a b c d\\|e")
    }

    @Test func emptyBodyStillHasHeaderAndDelimiter() {
        let table = MarkdownTable(columns: [.init("x"), .init("y", alignment: .right)], rows: [])
        #expect(table.render(lineEnding: "\n") == "| x   |   y |\n| --- | --: |\n")
    }

    @Test func sameInputSameBytes() {
        let make = {
            MarkdownTable(
                columns: [.init("k"), .init("v", alignment: .right)],
                rows: (0..<50).map { ["row \($0)", NumberFormat().format(Double($0) / 7)] }
            )
            .render(lineEnding: "\n")
        }
        #expect(make() == make())
    }
}

extension String {
    /// The text with every CRLF pair removed, so any remaining CR is a lone one.
    fileprivate func replacingCRLF() -> String { split(separator: "\r\n", omittingEmptySubsequences: false).joined() }
}
