import Foundation
import QuireCore
import QuireMarkdown
import QuireReport

/// What changed between two versions of a paper, block by block, and why: the inputs each block
/// recorded (spec keys with defaults resolved, seed, noise profile, dataset, Quire version), its
/// results (an experiment's recorded numbers paired by sweep point and model key; another block's
/// recorded numbers by name), its text and figures, and what did not change. Read from the documents alone;
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
        /// Only the region's text differs, and its hash says it was edited by hand after it was
        /// generated: not a change of the results.
        case edited = "edited by hand"
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
        /// Changes of the block's results, one line each: an experiment's metrics from its records
        /// (`ResultComparison`: `test accuracy of quantum: 0.8 → 0.85 (+0.05)`, one line for a change
        /// at several sweep points), another block's recorded numbers (`outcome 01 / probability: 0.5 → 0.25 (−0.25)`).
        public var metrics: [String]
        /// Unified diff of the region text.
        public var region: [String]
        /// Whether the figures changed (result hash differs while the text does not tell it all).
        public var figuresChanged: Bool
        /// Whether the new version's region was edited by hand (its hash does not match).
        public var edited = false
        /// What did not change in a changed block: models, spec sections, resolved inputs.
        public var unchanged: [String] = []
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
        let edited = after.isEdited(id)
        var metrics: [String] = []
        var unchanged: [String] = []
        if let old, let new, let oldResults = ExperimentResults(json: old.details["points"]),
            let newResults = ExperimentResults(json: new.details["points"])
        {
            let comparison = ResultComparison(old: oldResults, new: newResults, format: after.format)
            metrics = comparison.changes
            if !comparison.unchangedModels.isEmpty { unchanged.append("models " + comparison.unchangedModels.joined(separator: ", ")) }
        } else if let old, let new {
            metrics = recordedChanges(old: old, new: new)
        }
        if let old, let new {
            let oldSections = Dictionary(sections(old), uniquingKeysWith: { first, _ in first }), newSections = sections(new)
            let same = newSections.filter { oldSections[$0.key] == $0.value }.map(\.key)
            if !same.isEmpty { unchanged.append(same.joined(separator: ", ")) }
        }
        let region = oldText == newText ? [] : LineDiff.unified(old: lines(oldText), new: lines(newText))
        let figuresChanged = oldText == newText && old != nil && new != nil && old!.resultSHA256 != new!.resultSHA256
        let change: Change
        if inputs.isEmpty && region.isEmpty && !figuresChanged {
            change = .unchanged
        } else if edited && inputs.isEmpty && metrics.isEmpty && !figuresChanged {
            change = .edited
        } else {
            change = .changed
        }
        return Block(
            id: id, kind: kind, change: change, inputs: inputs, metrics: metrics, region: region, figuresChanged: figuresChanged,
            edited: edited, unchanged: change == .changed ? unchanged : [])
    }

    /// The changes of the numbers the records of a block that records no experiment points hold
    /// (circuit, noise and device blocks; `BlockRecord.resultNumbers`), paired by name.
    private static func recordedChanges(old: BlockRecord, new: BlockRecord) -> [String] {
        let before = Dictionary(old.resultNumbers.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        return new.resultNumbers.compactMap { name, value in
            guard let previous = before[name], previous != value else { return nil }
            return "\(name): \(delta(previous)) → \(delta(value)) (\(value >= previous ? "+" : "−")\(delta(abs(value - previous))))"
        }
    }

    /// A record's inputs by the name a reader knows them by: each section of its spec (`dataset`,
    /// `model`, `train`; across a sweep's points, the section at every point), then each resolved
    /// input (`noise`, `dataset`) as `name (resolved)`.
    private static func sections(_ record: BlockRecord) -> [(key: String, value: CanonicalJSON)] {
        var sections: [(key: String, value: CanonicalJSON)] = []
        if case .array(let points)? = record.spec["points"], case .object(let first)? = points.first {
            sections = first.keys.map { key in (key, .array(points.map { $0[key] ?? .null })) }
        } else if case .object(let members) = record.spec {
            sections = members.map { ($0.key, $0.value) }
        }
        return sections + record.inputs.map { ("\($0.key) (resolved)", $0.value) }
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

        /// Whether block `id`'s region no longer matches the hash in its closing marker.
        func isEdited(_ id: String) -> Bool {
            document.regions.first { $0.id == id }?.isEdited(in: document.source.bytes) ?? false
        }

        /// Numbers as the document prints them, at its recorded precision.
        var format: NumberFormat {
            let precision = provenance.settings?["precision"]?.unsignedValue.map { Int(clamping: $0) } ?? NumberFormat.defaultPrecision
            let range = NumberFormat.precisionRange
            return NumberFormat(precision: min(max(precision, range.lowerBound), range.upperBound))
        }
    }
}
