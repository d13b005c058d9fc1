import OrderedCollections
import QuireCore

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

    /// The record `json` wrote, read back (from a document's appendix or a cache entry); `nil`
    /// when it is not one. Input hashes are not read: they are recomputed from the values.
    init?(json: CanonicalJSON) {
        guard case .string(let id)? = json["id"], case .string(let kind)? = json["kind"], let spec = json["spec"],
            let seed = json["seed"]?.unsignedValue, case .string(let resultSHA256)? = json["result_sha256"]
        else { return nil }
        self.init(id: id, kind: kind, spec: spec, seed: seed)
        switch json["engine"] {
        case .string(let engine)?: self.engine = engine
        case .null?, nil: break
        default: return nil
        }
        guard case .object(let members) = json else { return nil }
        for key in members.keys where key.hasSuffix("_sha256") && key != "spec_sha256" && key != "result_sha256" {
            let name = String(key.dropLast("_sha256".count))
            inputs[name] = members[name] ?? .null
        }
        switch json["details"] {
        case .object(let details)?: self.details = details
        case nil: break
        default: return nil
        }
        if let figures = json["figures"] {
            guard case .array(let paths) = figures else { return nil }
            self.figures = paths.compactMap { if case .string(let path) = $0 { path } else { nil } }
        }
        self.resultSHA256 = resultSHA256
    }
}
