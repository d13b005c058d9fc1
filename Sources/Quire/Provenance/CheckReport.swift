import QuireCore
import QuireMarkdown

/// What `quire check` found for one document: a status per block, figure and appendix findings.
public struct CheckReport: Sendable {
    /// How a block's recorded result relates to what its current source computes.
    public enum Status: String, Sendable, CaseIterable {
        /// Recorded result equals a fresh run (or, with `--stale`, its recorded inputs are current).
        case identical
        /// Same inputs, different result: the paper does not reproduce.
        case differs
        /// The block's spec, seed or referenced inputs changed since the recorded run.
        case stale
        /// No recorded result: the block was never run.
        case new
        /// The region was edited by hand after it was generated.
        case edited
    }

    /// One block's finding.
    public struct Block: Sendable {
        /// The block id.
        public var id: String
        /// The block kind.
        public var kind: String
        /// Its status.
        public var status: Status
        /// Unified diff of the region, recorded (`-`) against fresh (`+`), when both exist and differ.
        public var diff: [String]
    }

    /// The document checked.
    public var file: String
    /// Every block, in document order.
    public var blocks: [Block]
    /// Other findings: figures, the appendix, text outside the regions.
    public var notes: [String]

    /// True when nothing differs.
    public var isClean: Bool { notes.isEmpty && blocks.allSatisfy { $0.status == .identical } }

    /// The report for a terminal or a log: one line per block, diffs indented.
    public func text() -> String {
        var lines: [String] = []
        for block in blocks {
            lines.append("\(file): \(block.id): \(block.status.rawValue)")
            lines += block.diff.map { "    " + $0 }
        }
        lines += notes.map { "\(file): \($0)" }
        if blocks.isEmpty && notes.isEmpty { lines.append("\(file): identical") }
        return lines.joined(separator: "\n")
    }

    /// The report as Markdown fit for a pull-request comment; the file name and notes are escaped
    /// (`MarkdownText`) and each region diff fenced so that none of its lines can close the fence.
    public func markdown() -> String {
        var text = "### \(MarkdownText.codeSpan(file))\n\n| block | kind | status |\n| --- | --- | --- |\n"
        for block in blocks { text += "| `\(block.id)` | \(block.kind) | \(block.status.rawValue) |\n" }
        for block in blocks where !block.diff.isEmpty {
            text += "\n<details><summary><code>\(block.id)</code>: \(block.status.rawValue)</summary>\n\n"
            text += MarkdownText.fencedCode(block.diff, info: "diff") + "\n</details>\n"
        }
        if !notes.isEmpty { text += "\n" + notes.map { "- \(MarkdownText.escaped($0))" }.joined(separator: "\n") + "\n" }
        return text
    }

    /// The report as JSON.
    public func json() -> CanonicalJSON {
        .object([
            "file": .string(file),
            "clean": .bool(isClean),
            "blocks": .array(
                blocks.map { block in
                    .object([
                        "id": .string(block.id), "kind": .string(block.kind), "status": .string(block.status.rawValue),
                        "diff": .array(block.diff.map(CanonicalJSON.string)),
                    ])
                }),
            "notes": .array(notes.map(CanonicalJSON.string)),
        ])
    }
}

extension CheckReport {
    /// Compares a document as recorded with a fresh evaluation of it, block by block.
    static func compare(plan: Notebook.Plan, fresh freshDocument: QuireDocument, file: String) -> CheckReport {
        let recorded = plan.document
        let fresh = freshDocument.source.bytes
        let provenance = RecordedProvenance(recorded)
        let bytes = recorded.source.bytes
        var blocks: [Block] = []
        for (block, prepared) in plan.blocks {
            let old = recorded.regions.first { $0.id == block.id }
            let new = freshDocument.regions.first { $0.id == block.id }
            let before = old.map { String(decoding: bytes[$0.contentRange], as: UTF8.self) }
            let after = new.map { String(decoding: freshDocument.source.bytes[$0.contentRange], as: UTF8.self) }
            let status: Status
            if old == nil || provenance.blocks[block.id] == nil {
                status = .new
            } else if old!.isEdited(in: bytes) {
                status = .edited
            } else if let digest = try? prepared.get().inputDigest, digest != InputDigest(record: provenance.blocks[block.id]!) {
                status = .stale
            } else {
                status = before == after ? .identical : .differs
            }
            let diff =
                status == .new || before == after
                ? []
                : LineDiff.unified(
                    old: Self.lines(before ?? ""), new: Self.lines(after ?? ""))
            blocks.append(Block(id: block.id, kind: block.kind.rawValue, status: status, diff: diff))
        }
        var notes: [String] = []
        if provenance.quireVersion != nil, provenance.quireVersion != QuireVersion.current {
            notes.append("recorded with Quire \(provenance.quireVersion!), checked with \(QuireVersion.current)")
        }
        let recordedAppendix = recorded.provenance.map { Array(bytes[$0.contentRange]) }
        let freshAppendix = freshDocument.provenance.map { Array(freshDocument.source.bytes[$0.contentRange]) }
        if recordedAppendix != freshAppendix && blocks.allSatisfy({ $0.status == .identical }) {
            notes.append("provenance appendix differs from a fresh run")
        }
        if fresh != bytes && notes.isEmpty && blocks.allSatisfy({ $0.status == .identical }) {
            notes.append("document differs from a fresh run outside the output regions (a stale or misplaced region)")
        }
        return CheckReport(file: file, blocks: blocks, notes: notes)
    }

    /// Compares recorded input digests with current ones, executing nothing (`check --stale`).
    static func staleness(plan: Notebook.Plan, file: String) -> CheckReport {
        let provenance = RecordedProvenance(plan.document)
        let blocks = plan.blocks.map { block, prepared in
            let recorded = provenance.blocks[block.id]
            let hasRegion = plan.document.regions.contains { $0.id == block.id }
            let status: Status
            if recorded == nil || !hasRegion {
                status = .new
            } else if let region = plan.document.regions.first(where: { $0.id == block.id }), region.isEdited(in: plan.document.source.bytes) {
                status = .edited
            } else {
                status = (try? prepared.get().inputDigest) == InputDigest(record: recorded!) ? .identical : .stale
            }
            return Block(id: block.id, kind: block.kind.rawValue, status: status, diff: [])
        }
        var notes: [String] = []
        if let version = provenance.quireVersion, version != QuireVersion.current {
            notes.append("recorded with Quire \(version); this is Quire \(QuireVersion.current)")
        }
        return CheckReport(file: file, blocks: blocks, notes: notes)
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }
}
