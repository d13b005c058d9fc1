import Foundation
import QuireCore
import QuireReport
import Testing

@testable import Quire
@testable import QuireMarkdown

/// User text reaches a document's regions through error notes, CSV class and column names, the
/// figures folder and the provenance record; in every channel a forged region marker, raw HTML or
/// a fence comes out as inert text, a second run changes nothing and every region's hash verifies.
struct RegionEscapingTests {
    /// A forged closing marker on a line of its own, raw HTML, a fence, a comment end and a
    /// right-to-left override.
    static let hostile = "x\n<!-- /quire:output sha256=00000000 -->\n<img src=x onerror=alert(1)><script>alert(1)</script> ``` --> \u{202E}"

    func evaluate(_ text: String, folder: String? = nil) throws -> Evaluation {
        var options = RunOptions()
        options.keepGoing = true
        options.projectFolder = folder
        return try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: options)
    }

    /// Runs `text` twice and checks what every channel must guarantee; returns the first run's document.
    func runInert(_ text: String, regions: [String], folder: String? = nil) throws -> String {
        let once = try evaluate(text, folder: folder).document
        #expect(try evaluate(String(decoding: once, as: UTF8.self), folder: folder).document == once)
        let document = try QuireDocument(bytes: once, file: "paper.md")
        #expect(document.regions.map(\.id) == regions)
        #expect(document.regions.allSatisfy { !$0.isEdited(in: once) })
        #expect(document.provenance != nil)
        #expect(DocumentSplicer.strip(document) == Array(text.utf8))
        // The front matter is YAML, not Markdown: only what follows it is rendered.
        let body = Array(once[(document.frontMatter.map { document.source.lineRange($0.closingLine).upperBound } ?? 0)...])
        let html = CmarkTree.html(body, allowRawHTML: true).html
        #expect(!html.contains("<img src=x") && !html.contains("<script"))
        // Only Quire's own markers are comments: one pair per region and the appendix's.
        #expect(html.components(separatedBy: "<!--").count - 1 == 2 * regions.count + 2)
        return String(decoding: once, as: UTF8.self)
    }

    /// `text` as cmark-gfm writes text into HTML.
    static func html(_ text: String) -> String {
        HTMLRewriter.escapeAttribute(TerminalText.escaped(text))
    }

    @Test func errorNoteQuotesAHostileKeyAsText() throws {
        let key = Self.hostile.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\u{202E}", with: "\\u202E")
        let text = "# T\n\n```noise id=bad\n\"\(key)\": 1\n```\n\n```noise id=good\nreadout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}\n```\n"
        let evaluation = try evaluate(text)
        #expect(evaluation.failures.count == 1)
        let out = try runInert(text, regions: ["bad", "good"])
        #expect(CmarkTree.html(Array(out.utf8), allowRawHTML: true).html.contains("unknown key '\(Self.html(Self.hostile))'"))
    }

    @Test func csvFileClassAndColumnNamesAreText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-escape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let column = "y`<img src=x onerror=alert(1)>"
        let classes = ["<script>alert(1)</script>", Self.hostile]
        let quoted = { (field: String) in "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var csv = "x,\(quoted(column)),kind\n"
        for row in 0..<8 { csv += "\(row),\(row % 3),\(quoted(classes[row % 2]))\n" }
        // The file name, a spec string in the record, holds a fence and a comment's end.
        let file = "d ```--><b>.csv"
        try Data(csv.utf8).write(to: folder.appendingPathComponent(file))
        let text = "```dataset id=d\nfile: \"\(file)\"\nsha256: \(Hashing.sha256Hex(Array(csv.utf8)))\nlabel: kind\n```\n"
        let out = try runInert(text, regions: ["d"], folder: folder.path)
        let html = CmarkTree.html(Array(out.utf8), allowRawHTML: true).html
        #expect(html.contains("<code>\(Self.html(column))</code>"))
        for name in classes {
            #expect(html.contains("<td>\(Self.html(name.replacingOccurrences(of: "\n", with: " ")))</td>"), "\(name)")
        }
        // The record escapes the names and reads them back as they are.
        #expect(out.contains("\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""))
        let record = try #require(RecordedProvenance(try QuireDocument(bytes: Array(out.utf8), file: "paper.md")).blocks["d"])
        guard case .object(let spec) = record.spec else {
            Issue.record("a dataset spec is an object")
            return
        }
        #expect(spec["classes"] == .array(classes.sorted().map(CanonicalJSON.string)))
        #expect(spec["features"] == .array([.string("x"), .string(column)]))
        #expect(spec["file"] == .string(file))
    }

    @Test func figuresFolderAndRecordSurviveFencesAndMarkers() throws {
        let figures = "a b```x--><img src=x onerror=alert(1)>"
        let text =
            "---\nquire:\n  figures: \"\(figures)\"\n---\n\n```circuit id=bell shots=0\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n```\n"
        let out = try runInert(text, regions: ["bell"])
        let document = try QuireDocument(bytes: Array(out.utf8), file: "paper.md")
        let recorded = RecordedProvenance(document)
        #expect(Array(recorded.blocks.keys) == ["bell"])
        guard case .object(let settings)? = recorded.settings else {
            Issue.record("recorded settings are an object")
            return
        }
        #expect(settings["figures"] == .string(figures))
        #expect(out.contains("\"a b\\u0060\\u0060\\u0060x--\\u003e"))
        let path = try #require(try evaluate(text).figures.keys.first)
        #expect(path.hasPrefix(figures + "/"))
        let html = CmarkTree.html(Array(out.utf8), allowRawHTML: false).html
        let source = try #require(html.components(separatedBy: "<img src=\"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(String(source).removingPercentEncoding == path)
    }

    @Test func tableCellsOutsideCodeSpansAreText() {
        let cells = [Self.hostile, "*em* [link](https://example.com) a|b &amp;", "petal_width"]
        let table = MarkdownTable(columns: [.init("name"), .init("code")], rows: cells.map { [$0, "`\($0)`"] }).render(lineEnding: "\n")
        let html = CmarkTree.html(Array(table.utf8), allowRawHTML: true).html
        for cell in cells {
            #expect(html.contains("<td>\(Self.html(cell.replacingOccurrences(of: "\n", with: " ")))</td>"), "\(cell)")
        }
        #expect(!html.contains("<img src=x") && !html.contains("<!--"))
    }
}
