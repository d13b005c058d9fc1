import OrderedCollections
import QuireCore

/// What running one block produced: the Markdown of its output region, its figures, and the
/// provenance record from which the result can be rebuilt.
public struct BlockResult: Sendable {
    /// The region's Markdown, lines separated by `\n`.
    public var markdown: String
    /// SVG figures, written to the document's figures folder.
    public var figures: [Figure]
    /// Everything provenance records about this block.
    public var record: BlockRecord

    /// Creates a result.
    public init(markdown: String, figures: [Figure] = [], record: BlockRecord) {
        self.markdown = markdown
        self.figures = figures
        self.record = record
    }
}

/// A figure file produced by a block, named `<block>-<name>.svg` in slugs (`FigureName`).
public struct Figure: Sendable, Hashable {
    /// File name inside the figures folder.
    public var fileName: String
    /// The SVG text.
    public var svg: String

    /// Creates a figure.
    public init(fileName: String, svg: String) {
        self.fileName = fileName
        self.svg = svg
    }
}

/// The provenance of one block (DESIGN §6): its inputs fully resolved, and digests of its result.
public struct BlockRecord: Sendable, Hashable {
    /// The block id.
    public var id: String
    /// The block kind.
    public var kind: String
    /// The canonical spec with every default filled in.
    public var spec: CanonicalJSON
    /// The effective seed.
    public var seed: UInt64
    /// The engine that ran, when the block simulates.
    public var engine: String?
    /// Further resolved inputs (noise profile, encoding, dataset), by name.
    public var inputs: OrderedDictionary<String, CanonicalJSON>
    /// What execution determined besides the region: data digests, chosen hyperparameters, grids.
    public var details: OrderedDictionary<String, CanonicalJSON> = [:]
    /// Figure paths relative to the document, set by the notebook after execution.
    public var figures: [String] = []
    /// SHA-256 of the region's Markdown and figure bytes, set by the notebook after execution.
    public var resultSHA256: String = ""

    /// Creates a record.
    public init(
        id: String, kind: String, spec: CanonicalJSON, seed: UInt64, engine: String? = nil,
        inputs: OrderedDictionary<String, CanonicalJSON> = [:]
    ) {
        self.id = id
        self.kind = kind
        self.spec = spec
        self.seed = seed
        self.engine = engine
        self.inputs = inputs
    }

    /// SHA-256 of the compact canonical spec.
    public var specSHA256: String { Hashing.sha256Hex(spec.compact()) }

    /// SHA-256 of the compact canonical form of input `name`.
    public func inputSHA256(_ name: String) -> String { Hashing.sha256Hex(inputs[name]?.compact() ?? "") }

    /// The record as JSON for the machine-readable appendix.
    var json: CanonicalJSON {
        var object: OrderedDictionary<String, CanonicalJSON> = [
            "id": .string(id), "kind": .string(kind), "seed": .unsigned(seed),
            "engine": engine.map(CanonicalJSON.string) ?? .null,
            "spec": spec, "spec_sha256": .string(specSHA256),
        ]
        for (key, value) in inputs {
            object[key] = value
            object[key + "_sha256"] = .string(inputSHA256(key))
        }
        if !details.isEmpty { object["details"] = .object(details) }
        object["figures"] = .array(figures.map(CanonicalJSON.string))
        object["result_sha256"] = .string(resultSHA256)
        return .object(object)
    }
}
