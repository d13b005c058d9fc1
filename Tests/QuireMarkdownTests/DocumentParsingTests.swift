import Testing

@testable import QuireMarkdown

/// How runnable blocks, front matter and regions are found, against CommonMark's rules.
struct DocumentParsingTests {
    func parse(_ text: String) throws -> QuireDocument {
        try QuireDocument(bytes: Array(text.utf8), file: "doc.md")
    }

    @Test func findsBlocksWithAttributesAndPositions() throws {
        let doc = try parse("# T\n\n```circuit id=bell shots=2000 noise=lab\nOPENQASM 2.0;\n```\n")
        #expect(doc.blocks.count == 1)
        let block = try #require(doc.blocks.first)
        #expect(block.kind == .circuit)
        #expect(block.id == "bell")
        #expect(block.attribute("shots") == "2000")
        #expect(block.attribute("noise") == "lab")
        #expect(block.location.line == 3 && block.location.column == 1)
        #expect(block.body == "OPENQASM 2.0;\n")
        #expect(block.firstBodyLine == 4)
        #expect(block.endOffset == Array("# T\n\n```circuit id=bell shots=2000 noise=lab\nOPENQASM 2.0;\n```\n".utf8).count)
        #expect(block.attributes.first { $0.key == "noise" }?.location.column == 31)
    }

    @Test func otherLanguagesAreNotRunnable() throws {
        let doc = try parse("```python\nprint(1)\n```\n\n```yaml\na: 1\n```\n\n```\nplain\n```\n")
        #expect(doc.blocks.isEmpty)
    }

    @Test func fencesInsideBlockQuotesAndListsAreBlocks() throws {
        let doc = try parse("> ```noise id=a\n> readout: {}\n> ```\n\n- item\n\n  ~~~noise id=b\n  x: 1\n  ~~~\n")
        #expect(doc.blocks.map(\.id) == ["a", "b"])
        #expect(doc.blocks[0].body == "readout: {}\n")
        #expect(doc.blocks[0].containerPrefix == Array("> ".utf8))
        #expect(doc.blocks[0].documentLocation(bodyLine: 1, column: 1).column == 3)
        #expect(doc.blocks[1].containerPrefix == Array("  ".utf8))
        #expect(doc.blocks[1].body == "x: 1\n")
    }

    @Test func indentedCodeThatLooksLikeAFenceIsNotABlock() throws {
        let doc = try parse("Para.\n\n    ```noise id=x\n    a: 1\n    ```\n")
        #expect(doc.blocks.isEmpty)
    }

    @Test func longerFencesContainShorterOnes() throws {
        let doc = try parse("````noise id=outer\n```noise id=inner\n```\n````\n")
        #expect(doc.blocks.map(\.id) == ["outer"])
        #expect(doc.blocks[0].body == "```noise id=inner\n```\n")
    }

    @Test func tildeFenceAndHTMLBlocksAndTabs() throws {
        let doc = try parse("<div>\n\n```noise id=h\n```\n\n</div>\n\n\t~~~noise id=t\n\t~~~\n\n~~~noise id=u\n\tindented: 1\n~~~\n")
        // A tab-indented fence is an indented code block (4 columns), not a fence.
        #expect(doc.blocks.map(\.id) == ["h", "u"])
        #expect(doc.blocks[1].body == "\tindented: 1\n")
    }

    @Test func crlfAndBOMKeepPositions() throws {
        let text = "\u{FEFF}# T\r\n\r\n```noise id=a\r\nreadout: {}\r\n```\r\n"
        let doc = try parse(text)
        #expect(doc.source.lineEnding == [0x0D, 0x0A])
        #expect(doc.blocks[0].location.line == 3)
        #expect(doc.blocks[0].body == "readout: {}\n")
        #expect(doc.blocks[0].endOffset == Array(text.utf8).count)
    }

    @Test func nonASCIIColumnsAreBytes() throws {
        let doc = try parse("- 量子 🧪\n\n  ```noise id=q shots=量子\n  a: 1\n  ```\n")
        #expect(doc.blocks[0].attribute("shots") == "量子")
        #expect(doc.blocks[0].location.column == 3)
        let ok = try parse("> 量子 🧪\n>\n> ```noise id=q\n> a: 1\n> ```\n")
        #expect(ok.blocks[0].location == .init(file: "doc.md", line: 3, column: 3))
    }

    @Test func frontMatterIsSplitOffWithLines() throws {
        let doc = try parse("---\ntitle: T\nquire:\n  seed: 3\n---\n\n```noise id=a\n```\n")
        let front = try #require(doc.frontMatter)
        #expect(front.yaml == "title: T\nquire:\n  seed: 3\n")
        #expect(front.firstYAMLLine == 2)
        #expect(doc.blocks[0].location.line == 7)
    }

    @Test func aThematicBreakAtTheTopIsNotFrontMatter() throws {
        let doc = try parse("---\n\nText\n")
        #expect(doc.frontMatter == nil)
    }

    @Test func markersQuotedInCodeAreNotRegions() throws {
        let doc = try parse("```markdown\n<!-- quire:output id=x -->\n<!-- /quire:output sha256=00000000 -->\n```\n")
        #expect(doc.regions.isEmpty)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var fragment: String
        var testDescription: String { fragment }
    }

    static let badCases: [BadCase] = [
        BadCase(text: "```circut id=a\n```\n", line: 1, column: 4, fragment: "did you mean 'circuit'"),
        BadCase(text: "text\n\n```Experiment id=a\n```\n", line: 3, column: 4, fragment: "unknown block kind 'Experiment'"),
        BadCase(text: "```noise\n```\n", line: 1, column: 1, fragment: "has no id"),
        BadCase(
            text: "```noise id=a\n```\n\n```noise id=a\n```\n", line: 4, column: 10, fragment: "duplicate block id 'a' (first used at doc.md:1:10)"),
        BadCase(text: "```noise id=a/b\n```\n", line: 1, column: 10, fragment: "invalid block id"),
        BadCase(text: "```noise id=a shots\n```\n", line: 1, column: 15, fragment: "malformed attribute 'shots'"),
        // Found by review: a 300-character id failed later with "File name too long" and no location.
        BadCase(
            text: "```circuit shots=1 id=\(String(repeating: "a", count: 300))\n```\n", line: 1, column: 20,
            fragment: "is 300 characters long, more than 64"),
        BadCase(text: "```noise id=a\nx: 1\n", line: 1, column: 1, fragment: "never closed"),
        // Found by Fuzz/document: fences ended by their container, not by a closing fence.
        BadCase(text: "- item\n\n  ~~~ circuit id=a\n  OPENQASM 2.0;\nunindented\n  ~~~\n", line: 3, column: 3, fragment: "never closed"),
        BadCase(text: "> ```noise id=a\n> x: 1\n\nafter\n", line: 1, column: 3, fragment: "never closed"),
        BadCase(text: "---\ntitle: x\n\nbody\n", line: 1, column: 1, fragment: "front matter"),
        BadCase(text: "x\n\n<!-- quire:output id=a -->\nstuff\n", line: 3, column: 1, fragment: "closing marker is missing"),
        BadCase(text: "x\n\n<!-- /quire:output sha256=12345678 -->\n", line: 3, column: 1, fragment: "without an opening marker"),
    ]

    /// An id of exactly the maximum length is accepted.
    @Test func anIDOfTheMaximumLengthIsAccepted() throws {
        let id = String(repeating: "b", count: QuireDocument.maximumIDLength)
        #expect(try parse("```noise id=\(id)\n```\n").blocks.map(\.id) == [id])
    }

    @Test(arguments: badCases)
    func badInputIsLocated(_ bad: BadCase) {
        #expect {
            _ = try parse(bad.text)
        } throws: { error in
            guard let error = error as? MarkdownError, let location = error.diagnostic.location else { return false }
            return location.line == bad.line && location.column == bad.column && error.description.contains(bad.fragment)
        }
    }
}
