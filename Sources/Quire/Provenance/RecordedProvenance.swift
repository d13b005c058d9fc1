import QuireMarkdown

/// What a document's provenance appendix says about its last run, read back for `quire check`,
/// `quire diff`, the exports and figure clean-up: the records `ProvenanceAppendix` wrote, each
/// read by `BlockRecord(json:)`, the one reader of the record.
///
/// The appendix is untrusted text: anything unreadable is treated as absent, never as an error.
struct RecordedProvenance {
    /// The Quire version that wrote the appendix.
    var quireVersion: String?
    /// Recorded blocks by id.
    var blocks: [String: BlockRecord]
    /// The recorded document settings (seed, precision, figures folder).
    var settings: CanonicalJSON?

    /// The record in `document`'s appendix; empty when there is none or it cannot be read.
    init(_ document: QuireDocument) {
        quireVersion = nil
        blocks = [:]
        settings = nil
        guard let region = document.provenance else { return }
        let text = String(decoding: document.source.bytes[region.contentRange], as: UTF8.self)
        guard let start = text.range(of: "```json"), let end = text.range(of: "```", range: start.upperBound..<text.endIndex),
            let record = try? CanonicalJSON(parsing: text[start.upperBound..<end.lowerBound]), case .array(let entries)? = record["blocks"]
        else { return }
        if case .string(let version)? = record["quire_version"] { quireVersion = version }
        settings = record["document"]
        for entry in entries {
            guard let block = BlockRecord(json: entry) else { continue }
            blocks[block.id] = block
        }
    }

    /// The figure paths recorded inside `folder`: only `.svg` files (and a circuit block's compiled
    /// `.qasm`) directly in it, so an edited appendix can never name another file for deletion.
    func figures(inside folder: String) -> [String] {
        blocks.keys.sorted().flatMap { blocks[$0]!.figures }.filter { path in
            let name = path.dropFirst(folder.count + 1)
            return path.hasPrefix(folder + "/") && (path.hasSuffix(".svg") || path.hasSuffix(".qasm")) && !name.contains("/") && !name.hasPrefix(".")
        }
    }
}
