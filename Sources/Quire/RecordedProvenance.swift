import Foundation
import QuireMarkdown

/// What a document's provenance appendix says about its last run, read back for `quire check`,
/// the cache and figure clean-up.
///
/// The appendix is untrusted text: anything unreadable is treated as absent, never as an error.
struct RecordedProvenance {
    /// One block as recorded.
    struct Block {
        /// The block kind.
        var kind: String
        /// Hashes of the inputs it ran with.
        var digest: InputDigest
        /// Figure paths it wrote, relative to the document.
        var figures: [String]
        /// SHA-256 of its region and figures.
        var resultSHA256: String
        /// The canonical spec it ran with.
        var spec: CanonicalJSON
        /// Its resolved inputs (noise profile, dataset) by name.
        var inputs: [String: CanonicalJSON]
        /// The engine that ran, if any.
        var engine: String?
        /// What execution determined besides the region (e.g. an experiment's `loss_curve`).
        var details: [String: CanonicalJSON] = [:]
    }

    /// The Quire version that wrote the appendix.
    var quireVersion: String?
    /// Recorded blocks by id.
    var blocks: [String: Block]
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
            let record = try? JSONDecoder().decode(Record.self, from: Data(text[start.upperBound..<end.lowerBound].utf8))
        else { return }
        quireVersion = record.quireVersion
        settings = record.document
        for block in record.blocks {
            blocks[block.id] = Block(
                kind: block.kind, digest: InputDigest(specSHA256: block.specSHA256, seed: block.seed, inputs: block.inputs),
                figures: block.figures, resultSHA256: block.resultSHA256, spec: block.spec,
                inputs: block.inputValues, engine: block.engine, details: block.details)
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

    private struct Record: Decodable {
        var quireVersion: String?
        var document: CanonicalJSON?
        var blocks: [RecordBlock]

        private enum CodingKeys: String, CodingKey {
            case quireVersion = "quire_version"
            case document, blocks
        }
    }

    private struct RecordBlock: Decodable {
        var id: String
        var kind: String
        var seed: UInt64
        var specSHA256: String
        var resultSHA256: String
        var figures: [String]
        var inputs: [String: String]
        var spec: CanonicalJSON
        var inputValues: [String: CanonicalJSON]
        var engine: String?
        var details: [String: CanonicalJSON]

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            id = try container.decode(String.self, forKey: Key(stringValue: "id"))
            kind = try container.decode(String.self, forKey: Key(stringValue: "kind"))
            seed = try container.decode(UInt64.self, forKey: Key(stringValue: "seed"))
            specSHA256 = try container.decode(String.self, forKey: Key(stringValue: "spec_sha256"))
            resultSHA256 = try container.decode(String.self, forKey: Key(stringValue: "result_sha256"))
            figures = try container.decodeIfPresent([String].self, forKey: Key(stringValue: "figures")) ?? []
            spec = try container.decode(CanonicalJSON.self, forKey: Key(stringValue: "spec"))
            engine = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "engine"))
            details = try container.decodeIfPresent([String: CanonicalJSON].self, forKey: Key(stringValue: "details")) ?? [:]
            var inputs: [String: String] = [:]
            for key in container.allKeys
            where key.stringValue.hasSuffix("_sha256")
                && key.stringValue != "spec_sha256" && key.stringValue != "result_sha256"
            {
                inputs[String(key.stringValue.dropLast("_sha256".count))] = try container.decode(String.self, forKey: key)
            }
            self.inputs = inputs
            var values: [String: CanonicalJSON] = [:]
            for name in inputs.keys { values[name] = try container.decodeIfPresent(CanonicalJSON.self, forKey: Key(stringValue: name)) ?? .null }
            inputValues = values
        }
    }
}
