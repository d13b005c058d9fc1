import QuireCore
import QuireReport
import Testing

@testable import Quire
@testable import QuireMarkdown

/// `quire diff` and `quire check` quote the documents they compare: on a terminal with their
/// control characters written out, and in a pull-request comment with no line able to close the
/// fence it sits in or to read as HTML.
struct ReportEscapingTests {
    static let paper = "```noise id=a\nreadout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}\n```\n"
    /// Region lines added by hand: one hides the terminal's text, one is HTML.
    static let hostile = "\u{1B}[8m\r\u{202E}\n<img src=x onerror=alert(1)>\n"

    /// A run of the paper with a code block added to its region by hand (its fence lines become
    /// context lines ` ``` ` of the region diff), and the same with `hostile` added after it.
    func versions() throws -> (old: [UInt8], new: [UInt8]) {
        let run = try Notebook.evaluate(bytes: Array(Self.paper.utf8), file: "paper.md", options: RunOptions()).document
        let old = String(decoding: run, as: UTF8.self).replacingOccurrences(of: "| scope", with: "```\nx\n```\n| scope")
        let new = old.replacingOccurrences(of: "```\n| scope", with: "```\n" + Self.hostile + "| scope")
        return (Array(old.utf8), Array(new.utf8))
    }

    @Test func diffTextWritesOutControlsAroundItsOwnColours() throws {
        let (old, new) = try versions()
        let text = try DocumentDiff.compare(old: old, named: "v1\u{1B}.md", new: new, named: "v2.md").text(color: true)
        #expect(text.contains("\\u{001B}[8m\\u{000D}\\u{202E}"), "\(text)")
        // The only escape characters left start Quire's own colour codes.
        let escapes = text.components(separatedBy: "\u{1B}").dropFirst()
        #expect(
            !escapes.isEmpty && escapes.allSatisfy { $0.hasPrefix("[0m") || $0.hasPrefix("[31m") || $0.hasPrefix("[32m") || $0.hasPrefix("[33m") })
        #expect(!text.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" && $0 != "\u{1B}" })
    }

    @Test func regionTablesReadEscapedCellsAsWritten() {
        let names = ["a|b", "<x> & *y* \\", "`q|r`", "c_d"]
        let rows = names.enumerated().map { [$1, "\($0)"] }
        let table = MarkdownTable(columns: [.init("class"), .init("samples", alignment: .right)], rows: rows).render(lineEnding: "\n")
        let cells = RegionTables(table).cells
        #expect(cells.map(\.name) == names.map { "\($0) / samples" })
        #expect(cells.map(\.value) == [0, 1, 2, 3])
    }

    @Test func pullRequestCommentsKeepRegionDiffsFenced() throws {
        let (old, new) = try versions()
        let diff = try DocumentDiff.compare(old: old, named: "v1.md", new: new, named: "v2.md").markdown()
        var options = RunOptions()
        options.force = true
        let plan = try Notebook.plan(bytes: new, file: "paper.md", options: options)
        let check = CheckReport.compare(plan: plan, fresh: try Notebook.evaluate(plan, options: options).document, file: "paper.md")
            .markdown()
        for markdown in [diff, check] {
            let html = CmarkTree.html(Array(markdown.utf8), allowRawHTML: true).html
            #expect(!html.contains("<img src=x"), "\(markdown)")
            #expect(html.contains(" &lt;img src=x onerror=alert(1)&gt;\n  | scope"), "\(html)")
            #expect(!markdown.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
        }
    }
}
