import QuireMarkdown
import Testing

@testable import Quire

/// `quire diff` names exactly the blocks and numbers that changed, and why.
struct DocumentDiffTests {
    static let version1 = """
        ---
        quire: {seed: 5}
        ---
        ```noise id=a
        readout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}
        ```

        ```noise id=b
        depolarizing: {one_qubit: 0.001}
        ```

        ```noise id=gone
        ```

        """

    /// A noise block with a generated (unedited) region holding `table`.
    static func region(_ table: String) -> String {
        let content = table + "\n"
        return
            "```noise id=a\n```\n\n<!-- quire:output id=a -->\n\(content)\(RegionMarkers.outputClosing(hash: RegionMarkers.contentHash(Array(content.utf8))))\n"
    }

    func run(_ text: String) throws -> [UInt8] {
        try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions()).document
    }

    @Test func namesTheChangedBlocksInputsAndNumbers() throws {
        let version2 = Self.version1
            .replacingOccurrences(of: "one_qubit: 0.001}", with: "one_qubit: 0.004}")
            .replacingOccurrences(of: "```noise id=gone\n```\n", with: "```noise id=fresh\n```\n")
        let diff = try DocumentDiff.compare(old: try run(Self.version1), named: "v1.md", new: try run(version2), named: "v2.md")
        let changes = Dictionary(uniqueKeysWithValues: diff.blocks.map { ($0.id, $0.change) })
        #expect(changes == ["a": .unchanged, "b": .changed, "fresh": .added, "gone": .removed])
        let b = try #require(diff.blocks.first { $0.id == "b" })
        #expect(b.inputs == ["spec.depolarizing.one_qubit: 0.001 → 0.004"])
        #expect(b.metrics == ["depolarizing.one_qubit: 0.001 → 0.004 (+0.003)"])
        #expect(b.region.contains("- | all qubits | depolarizing | one_qubit  | 0.001  |"))
        #expect(diff.document.isEmpty)
        #expect(diff.hasChanges)
    }

    @Test func aSeedChangeIsAnInputChange() throws {
        let reseeded = Self.version1.replacingOccurrences(of: "seed: 5", with: "seed: 6")
        let diff = try DocumentDiff.compare(old: try run(Self.version1), named: "v1.md", new: try run(reseeded), named: "v2.md")
        #expect(diff.document == ["document.seed: 5 → 6"])
        #expect(diff.blocks.allSatisfy { $0.change == .changed || $0.id == "gone" })
        #expect(diff.blocks.first { $0.id == "a" }?.inputs.first?.hasPrefix("seed: ") == true)
    }

    @Test func identicalVersionsHaveNoChanges() throws {
        let document = try run(Self.version1)
        let diff = try DocumentDiff.compare(old: document, named: "a.md", new: document, named: "b.md")
        #expect(!diff.hasChanges)
        #expect(diff.text().hasSuffix("no differences"))
    }

    /// A circuit with `body` measured exactly (no shots).
    static func circuit(_ body: String) -> String {
        "```circuit id=c shots=0\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg m[1];\n\(body)\nmeasure q[0] -> m[0];\n```\n"
    }

    /// A circuit's results are read from its record: a changed probability is named by its outcome,
    /// with both values.
    @Test func aCircuitsChangedProbabilityNamesTheOutcome() throws {
        let diff = try DocumentDiff.compare(
            old: try run(Self.circuit("h q[0];")), named: "v1.md", new: try run(Self.circuit("x q[0];")), named: "v2.md")
        let block = try #require(diff.blocks.first)
        #expect(block.change == .changed)
        #expect(block.metrics == ["outcome 1 / probability: 0.5 → 1 (+0.5)"])
        #expect(DocumentDiff.delta(0.02 - 0.01) == "0.01" && DocumentDiff.delta(46) == "46")
    }

    /// The generated region of `document`, with `edit` applied to its text only (the closing
    /// marker's hash kept, so the region reads as edited by hand).
    static func editingRegion(_ document: [UInt8], _ edit: (String) -> String) throws -> [UInt8] {
        let parsed = try QuireDocument(bytes: document, file: "paper.md")
        let range = try #require(parsed.regions.first?.contentRange)
        let text = String(decoding: document[range], as: UTF8.self)
        return Array(document[..<range.lowerBound]) + Array(edit(text).utf8) + Array(document[range.upperBound...])
    }

    /// Reformatting a region's table (its column padding) changes neither what diff nor what the
    /// MLflow export reads: both read the record.
    @Test func reformattingATableChangesNothingDiffOrTheExportRead() throws {
        let document = try run(Self.circuit("h q[0];"))
        let reformatted = try Self.editingRegion(document) { $0.replacingOccurrences(of: " |", with: "   |") }
        #expect(reformatted != document)
        let diff = try DocumentDiff.compare(old: document, named: "v1.md", new: reformatted, named: "v2.md")
        #expect(diff.blocks.map(\.change) == [.edited] && diff.blocks[0].metrics.isEmpty)
        var notes: [String] = []
        let plans = try MLflowRunPlan.plans(for: try QuireDocument(bytes: document, file: "a.md"), named: "a.md", notes: &notes)
        let again = try MLflowRunPlan.plans(for: try QuireDocument(bytes: reformatted, file: "a.md"), named: "a.md", notes: &notes)
        #expect(plans.map(\.metrics) == again.map(\.metrics))
        #expect(plans.first?.metrics.map(\.key) == ["outcome 0 / probability", "outcome 1 / probability"])
    }

    /// A number edited by hand in a generated region is reported as "edited", not as a change of
    /// the results.
    @Test func aHandEditedNumberIsEdited() throws {
        let document = try run(Self.circuit("h q[0];"))
        let edited = try Self.editingRegion(document) { $0.replacingOccurrences(of: "0.5000 |", with: "0.6000 |") }
        #expect(edited != document)
        let diff = try DocumentDiff.compare(old: document, named: "v1.md", new: edited, named: "v2.md")
        let block = try #require(diff.blocks.first)
        #expect(block.change == .edited && block.edited && block.metrics.isEmpty && !block.region.isEmpty)
    }

    /// `--markdown` output renders on GitHub as meant: a label starting with `+`, `-`, `#` or `1.`
    /// stays one flat list item and keeps its code spans as the region's table shows them, backticks
    /// in a value do not end its code span, the block table keeps its three cells, and a region line
    /// of backticks does not close the fence.
    @Test func theMarkdownCommentRendersAsWritten() {
        let block = DocumentDiff.Block(
            id: "e", kind: "experiment", change: .changed, inputs: ["spec.model.observable: `Z0` → *Z1*"],
            metrics: [
                "+ mitigation (ZNE) / test accuracy: 0.80 → 0.90 (+0.1)", "1. x / value: 1 → 2 (+1)",
                "- a_b / value: 1 → 2 (+1)", "    # `00` / count: 1,024 → 978 (−46)",
            ],
            region: ["- old", "+ new", "  ```", "  ````"], figuresChanged: false)
        let diff = DocumentDiff(old: "old `v`.md", new: "new.md", document: ["document.seed: 5 → 6"], blocks: [block])
        let html = ArticleHTML.fragment(diff.markdown())
        #expect(html.components(separatedBy: "<ul>").count - 1 == 3, "document, inputs and numbers: three flat lists\n\(html)")
        #expect(!html.contains("<ol") && !html.contains("<em>") && !html.contains("<h1") && !html.contains("<pre><code>#"), "\(html)")
        #expect(html.contains("<li>+ mitigation (ZNE) / test accuracy: 0.80 → 0.90 (+0.1)</li>"), "\(html)")
        #expect(html.contains("<li>1. x / value: 1 → 2 (+1)</li>"))
        #expect(html.contains("<li>- a_b / value: 1 → 2 (+1)</li>"))
        #expect(html.contains("<li># <code>00</code> / count: 1,024 → 978 (−46)</li>"), "\(html)")
        #expect(html.contains("<code>spec.model.observable: `Z0` → *Z1*</code>"))
        #expect(html.contains("<code>old `v`.md</code>"))
        #expect(html.contains("<td><code>e</code></td>\n<td>experiment</td>\n<td>changed</td>"), "\(html)")
        #expect(html.contains("- old\n+ new\n  ```\n  ````\n</code></pre>"), "\(html)")
    }
}
