import Foundation
import QuireMarkdown
import Testing

@testable import Quire

/// `quire check` names the right block and the right kind of difference.
struct CheckReportTests {
    static let paper = """
        # Paper

        ```noise id=a
        readout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}
        ```

        ```noise id=b
        depolarizing: {one_qubit: 0.001}
        ```

        """

    /// A run document in a fresh folder; returns its path.
    func runPaper(_ text: String = paper) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("paper.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        _ = try NotebookFile.run(path: path, options: RunOptions())
        return path
    }

    func edit(_ path: String, _ transform: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(transform(text).utf8).write(to: URL(fileURLWithPath: path))
    }

    func statuses(_ report: CheckReport) -> [String: CheckReport.Status] {
        Dictionary(uniqueKeysWithValues: report.blocks.map { ($0.id, $0.status) })
    }

    @Test func aFreshRunIsIdenticalAndNotStale() throws {
        let path = try runPaper()
        #expect(try NotebookFile.check(path: path, options: RunOptions()).isClean)
        #expect(try NotebookFile.checkStale(path: path, options: RunOptions()).isClean)
    }

    @Test func aSpecEditedWithoutRerunningIsStale() throws {
        let path = try runPaper()
        try edit(path) { $0.replacingOccurrences(of: "one_qubit: 0.001}", with: "one_qubit: 0.002}") }
        let report = try NotebookFile.check(path: path, options: RunOptions())
        #expect(statuses(report) == ["a": .identical, "b": .stale])
        #expect(report.blocks[1].diff.contains("- | all qubits | depolarizing | one_qubit  | 0.001  |"))
        #expect(statuses(try NotebookFile.checkStale(path: path, options: RunOptions())) == ["a": .identical, "b": .stale])
    }

    @Test func aNumberEditedByHandIsReported() throws {
        let path = try runPaper()
        try edit(path) { $0.replacingOccurrences(of: "| 0.05 ", with: "| 0.04 ") }
        let report = try NotebookFile.check(path: path, options: RunOptions())
        #expect(statuses(report) == ["a": .edited, "b": .identical])
        #expect(report.blocks[0].diff.contains { $0.hasPrefix("- ") && $0.contains("0.04") })
    }

    @Test func aForgedRegionWithARecomputedHashDiffers() throws {
        let path = try runPaper()
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let document = try QuireDocument(bytes: bytes, file: path)
        let region = try #require(document.regions.first { $0.id == "a" })
        let forged = Array(String(decoding: bytes[region.contentRange], as: UTF8.self).replacingOccurrences(of: "| 0.05 ", with: "| 0.04 ").utf8)
        let oldHash = try #require(region.recordedHash)
        var text = String(decoding: bytes[..<region.contentRange.lowerBound] + forged + bytes[region.contentRange.upperBound...], as: UTF8.self)
        text = text.replacingOccurrences(of: "sha256=\(oldHash)", with: "sha256=\(RegionMarkers.contentHash(forged))")
        bytes = Array(text.utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try NotebookFile.check(path: path, options: RunOptions())
        #expect(statuses(report) == ["a": .differs, "b": .identical])
        #expect(!report.isClean)
        // Nothing about the inputs changed, so the cheap check cannot see it: only re-execution can.
        #expect(try NotebookFile.checkStale(path: path, options: RunOptions()).isClean)
    }

    @Test func anAlteredFigureFileIsReported() throws {
        let path = try runPaper("```circuit id=bell shots=0\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n```\n")
        #expect(try NotebookFile.check(path: path, options: RunOptions()).isClean)
        let figure = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("paper.figures/bell-histogram.svg")
        try Data("<svg/>".utf8).write(to: figure)
        let report = try NotebookFile.check(path: path, options: RunOptions())
        #expect(report.notes == ["figure paper.figures/bell-histogram.svg is missing or differs from a fresh run"])
        #expect(!report.isClean)
    }

    @Test func aBlockNeverRunIsNew() throws {
        let path = try runPaper()
        try edit(path) { $0.replacingOccurrences(of: "<!-- quire:provenance -->", with: "```noise id=c\n```\n\n<!-- quire:provenance -->") }
        #expect(statuses(try NotebookFile.check(path: path, options: RunOptions()))["c"] == .new)
        #expect(statuses(try NotebookFile.checkStale(path: path, options: RunOptions()))["c"] == .new)
    }

    @Test func unifiedDiffShowsRemovalsBeforeAdditionsWithContext() {
        let diff = LineDiff.unified(old: ["a", "b", "c", "d", "e", "f", "g"], new: ["a", "b", "c", "X", "e", "f", "g"], context: 1)
        #expect(diff == ["  c", "- d", "+ X", "  e"])
    }
}

extension CheckReportTests {
    /// `quire check` parsed and planned a document twice (once to evaluate it, once more to compare)
    /// and parsed the fresh result a third time: it now plans once and takes the fresh document
    /// from the splice that verified it.
    @Test func checkPlansTheDocumentOnce() throws {
        let path = try runPaper()
        let count = PlanCount()
        let report = try Notebook.$planCount.withValue(count) { try NotebookFile.check(path: path, options: RunOptions()) }
        #expect(report.isClean)
        #expect(count.value == 1)
    }
}
