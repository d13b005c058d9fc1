import QuireCore
import Testing

@testable import QuireMarkdown

/// Invalid UTF-8 is found byte for byte, and an error when it makes cmark-gfm hide blocks.
struct InvalidUTF8Tests {
    static let sequences: [(bytes: [UInt8], invalid: [Int])] = [
        (Array("plain ASCII é 漢 🧪".utf8), []),
        ([0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF], []),  // U+FFFF, U+10FFFF
        ([0x61, 0x80, 0x62], [1]),  // stray continuation byte
        ([0xC0, 0xAF], [0, 1]),  // overlong "/"
        ([0xE0, 0x80, 0xAF], [0, 1, 2]),  // overlong three-byte form
        ([0xED, 0xA0, 0x80], [0, 1, 2]),  // UTF-16 surrogate U+D800
        ([0xF4, 0x90, 0x80, 0x80], [0, 1, 2, 3]),  // past U+10FFFF
        ([0x61, 0xE2, 0x82], [1, 2]),  // truncated at the end
        ([0xFF, 0xFE, 0x61], [0, 1]),
    ]

    @Test(arguments: sequences) func invalidBytesAreFoundWhereSwiftRefusesTheText(bytes: [UInt8], invalid: [Int]) {
        #expect(MarkdownSource(bytes).invalidUTF8Offsets() == invalid)
        #expect((String(validating: bytes, as: UTF8.self) == nil) == !invalid.isEmpty)
    }

    func parse(_ parts: [[UInt8]]) throws -> QuireDocument {
        try QuireDocument(bytes: parts.flatMap { $0 }, file: "doc.md")
    }

    @Test func anInvalidByteInACommentThatHidesALaterExperimentIsAnError() {
        let text: [[UInt8]] = [
            Array("# T\n\n```noise id=first\n```\n\n<!-- a note ".utf8), [0xE9],
            Array(" -->\n\n```experiment id=later\ndataset: {name: moons}\n```\n".utf8),
        ]
        #expect(throws: MarkdownError.invalidUTF8(SourceLocation(file: "doc.md", line: 6, column: 13), byte: 0xE9, hiddenBlocks: ["later"])) {
            try parse(text)
        }
    }

    @Test func anInvalidByteInAnInfoStringIsAnError() {
        let text: [[UInt8]] = [Array("```noise id=a ".utf8), [0xFE], Array("\n```\n\n```experiment id=b\n```\n".utf8)]
        #expect(throws: MarkdownError.invalidUTF8(SourceLocation(file: "doc.md", line: 1, column: 15), byte: 0xFE, hiddenBlocks: ["a", "b"])) {
            try parse(text)
        }
    }

    @Test func anInvalidByteThatHidesNothingIsAWarning() throws {
        let text: [[UInt8]] = [Array("\u{FEFF}caf".utf8), [0xE9], Array(" au lait ".utf8), [0xFF, 0xFF], Array("\n\n```noise id=a\n```\n".utf8)]
        let document = try parse(text)
        #expect(document.blocks.map(\.id) == ["a"])
        let warning = try #require(document.warnings.first)
        #expect(document.warnings.count == 1)
        // Columns count the file's bytes, the byte-order mark included.
        #expect(warning.location == SourceLocation(file: "doc.md", line: 1, column: 7))
        #expect(warning.message.contains("byte 0xE9 (and 2 more invalid bytes after it)"))
        #expect(warning.hint?.contains("UTF-8") == true)
    }

    @Test func anErrorOfItsOwnIsReportedAsItIs() {
        // The duplicate id is wrong with or without the invalid byte in the comment after it.
        let text: [[UInt8]] = [Array("```noise id=a\n```\n\n```noise id=a\n```\n\n<!-- ".utf8), [0xFF], Array(" -->\n".utf8)]
        #expect {
            try parse(text)
        } throws: { error in
            guard case .duplicateID(let at, let id, _)? = error as? MarkdownError else { return false }
            return id == "a" && at.line == 4
        }
    }

    @Test func validDocumentsHaveNoWarning() throws {
        #expect(try parse([Array("# Café 🧪\n\n```noise id=a\n```\n".utf8)]).warnings.isEmpty)
    }
}
