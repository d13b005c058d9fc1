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
        #expect(b.metrics == ["all qubits · depolarizing · one_qubit / value: 0.001 → 0.004 (+0.003)"])
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

    @Test(
        arguments: [("0.877 ± 0.016", 0.877), ("1,024", 1024), ("−0.5", -0.5), ("`00`", nil), ("0.9667 [0.8232, 1.0000]", 0.9667)]
            as [(String, Double?)])
    func tableCellsReadAsNumbers(cell: String, value: Double?) {
        #expect(RegionTables.number(cell) == value)
    }

    /// An interval cut at 1 (`mean [lower, upper]`) is still a number with a spread, not row text.
    @Test func cutIntervalsReadAsNumbersWithTheirLongerSide() {
        #expect(RegionTables.halfWidth("0.9500 [0.8500, 1.0000]") == 0.95 - 0.85)
        let cells = RegionTables("| model | test accuracy |\n| --- | --: |\n| mlp | 0.9500 [0.8500, 1.0000] |\n").cells
        #expect(cells.map(\.name) == ["mlp / test accuracy"])
    }

    @Test func deltasAreComparedWithTheRepeatsSpread() throws {
        let old = "| model | test accuracy |\n| --- | --: |\n| vqc | 0.800 ± 0.050 |\n| svm | 0.900 ± 0.010 |\n"
        let new = "| model | test accuracy |\n| --- | --: |\n| vqc | 0.830 ± 0.040 |\n| svm | 0.950 ± 0.010 |\n"
        let wrap = Self.region
        let diff = try DocumentDiff.compare(old: Array(wrap(old).utf8), named: "a", new: Array(wrap(new).utf8), named: "b")
        #expect(
            diff.blocks[0].metrics == [
                "vqc / test accuracy: 0.800 ± 0.050 → 0.830 ± 0.040 (+0.03, within the repeats' 95% interval)",
                "svm / test accuracy: 0.900 ± 0.010 → 0.950 ± 0.010 (+0.05, beyond the repeats' 95% interval)",
            ])
    }

    /// A sweep table's rows are named by their swept values (the `quoted` columns), which are not
    /// metrics themselves, so each point's change is reported under its own name.
    @Test func sweepRowsAreNamedByTheirSweptValues() throws {
        let old = "| `train.epochs` | vqc |\n| --: | --: |\n| 2 | 0.700 |\n| 4 | 0.800 |\n"
        let new = "| `train.epochs` | vqc |\n| --: | --: |\n| 2 | 0.700 |\n| 4 | 0.850 |\n"
        let wrap = Self.region
        #expect(RegionTables(old).cells.map(\.name) == ["train.epochs=2 / vqc", "train.epochs=4 / vqc"])
        let diff = try DocumentDiff.compare(old: Array(wrap(old).utf8), named: "a", new: Array(wrap(new).utf8), named: "b")
        #expect(diff.blocks[0].metrics == ["train.epochs=4 / vqc: 0.800 → 0.850 (+0.05)"])
    }

    @Test func identicalVersionsHaveNoChanges() throws {
        let document = try run(Self.version1)
        let diff = try DocumentDiff.compare(old: document, named: "a.md", new: document, named: "b.md")
        #expect(!diff.hasChanges)
        #expect(diff.text().hasSuffix("no differences"))
    }

    /// A count that moved by 46 printed `(−46.0)`: whole-number deltas print as whole numbers.
    @Test func countDeltasPrintAsWholeNumbers() throws {
        let old = "| outcome | count |\n| --- | --: |\n| `00` | 1,024 |\n| `11` | 976 |\n"
        let new = "| outcome | count |\n| --- | --: |\n| `00` | 978 |\n| `11` | 1,022 |\n"
        let wrap = Self.region
        let diff = try DocumentDiff.compare(old: Array(wrap(old).utf8), named: "a", new: Array(wrap(new).utf8), named: "b")
        #expect(diff.blocks[0].metrics == ["`00` / count: 1,024 → 978 (−46)", "`11` / count: 976 → 1,022 (+46)"])
        #expect(DocumentDiff.delta(0.02 - 0.01) == "0.01")
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
