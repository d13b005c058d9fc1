import Foundation
import QuireCore

/// The results of experiment units (`PointUnit`) in a document's cache folder, beside the block
/// results: `<key>.json`, authenticated with the same per-user `CacheKey`, so a worker on another
/// node that shares the folder and the key stores what the run then trusts, and nobody else can.
struct PointCache: Sendable {
    /// The block cache whose folder, key and write faults the units share.
    let cache: BlockCache

    /// The stored outcome of `unit`, or `nil` when absent, corrupt or not authenticated.
    func load(_ unit: PointUnit) -> ExperimentRunner.RepeatOutcome? { load(key: unit.key) }

    /// The stored outcome of the unit with `key`, or `nil` when absent, corrupt or not authenticated.
    func load(key: String) -> ExperimentRunner.RepeatOutcome? {
        guard let bytes = RegularFile.read(path(key), limit: BlockCache.maxEntryBytes),
            let entry = try? JSONDecoder().decode(Entry.self, from: Data(bytes)), entry.key == key,
            let encoded = try? Self.encoded(entry.outcome), entry.checksum == code(key: key, encoded)
        else { return nil }
        return entry.outcome.outcome
    }

    /// Whether `unit` has an authenticated result.
    func contains(_ unit: PointUnit) -> Bool { load(unit) != nil }

    /// Stores `outcome` as `unit`'s result, atomically, mode 0644.
    ///
    /// - Throws: a `LocatedError` naming the entry and the system's reason.
    func store(_ unit: PointUnit, outcome: ExperimentRunner.RepeatOutcome) throws {
        let stored = StoredRepeat(outcome)
        let entry = Entry(key: unit.key, outcome: stored, checksum: code(key: unit.key, try Self.encoded(stored)))
        try AtomicFile.createFolder(cache.folder, named: "the cache folder", hint: "check that the document's folder is writable, or pass --no-cache")
        try AtomicFile.write([UInt8](try JSONEncoder().encode(entry)), to: path(unit.key), keepingMode: false, faults: cache.faults)
    }

    /// The path of the entry with `key`.
    func path(_ key: String) -> String { cache.folder + "/" + key + ".json" }

    /// The outcome's bytes as authenticated: JSON with sorted keys (every number an integer, so
    /// encoding it again after reading gives the same bytes).
    private static func encoded(_ outcome: StoredRepeat) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return [UInt8](try encoder.encode(outcome))
    }

    /// The HMAC under the user's key of `key` and the outcome's bytes, each prefixed with its length.
    private func code(key: String, _ outcome: [UInt8]) -> String {
        cache.secret.authenticationCode(Array("\(key.utf8.count):\(key)\(outcome.count):".utf8) + outcome)
    }

    /// One stored unit.
    private struct Entry: Codable {
        var key: String
        var outcome: StoredRepeat
        var checksum: String
    }
}
