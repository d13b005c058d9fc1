import Foundation
import OrderedCollections
import QuireCore

/// A content-addressed cache of block results in `.quire/cache/` beside the document.
///
/// The key is the SHA-256 of everything a result depends on: Quire's version and the executable's
/// build ID (`BuildFingerprint`: a rebuilt binary never reuses results of older code), the block's id and
/// kind, its canonical spec, effective seed and resolved inputs, and the document settings that
/// shape its region (precision, figures folder). An entry carries an HMAC-SHA256 of its fields
/// under the user's `CacheKey`: a corrupt or truncated entry, and one written or edited by anyone
/// who cannot read that key, fails the check and is recomputed, never trusted. `quire check` never
/// reads the cache.
public struct BlockCache: Sendable {
    /// The cache folder, e.g. `paper-folder/.quire/cache`.
    public let folder: String
    /// The secret that authenticates entries.
    let secret: CacheKey
    /// Failures injected into entry writes (tests).
    let faults: WriteFaults

    /// Most bytes one entry may have before it is ignored (a guard against a planted huge file).
    static let maxEntryBytes = 256 << 20

    /// The cache of documents in `documentFolder`, its entries authenticated with `secret` and its
    /// writes subject to `faults`.
    ///
    /// - Throws: a `LocatedError` when `.quire/cache` leads outside `documentFolder` (a symbolic link).
    public init(documentFolder: String, secret: CacheKey, faults: WriteFaults = .none) throws {
        folder = try Self.folder(documentFolder: documentFolder)
        self.secret = secret
        self.faults = faults
    }

    /// The cache folder of documents in `documentFolder`.
    ///
    /// - Throws: a `LocatedError` when it leads outside `documentFolder` (`.quire` or `.quire/cache`
    ///   a symbolic link to elsewhere): Quire would write there, and `quire cache clean` delete there.
    public static func folder(documentFolder: String) throws -> String {
        try ProjectPath.checkedForWriting(".quire/cache", in: documentFolder, what: "the cache folder")
    }

    /// The key of `record` (before execution) in a document with `settings`. The `vN` prefix
    /// changes whenever what a block records changes, or how an entry is checked (v2: experiment
    /// records carry `loss_curve`; v3: and `points`, each sweep point's and repeat's own results,
    /// stored so key order and every digit come back; v4: entries carry an HMAC instead of a plain
    /// SHA-256; v5: an entry holds the whole record as the appendix writes it, read back by
    /// `BlockRecord(json:)`), so older entries are never reused.
    static func key(_ record: BlockRecord, settings: DocumentSettings, build: String? = BuildFingerprint.current) -> String {
        var text = "quire-cache/v5\u{0}\(QuireVersion.current)\u{0}\(record.id)\u{0}\(record.kind)\u{0}\(record.spec.compact())\u{0}\(record.seed)"
        text += "\u{0}build=\(build ?? "")"
        for (name, value) in record.inputs { text += "\u{0}\(name)=\(value.compact())" }
        text += "\u{0}\(settings.precision)\u{0}\(settings.figures)"
        return Hashing.sha256Hex(Array(text.utf8))
    }

    /// The cached result for `key`, or nil when absent, unreadable, corrupt or not authenticated
    /// by the user's key (a symbolic link in place of an entry is never followed).
    func load(_ key: String, record: BlockRecord) -> BlockResult? {
        guard let bytes = RegularFile.read(entryPath(key), limit: Self.maxEntryBytes),
            let entry = try? JSONDecoder().decode(Entry.self, from: Data(bytes)), entry.key == key,
            entry.checksum == entry.authenticationCode(secret), let json = try? CanonicalJSON(parsing: entry.record),
            let stored = BlockRecord(json: json)
        else { return nil }
        var record = record
        record.engine = stored.engine
        record.details = stored.details
        return BlockResult(markdown: entry.markdown, figures: entry.figures.map { Figure(fileName: $0.name, svg: $0.svg) }, record: record)
    }

    /// Stores `result` under `key`, atomically (an entry is whole or absent, never partial), mode 0644.
    ///
    /// - Throws: a `LocatedError` naming the entry and the system's reason (a full disk, a read-only
    ///   folder); the caller reports it as a warning, since the cache is only an optimisation.
    func store(_ key: String, result: BlockResult) throws {
        var entry = Entry(
            key: key, markdown: result.markdown, figures: result.figures.map { .init(name: $0.fileName, svg: $0.svg) },
            record: result.record.json.compact(), checksum: "")
        entry.checksum = entry.authenticationCode(secret)
        let data = try JSONEncoder().encode(entry)
        try AtomicFile.createFolder(folder, named: "the cache folder", hint: "check that the document's folder is writable, or pass --no-cache")
        try AtomicFile.write([UInt8](data), to: entryPath(key), keepingMode: false, faults: faults)
    }

    /// Deletes the entries of the cache of documents in `documentFolder`: only regular files named
    /// as entries or point tasks (`<sha256>.json`, `<sha256>.task`), never a symbolic link or what it points to, then the folder
    /// itself if nothing else is left in it.
    ///
    /// - Returns: the number of entries deleted.
    /// - Throws: a `LocatedError` when the cache folder leads outside `documentFolder`.
    public static func clean(documentFolder: String) throws -> Int {
        let folder = try folder(documentFolder: documentFolder)
        var deleted = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where isEntryName(name) {
            if RegularFile.isRegular(folder + "/" + name), unlink(folder + "/" + name) == 0 { deleted += 1 }
        }
        StaleTemporaries.remove(in: folder)
        rmdir(folder)
        return deleted
    }

    /// Whether `name` is the file name of an entry or of a point task (`PointTask`): 64 lowercase
    /// hex digits and `.json` or `.task`.
    static func isEntryName(_ name: String) -> Bool {
        let stem = name.utf8.dropLast(5)
        return (name.hasSuffix(".json") || name.hasSuffix(".task")) && stem.count == 64
            && stem.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private func entryPath(_ key: String) -> String { folder + "/" + key + ".json" }

    /// One cached result, authenticated.
    private struct Entry: Codable {
        struct File: Codable {
            var name: String
            var svg: String
        }
        var key: String
        var markdown: String
        var figures: [File]
        /// The block's record (`BlockRecord.json`, compact); its figures and result hash are set
        /// by the notebook after every run, cached or not.
        var record: String
        /// The HMAC-SHA256 of every other field under the user's key.
        var checksum: String

        /// The HMAC-SHA256 under `secret` of every field but the checksum, each prefixed with its
        /// length, so no two different entries authenticate the same text.
        func authenticationCode(_ secret: CacheKey) -> String {
            var fields = [key, markdown, record, "\(figures.count)"]
            for file in figures { fields += [file.name, file.svg] }
            return secret.authenticationCode(fields: fields)
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
