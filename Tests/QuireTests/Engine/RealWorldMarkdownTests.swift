import Foundation
import Testing

@testable import Quire

/// Real Markdown written by others (the READMEs and docs of this package's dependencies, read
/// where SwiftPM checked them out; never copied into the repo) is left byte-identical by a run,
/// with its own line endings and converted to CRLF.
struct RealWorldMarkdownTests {
    static var corpus: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized
        let checkouts = root.appendingPathComponent(".build/checkouts")
        guard let walker = FileManager.default.enumerator(at: checkouts, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension.lowercased() == "md" }.sorted { $0.path < $1.path }
    }

    /// `bytes` with every LF not already preceded by CR turned into CRLF, byte for byte (invalid
    /// UTF-8 and lone CRs stay as they are).
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var converted: [UInt8] = []
        converted.reserveCapacity(bytes.count + bytes.count / 16)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) { converted.append(0x0D) }
            converted.append(byte)
        }
        return converted
    }

    @Test(
        .enabled(
            if: !corpus.isEmpty,
            "no Markdown under .build/checkouts: the dependencies are not checked out (run swift build with SwiftPM's default build path)"))
    func documentsWithoutBlocksAreLeftByteIdentical() throws {
        let files = Self.corpus
        try #require(files.count >= 20, "expected the dependencies' Markdown under .build/checkouts")
        var bytesChecked = 0
        var converted = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let crlf = Self.crlf(bytes)
            if crlf != bytes { converted += 1 }
            for variant in [bytes, crlf] {
                let evaluation = try Notebook.evaluate(bytes: variant, file: file.lastPathComponent, options: RunOptions())
                #expect(evaluation.document == variant, "\(file.path) changed")
                bytesChecked += variant.count
            }
        }
        #expect(bytesChecked > 100_000)
        #expect(converted * 2 > files.count, "most files should have LF line endings, so the CRLF variant differs")
    }

    @Test func crlfConversionIsBytewise() {
        #expect(Self.crlf(Array("a\nb\r\nc\rd\n\u{FF}".utf8)) == Array("a\r\nb\r\nc\rd\r\n\u{FF}".utf8))
        #expect(Self.crlf([0xFF, 0x0A]) == [0xFF, 0x0D, 0x0A])
    }
}
