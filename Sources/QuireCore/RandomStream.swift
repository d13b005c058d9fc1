import Foundation

/// A keyed stream of random numbers: every value is a pure function of (seed, purpose, index).
///
/// Streams are addressed, not consumed: `uniform(at: i)` never depends on which other indices were
/// read, so parallel workers can draw their own indices and still produce the same result as a
/// single thread. The seed is Philox's key; the purpose (hashed) and the index fill the counter.
@frozen
public struct RandomStream: Hashable, Sendable {
    /// The 64-bit seed this stream is keyed by.
    public let seed: UInt64
    /// A 64-bit tag naming what the numbers are for (derived from a purpose string).
    public let purposeTag: UInt64

    /// A stream for `purpose` (e.g. `"shots"`, `"trajectories"`) under `seed`.
    public init(seed: UInt64, purpose: String) {
        self.seed = seed
        self.purposeTag = Self.tag(purpose)
    }

    /// A stream with an explicit purpose tag.
    @inlinable
    public init(seed: UInt64, purposeTag: UInt64) {
        self.seed = seed
        self.purposeTag = purposeTag
    }

    /// A stream for a sub-purpose of this one, e.g. trajectory 17 of the trajectory stream.
    public func substream(_ purpose: String) -> RandomStream {
        let digest = Hashing.sha256(Array("\(purposeTag):\(purpose)".utf8))
        return RandomStream(seed: seed, purposeTag: Self.word(digest))
    }

    /// A stream for the sub-purpose numbered `index` (repeats, trajectories, folds).
    @inlinable
    public func substream(index: UInt64) -> RandomStream {
        let mixed = Philox4x32.block(
            counter: (
                UInt32(truncatingIfNeeded: index), UInt32(truncatingIfNeeded: index >> 32),
                UInt32(truncatingIfNeeded: purposeTag), UInt32(truncatingIfNeeded: purposeTag >> 32)
            ),
            key: (0x5155_4952, 0x4553_5542))
        return RandomStream(seed: seed, purposeTag: UInt64(mixed.0) | UInt64(mixed.1) << 32)
    }

    /// The four 32-bit words of block `index`.
    @inlinable
    public func words(at index: UInt64) -> (UInt32, UInt32, UInt32, UInt32) {
        Philox4x32.block(
            counter: (
                UInt32(truncatingIfNeeded: index), UInt32(truncatingIfNeeded: index >> 32),
                UInt32(truncatingIfNeeded: purposeTag), UInt32(truncatingIfNeeded: purposeTag >> 32)
            ),
            key: (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)))
    }

    /// A 64-bit value for `index` (the first two words of block `index`).
    @inlinable
    public func uint64(at index: UInt64) -> UInt64 {
        let w = words(at: index)
        return UInt64(w.0) | UInt64(w.1) << 32
    }

    /// A uniform double in [0, 1) with 53 random bits, for `index`.
    @inlinable
    public func uniform(at index: UInt64) -> Double {
        Double(uint64(at: index) >> 11) * 0x1.0p-53
    }

    /// A standard normal deviate for `index` (Box–Muller on the block's two 53-bit halves).
    public func normal(at index: UInt64) -> Double {
        let w = words(at: index)
        let a = UInt64(w.0) | UInt64(w.1) << 32
        let b = UInt64(w.2) | UInt64(w.3) << 32
        let u1 = (Double(a >> 11) + 0.5) * 0x1.0p-53  // in (0, 1): log is finite
        let u2 = Double(b >> 11) * 0x1.0p-53
        return (-2 * Elementary.log(u1)).squareRoot() * Elementary.cos(2 * Double.pi * u2)
    }

    /// A sequential generator reading this stream from index 0, for algorithms that need one.
    public func generator() -> StreamGenerator { StreamGenerator(stream: self) }

    static func tag(_ purpose: String) -> UInt64 {
        word(Hashing.sha256(Array(purpose.utf8)))
    }

    static func word(_ digest: [UInt8]) -> UInt64 {
        digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}

/// A `RandomNumberGenerator` that reads a `RandomStream` at indices 0, 1, 2, …: deterministic,
/// and independent of every other stream. Use it where a standard algorithm wants a generator.
public struct StreamGenerator: RandomNumberGenerator, Sendable {
    /// The stream read.
    public let stream: RandomStream
    /// The next index to read.
    public private(set) var index: UInt64 = 0

    /// A generator positioned at index 0 of `stream`.
    public init(stream: RandomStream) { self.stream = stream }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        defer { index &+= 1 }
        return stream.uint64(at: index)
    }

    /// The next uniform double in [0, 1).
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
