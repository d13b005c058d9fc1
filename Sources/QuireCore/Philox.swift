/// The Philox4x32-10 counter-based generator (Salmon, Moraes, Dror and Shaw, SC'11).
///
/// A random block is a pure function of a 128-bit counter and a 64-bit key, so a number drawn for
/// "trajectory 17 of block X" is the same whatever ran before it or on whichever thread. Verified
/// against the Random123 known-answer vectors (`tests/kat_vectors`).
@frozen
public enum Philox4x32 {
    @usableFromInline static let multiplier0: UInt32 = 0xD251_1F53
    @usableFromInline static let multiplier1: UInt32 = 0xCD9E_8D57
    @usableFromInline static let weyl0: UInt32 = 0x9E37_79B9
    @usableFromInline static let weyl1: UInt32 = 0xBB67_AE85

    /// The four output words for `counter` under `key`, after 10 rounds.
    @inlinable
    public static func block(
        counter: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32)
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 {
                k.0 &+= weyl0
                k.1 &+= weyl1
            }
            let product0 = UInt64(multiplier0) &* UInt64(c.0)
            let product1 = UInt64(multiplier1) &* UInt64(c.2)
            c = (
                UInt32(truncatingIfNeeded: product1 >> 32) ^ c.1 ^ k.0,
                UInt32(truncatingIfNeeded: product1),
                UInt32(truncatingIfNeeded: product0 >> 32) ^ c.3 ^ k.1,
                UInt32(truncatingIfNeeded: product0)
            )
        }
        return c
    }
}
