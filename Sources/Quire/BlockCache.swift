import Foundation
import OrderedCollections
import QuireCore

/// A content-addressed cache of block results in `.quire/cache/` beside the document.
///
/// The key is the SHA-256 of everything a result depends on: Quire's version and the executable's
/// build ID (`BuildFingerprint`: a rebuilt binary never reuses results of older code), the block's id and
/// kind, its canonical spec, effective seed and resolved inputs, and the document settings that
/// shape its region (precision, figures folder). An entry stores its own SHA-256; a corrupt or
/// truncated entry fails that check and is recomputed, never trusted. `quire check` never reads it.
public struct BlockCache: Sendable {
    /// The cache folder, e.g. `paper-folder/.quire/cache`.
    public let folder: String
    /// Failures injected into entry writes (tests).
    let faults: WriteFaults

    /// Most bytes one entry may have before it is ignored (a guard against a planted huge file).
    static let maxEntryBytes = 256 << 20

    /// The cache of documents in `documentFolder`, its writes subject to `faults`.
    public init(documentFolder: String, faults: WriteFaults = .none) {
        folder = URL(fileURLWithPath: documentFolder).appendingPathComponent(".quire/cache").path
        self.faults = faults
    }

    /// The key of `record` (before execution) in a document with `settings`. The `vN` prefix
    /// changes whenever what a block records changes (v2: experiment records carry `loss_curve`;
    /// v3: and `points`, each sweep point's and repeat's own results, stored as `StoredJSON` so key
    /// order and every digit come back), so older entries are never reused.
    static func key(_ record: BlockRecord, settings: DocumentSettings, build: String? = BuildFingerprint.current) -> String {
        var text = "quire-cache/v3\u{0}\(QuireVersion.current)\u{0}\(record.id)\u{0}\(record.kind)\u{0}\(record.spec.compact())\u{0}\(record.seed)"
        text += "\u{0}build=\(build ?? "")"
        for (name, value) in record.inputs { text += "\u{0}\(name)=\(value.compact())" }
        text += "\u{0}\(settings.precision)\u{0}\(settings.figures)"
        return Hashing.sha256Hex(Array(text.utf8))
    }

    /// The cached result for `key`, or nil when absent, unreadable or corrupt.
    func load(_ key: String, record: BlockRecord) -> BlockResult? {
        let path = entryPath(key)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size <= Self.maxEntryBytes,
            let data = FileManager.default.contents(atPath: path),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key, entry.checksum == entry.computedChecksum
        else { return nil }
        var record = record
        record.engine = entry.engine
        record.details = OrderedDictionary(entry.details.map { ($0.name, $0.value.value) }, uniquingKeysWith: { first, _ in first })
        return BlockResult(markdown: entry.markdown, figures: entry.figures.map { Figure(fileName: $0.name, svg: $0.svg) }, record: record)
    }

    /// Stores `result` under `key`, atomically: an entry is whole or absent, never partial.
    ///
    /// - Throws: a `LocatedError` naming the entry and the system's reason (a full disk, a read-only
    ///   folder); the caller reports it as a warning, since the cache is only an optimisation.
    func store(_ key: String, result: BlockResult) throws {
        var entry = Entry(
            key: key, markdown: result.markdown, figures: result.figures.map { .init(name: $0.fileName, svg: $0.svg) },
            engine: result.record.engine, details: result.record.details.map { .init(name: $0.key, value: StoredJSON($0.value)) }, checksum: "")
        entry.checksum = entry.computedChecksum
        let data = try JSONEncoder().encode(entry)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw LocatedError(
                nil, "cannot create the cache folder \(folder): \((error as NSError).localizedDescription)",
                hint: "check that the document's folder is writable, or pass --no-cache")
        }
        try AtomicFile.write([UInt8](data), to: entryPath(key), faults: faults)
    }

    /// Deletes every entry.
    public func clean() throws {
        if FileManager.default.fileExists(atPath: folder) { try FileManager.default.removeItem(atPath: folder) }
    }

    private func entryPath(_ key: String) -> String { folder + "/" + key + ".json" }

    /// One cached result, self-checking.
    private struct Entry: Codable {
        struct File: Codable {
            var name: String
            var svg: String
        }
        struct Detail: Codable {
            var name: String
            var value: StoredJSON
        }
        var key: String
        var markdown: String
        var figures: [File]
        var engine: String?
        var details: [Detail]
        var checksum: String

        /// SHA-256 over every field but the checksum.
        var computedChecksum: String {
            var text = key + "\u{0}" + markdown + "\u{0}" + (engine ?? "") + "\u{0}"
            for file in figures { text += file.name + "\u{0}" + file.svg + "\u{0}" }
            for detail in details { text += detail.name + "\u{0}" + detail.value.value.compact() + "\u{0}" }
            return Hashing.sha256Hex(Array(text.utf8))
        }
    }
}

extension CanonicalJSON: Encodable {
    /// Writes the value as JSON (object keys in their order).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .unsigned(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let members):
            var container = encoder.container(keyedBy: MemberKey.self)
            for (key, value) in members { try container.encode(value, forKey: MemberKey(stringValue: key)) }
        }
    }

    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
