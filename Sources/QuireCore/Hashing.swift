import Crypto

/// SHA-256 helpers: content hashes in provenance, region markers and seed derivation.
public enum Hashing {
    /// The SHA-256 digest of `bytes` as 64 lowercase hex digits.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// The SHA-256 digest of the UTF-8 bytes of `text` as 64 lowercase hex digits.
    public static func sha256Hex(_ text: String) -> String {
        sha256Hex(Array(text.utf8))
    }

    /// The SHA-256 digest of `bytes` as raw bytes.
    public static func sha256(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        Array(SHA256.hash(data: Array(bytes)))
    }

    /// The first 8 hex digits of the SHA-256 of `bytes`: the short hash of region markers.
    public static func shortHash(_ bytes: some Sequence<UInt8>) -> String {
        String(sha256Hex(bytes).prefix(8))
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
