import QuireCore

/// One unit of an experiment's work: one repeat of one sweep point, a pure function of its
/// canonical spec. Local runs and Slurm workers compute and cache the same units, so a block is
/// always assembled from them the same way, wherever they ran.
public struct PointUnit: Sendable, Hashable {
    /// The experiment block's id.
    public var block: String
    /// The sweep point, from 0 (0 without a sweep).
    public var point: Int
    /// The repeat, from 0.
    public var repeatIndex: Int
    /// Everything the unit's result depends on: the block's id and seed, the point's resolved spec,
    /// the block's resolved inputs and the repeat.
    public var spec: CanonicalJSON
    /// The unit's cache key: SHA-256 of `spec` with Quire's version and build (`BuildFingerprint`).
    public var key: String

    /// The unit of repeat `repeatIndex` of point `point` of `record`'s block, whose resolved spec is `pointSpec`.
    init(record: BlockRecord, point: Int, repeatIndex: Int, pointSpec: CanonicalJSON, build: String? = BuildFingerprint.current) {
        block = record.id
        self.point = point
        self.repeatIndex = repeatIndex
        spec = .object([
            "block": .string(record.id), "seed": .unsigned(record.seed), "point": pointSpec, "inputs": .object(record.inputs),
            "repeat": .integer(Int64(repeatIndex)),
        ])
        // `quire-point/vN` changes whenever what a unit stores changes (`StoredRepeat`).
        let text = "quire-point/v1\u{0}\(QuireVersion.current)\u{0}build=\(build ?? "")\u{0}\(spec.compact())"
        key = Hashing.sha256Hex(Array(text.utf8))
    }
}
