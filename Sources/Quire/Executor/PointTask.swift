import Foundation
import QuireCore

/// A unit of work handed to `quire worker`: the file `<key>.task` that a run writes into the
/// document's cache folder for each unit it leaves to a cluster. It names the unit (document,
/// block, sweep point, repeat), its key and canonical spec (for people reading it), and the limits
/// of the run; the worker plans the document itself and refuses a unit whose key no longer matches.
/// The file is authenticated with the user's cache key (`CacheKey`), like cache entries, so whoever
/// can write the cache folder but not read the key can neither raise the limits a worker applies
/// nor point a worker at another document.
public struct PointTask: Codable, Sendable, Hashable {
    /// The document, an absolute path.
    public var document: String
    /// The experiment block's id.
    public var block: String
    /// The sweep point, from 0.
    public var point: Int
    /// The repeat, from 0.
    public var repeatIndex: Int
    /// The unit's cache key (`PointUnit.key`).
    public var key: String
    /// The unit's canonical spec, compact JSON.
    public var spec: String
    /// The run's limits (`--max-memory-gib` and the rest), which the worker applies too.
    public var memoryBytes: Int
    public var shots: Int
    public var sweepPoints: Int
    public var circuitEvaluations: Int
    public var baselineOperations: Int
    /// The HMAC-SHA256 of every other field under the user's cache key.
    public var checksum: String

    /// The task of `unit` of the document at `document` run under `limits`, authenticated with `secret`.
    init(unit: PointUnit, document: String, limits: Limits, secret: CacheKey) {
        self.document = document
        block = unit.block
        point = unit.point
        repeatIndex = unit.repeatIndex
        key = unit.key
        spec = unit.spec.compact()
        memoryBytes = limits.memoryBytes
        shots = limits.shots
        sweepPoints = limits.sweepPoints
        circuitEvaluations = limits.circuitEvaluations
        baselineOperations = limits.baselineOperations
        checksum = ""
        checksum = authenticationCode(secret)
    }

    /// The HMAC-SHA256 under `secret` of every field but the checksum, each prefixed with its
    /// length, so no two different tasks authenticate the same text.
    func authenticationCode(_ secret: CacheKey) -> String {
        let fields = [
            document, block, "\(point)", "\(repeatIndex)", key, spec, "\(memoryBytes)", "\(shots)", "\(sweepPoints)",
            "\(circuitEvaluations)", "\(baselineOperations)",
        ]
        return secret.authenticationCode(fields: fields)
    }

    /// The limits the task runs under.
    var limits: Limits {
        var limits = Limits()
        limits.memoryBytes = memoryBytes
        limits.shots = shots
        limits.sweepPoints = sweepPoints
        limits.circuitEvaluations = circuitEvaluations
        limits.baselineOperations = baselineOperations
        return limits
    }

    /// The task in the file at `path`, checked against `secret`.
    ///
    /// - Throws: a `LocatedError` when the file cannot be read, is not a task, or was not written
    ///   under `secret` (changed by hand, or written by another user).
    public static func read(_ path: String, secret: CacheKey) throws -> PointTask {
        guard let bytes = RegularFile.read(path, limit: 16 << 20) else {
            throw LocatedError(nil, "cannot read the point task \(path)", hint: "check that the cache folder is shared with this node")
        }
        let task: PointTask
        do { task = try JSONDecoder().decode(PointTask.self, from: Data(bytes)) } catch {
            throw LocatedError(nil, "\(path) is not a point task", hint: "a point task is a <key>.task file that quire run wrote")
        }
        guard task.checksum == task.authenticationCode(secret) else {
            throw LocatedError(
                nil, "the point task \(path) was not written under your cache key (it was changed, or written by another user)",
                hint: "run quire run --executor slurm again, which writes the tasks anew; workers must share the key (QUIRE_CACHE_KEY)")
        }
        return task
    }
}
