import QuireCore
import Testing

@testable import QuireMarkdown

/// The splice rewrites generated regions and nothing else.
struct SplicerTests {
    func splice(_ text: String, outputs: [String: String], appendix: String? = "A\n", force: Bool = false) throws -> String {
        let doc = try QuireDocument(bytes: Array(text.utf8), file: "doc.md")
        return String(decoding: try DocumentSplicer.splice(doc, outputs: outputs, appendix: appendix, force: force), as: UTF8.self)
    }

    func strip(_ text: String) throws -> String {
        String(decoding: DocumentSplicer.strip(try QuireDocument(bytes: Array(text.utf8), file: "doc.md")), as: UTF8.self)
    }

    @Test func insertsRegionAndAppendixExactly() throws {
        let out = try splice("# T\n\n```noise id=a\n```\nafter\n", outputs: ["a": "R\n"])
        #expect(
            out == """
                # T

                ```noise id=a
                ```

                <!-- quire:output id=a -->
                R

                <!-- /quire:output sha256=\(Hashing.shortHash(Array("R\n\n".utf8))) -->
                after

                <!-- quire:provenance -->
                A

                <!-- /quire:provenance -->

                """)
    }

    /// Found by Fuzz/document: an unclosed fence or HTML comment at the end of the document swallowed
    /// the appended appendix, so the rewritten file no longer read back (and was written anyway).
    /// The error points at the construct that opens and never closes, and says what closes it.
    @Test(arguments: [
        ("```noise id=a\n```\n\n```\nnever closed\n", 4, 1, "code fence", "```"),
        ("```noise id=a\n```\n\n<!-- never closed\n\n\nmore text\n\n", 4, 1, "HTML comment (<!--)", "-->"),
        ("```noise id=a\n```\r\n\r\n~~~~\r\n```\r\n", 4, 1, "code fence", "~~~~"),
        ("# T\n\n```noise id=a\n```\n\n   <SCRIPT type=x>\nlet a = 1\n", 6, 4, "<script> block", "</script>"),
        ("```noise id=a\n```\n\n<?php echo 1;\n", 4, 1, "processing instruction (<?)", "?>"),
        ("```noise id=a\n```\n\n````` python\n```\n", 4, 1, "code fence", "`````"),
    ])
    func refusesOutputThatAnUnclosedBlockWouldSwallow(_ text: String, line: Int, column: Int, name: String, closer: String) throws {
        #expect {
            _ = try splice(text, outputs: ["a": "R\n"])
        } throws: { error in
            guard let error = error as? MarkdownError, case .outputWouldChangeText(let at, let open) = error else { return false }
            return at.line == line && at.column == column && open?.name == name && open?.closer == closer
                && error.diagnostic.message.hasPrefix("the \(name) opened here is never closed")
                && error.diagnostic.hint == "close it with \(closer) where it should end, then run again"
        }
    }

    /// Closed constructs at the end are no reason to refuse: a fence closed on the last line, a
    /// comment closed on its own first line, an HTML block that a blank line ends.
    @Test(arguments: ["```noise id=a\n```\n\n```\ncode\n```", "```noise id=a\n```\n\n<!-- note -->\n", "```noise id=a\n```\n\n<div>\nx\n"])
    func closedConstructsAtTheEndAreKept(_ text: String) throws {
        #expect(try strip(try splice(text, outputs: ["a": "R\n"])) == text)
    }

    @Test func rerunIsIdempotentAndStrippingRestoresTheInput() throws {
        let inputs = [
            "# T\n\n```noise id=a\n```\n\ntext\n\n> ```noise id=b\n> ```\n> quoted\n\n- x\n\n  ```noise id=c\n  ```\n",
            "```noise id=a\n```",  // no final newline, block at the end
            "x\r\n\r\n```noise id=a\r\n```\r\nend",  // CRLF, no final newline
            "\u{FEFF}```noise id=a\n```\n",  // BOM
        ]
        for input in inputs {
            let doc = try QuireDocument(bytes: Array(input.utf8), file: "d.md")
            let outputs = Dictionary(uniqueKeysWithValues: doc.blocks.map { ($0.id, "| a |\n| - |\n| \($0.id) |\n") })
            let once = try splice(input, outputs: outputs)
            let twice = try splice(once, outputs: outputs)
            #expect(once == twice)
            #expect(try strip(once) == input)
            if input.contains("\r\n") { #expect(!once.replacingOccurrences(of: "\r\n", with: "").contains("\n")) }
            if input.hasPrefix("\u{FEFF}") { #expect(once.hasPrefix("\u{FEFF}")) }
            #expect(once.hasSuffix("\n") == input.hasSuffix("\n"))
        }
    }

    @Test func deletedBlockLosesItsRegion() throws {
        let both = try splice("```noise id=a\n```\n\n```noise id=b\n```\n", outputs: ["a": "RA", "b": "RB"])
        let withoutB = both.replacingOccurrences(of: "```noise id=b\n```\n", with: "")
        let out = try splice(withoutB, outputs: ["a": "RA"])
        #expect(!out.contains("id=b"))
        #expect(out == (try splice("```noise id=a\n```\n\n", outputs: ["a": "RA"])))
    }

    @Test func handEditedRegionIsRefusedUnlessForced() throws {
        let once = try splice("```noise id=a\n```\n", outputs: ["a": "value 1"])
        let edited = once.replacingOccurrences(of: "value 1", with: "value 2")
        #expect(throws: MarkdownError.self) { try splice(edited, outputs: ["a": "value 1"]) }
        #expect(try splice(edited, outputs: ["a": "value 1"], force: true) == once)
        // Unchanged regions are never an error.
        #expect(try splice(once, outputs: ["a": "value 1"]) == once)
    }

    @Test func documentWithoutBlocksIsUntouched() throws {
        let text = "# Just prose\n\n```python\nx = 1\n```\n\n<!-- a comment -->\n"
        #expect(try splice(text, outputs: [:], appendix: nil) == text)
    }
}
