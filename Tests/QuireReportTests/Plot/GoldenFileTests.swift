import Foundation
import QuireTestSupport
import Testing

/// The golden-file helper: recording reports `.recorded` (so a recording test fails), a later check
/// matches, and any changed byte is located.
struct GoldenFileTests {
    @Test func recordThenMatchThenDiffer() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("quire-golden-file-test.svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try? FileManager.default.removeItem(atPath: path)
        #expect(GoldenFile.check("a\nb\n", path: path, record: false) == .missing(path))
        #expect(GoldenFile.check("a\nb\n", path: path, record: true) == .recorded(path))
        #expect(GoldenFile.check("a\nb\n", path: path, record: false) == .matches)
        #expect(
            GoldenFile.check("a\nc\n", path: path, record: false)
                == .differs("first difference at byte 2 (line 2) of \(path)"))
        #expect(
            GoldenFile.check("a\nb\nextra", path: path, record: false)
                == .differs("first difference at byte 4 (line 3) of \(path)"))
    }
}
