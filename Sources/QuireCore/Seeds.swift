/// Seed derivation: a block's effective seed is a pure function of the document seed and its id.
public enum Seeds {
    /// The document seed used when the front matter gives none; written out in provenance.
    public static let defaultDocumentSeed: UInt64 = 0

    /// The effective seed of the block `blockID` in a document seeded `documentSeed`:
    /// the first 8 bytes (big-endian) of SHA-256 of a versioned, NUL-separated record, so adding,
    /// removing or reordering other blocks never changes it.
    public static func blockSeed(documentSeed: UInt64, blockID: String) -> UInt64 {
        let record = "quire/block-seed/v1\u{0}\(documentSeed)\u{0}\(blockID)"
        return Hashing.sha256(Array(record.utf8)).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
