import Foundation
import QuireCore
import QuireMarkdown

/// What changed between two versions of a paper, block by block, and why: the inputs each block
/// recorded (spec keys with defaults resolved, seed, noise profile, dataset, Quire version) and its
/// outputs (every number in its tables, its text, its figures). Read from the documents alone;
/// nothing is executed.
public struct DocumentDiff: Sendable {
    /// How a block differs between the versions.
    public enum Change: String, Sendable {
        /// Only in the new version.
        case added
        /// Only in the old version.
        case removed
        /// Inputs or outputs differ.
        case changed
        /// Identical inputs and outputs.
        case unchanged
    }

    /// One block's differences.
    public struct Block: Sendable {
        /// The block id.
        public var id: String
        /// The block kind.
        public var kind: String
        /// The kind of change.
        public var change: Change
        /// Input changes, one `path: old → new` line each.
        public var inputs: [String]
        /// Changes of the numbers in the block's tables, one `name: old → new (Δ)` line each.
        public var metrics: [String]
        /// Unified diff of the region text.
        public var region: [String]
        /// Whether the figures changed (result hash differs while the text does not tell it all).
        public var figuresChanged: Bool
    }

    /// The old document's name.
    public var old: String
    /// The new document's name.
    public var new: String
    /// Document-level changes (Quire version, document seed, precision).
    public var document: [String]
    /// Blocks of the new version in order, then blocks removed from the old one.
    public var blocks: [Block]

    /// Whether anything differs.
    public var hasChanges: Bool { !document.isEmpty || blocks.contains { $0.change != .unchanged } }

    /// Compares two versions of a document.
    ///
    /// - Throws: parse errors of either document, located in it.
    public static func compare(old oldBytes: [UInt8], named oldName: String, new newBytes: [UInt8], named newName: String) throws -> DocumentDiff {
        let before = try Side(bytes: oldBytes, name: oldName)
        let after = try Side(bytes: newBytes, name: newName)
        var document: [String] = []
        Self.compare("quire_version", before.documentRecord["quire_version"], after.documentRecord["quire_version"], into: &document)
        Self.compare("document", before.documentRecord["document"], after.documentRecord["document"], into: &document)
        var blocks: [Block] = []
        for block in after.document.blocks {
            guard let previous = before.document.blocks.first(where: { $0.id == block.id }) else {
                blocks.append(
                    Block(id: block.id, kind: block.kind.rawValue, change: .added, inputs: [], metrics: [], region: [], figuresChanged: false))
                continue
            }
            blocks.append(
                Self.block(
                    id: block.id, kind: previous.kind == block.kind ? block.kind.rawValue : "\(previous.kind.rawValue) → \(block.kind.rawValue)",
                    before: before, after: after))
        }
        for block in before.document.blocks where !after.document.blocks.contains(where: { $0.id == block.id }) {
            blocks.append(
                Block(id: block.id, kind: block.kind.rawValue, change: .removed, inputs: [], metrics: [], region: [], figuresChanged: false))
        }
        return DocumentDiff(old: oldName, new: newName, document: document, blocks: blocks)
    }

    private static func block(id: String, kind: String, before: Side, after: Side) -> Block {
        var inputs: [String] = []
        let old = before.provenance.blocks[id], new = after.provenance.blocks[id]
        switch (old, new) {
        case let (old?, new?):
            compare("seed", .unsigned(old.seed), .unsigned(new.seed), into: &inputs)
            compare("engine", old.engine.map(CanonicalJSON.string), new.engine.map(CanonicalJSON.string), into: &inputs)
            compare("spec", old.spec, new.spec, into: &inputs)
            for name in Set(old.inputs.keys).union(new.inputs.keys).sorted() {
                compare(name, old.inputs[name], new.inputs[name], into: &inputs)
            }
        case (nil, _?): inputs.append("not run in \(before.name)")
        case (_?, nil): inputs.append("not run in \(after.name)")
        case (nil, nil): break
        }
        let oldText = before.region(id), newText = after.region(id)
        var metrics: [String] = []
        let oldCells = Dictionary(RegionTables(oldText).cells.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for cell in RegionTables(newText).cells {
            guard let previous = oldCells[cell.name], previous.value != cell.value else { continue }
            let delta = Self.delta(abs(cell.value - previous.value))
            // Against the run-to-run spread the repeats measured: the larger of the two 95% half-widths.
            var spread = ""
            if let width = [previous.halfWidth, cell.halfWidth].compactMap({ $0 }).max() {
                spread = abs(cell.value - previous.value) <= width ? ", within the repeats' 95% interval" : ", beyond the repeats' 95% interval"
            }
            metrics.append("\(cell.name): \(previous.text) → \(cell.text) (\(cell.value >= previous.value ? "+" : "−")\(delta)\(spread))")
        }
        let region = oldText == newText ? [] : LineDiff.unified(old: lines(oldText), new: lines(newText))
        let figuresChanged = oldText == newText && old != nil && new != nil && old!.resultSHA256 != new!.resultSHA256
        let change: Change = inputs.isEmpty && region.isEmpty && !figuresChanged ? .unchanged : .changed
        return Block(id: id, kind: kind, change: change, inputs: inputs, metrics: metrics, region: region, figuresChanged: figuresChanged)
    }

    /// The size of a change as printed: 12 significant digits, so 0.02 − 0.01 reads `0.01`, not
    /// 0.010000000000000002, and a whole number reads as one (`46`, not `46.0`).
    static func delta(_ magnitude: Double) -> String {
        String(format: "%.12g", magnitude)
    }

    /// Appends `path: old → new` for every scalar that differs between `old` and `new`.
    private static func compare(_ path: String, _ old: CanonicalJSON?, _ new: CanonicalJSON?, into lines: inout [String]) {
        let before = Dictionary((old ?? .null).leaves(prefix: path).map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
        let after = (new ?? .null).leaves(prefix: path)
        for (leaf, value) in after where before[leaf] != value {
            lines.append("\(leaf): \(before[leaf] ?? "absent") → \(value)")
        }
        let present = Set(after.map(\.path))
        for (leaf, value) in (old ?? .null).leaves(prefix: path) where !present.contains(leaf) {
            lines.append("\(leaf): \(value) → absent")
        }
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// One version of the document, parsed.
    private struct Side {
        var name: String
        var document: QuireDocument
        var provenance: RecordedProvenance
        var documentRecord: [String: CanonicalJSON]

        init(bytes: [UInt8], name: String) throws {
            self.name = name
            document = try QuireDocument(bytes: bytes, file: name)
            provenance = RecordedProvenance(document)
            documentRecord = [:]
            if let version = provenance.quireVersion { documentRecord["quire_version"] = .string(version) }
            if let settings = provenance.settings { documentRecord["document"] = settings }
        }

        func region(_ id: String) -> String {
            guard let region = document.regions.first(where: { $0.id == id }) else { return "" }
            return String(decoding: document.source.bytes[region.contentRange], as: UTF8.self)
        }
    }
}
