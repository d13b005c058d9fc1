import Foundation
import Testing
@testable import Quire

/// Real Markdown written by others (the READMEs and docs of this package's dependencies, read
/// where SwiftPM checked them out; never copied into the repo) is left byte-identical by a run,
/// with its own line endings and converted to CRLF.
struct RealWorldMarkdownTests {
    static var corpus: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let checkouts = root.appendingPathComponent(".build/checkouts")
        guard let walker = FileManager.default.enumerator(at: checkouts, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension.lowercased() == "md" }.sorted { $0.path < $1.path }
    }

    @Test func documentsWithoutBlocksAreLeftByteIdentical() throws {
        let files = Self.corpus
        try #require(files.count >= 20, "expected the dependencies' Markdown under .build/checkouts (run swift build first)")
        var bytesChecked = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let crlf = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\n", with: "\r\n").utf8)
            for variant in [bytes, crlf] {
                let evaluation = try Notebook.evaluate(bytes: variant, file: file.lastPathComponent, options: RunOptions())
                #expect(evaluation.document == variant, "\(file.path) changed")
                bytesChecked += variant.count
            }
        }
        #expect(bytesChecked > 100_000)
    }
}
