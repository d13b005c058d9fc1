import Testing

@testable import QuireCore

/// Philox4x32-10 against the Random123 known-answer vectors (random123/tests/kat_vectors,
/// the three `philox4x32 10` lines: counter, key, expected output).
struct PhiloxTests {
    struct Vector: Sendable {
        var counter: (UInt32, UInt32, UInt32, UInt32)
        var key: (UInt32, UInt32)
        var expected: [UInt32]
    }

    static let vectors: [Vector] = [
        Vector(
            counter: (0, 0, 0, 0), key: (0, 0),
            expected: [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8]),
        Vector(
            counter: (.max, .max, .max, .max), key: (.max, .max),
            expected: [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]),
        Vector(
            counter: (0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344), key: (0xa409_3822, 0x299f_31d0),
            expected: [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1]),
    ]

    @Test(arguments: 0..<3)
    func knownAnswer(index: Int) {
        let v = Self.vectors[index]
        let out = Philox4x32.block(counter: v.counter, key: v.key)
        #expect([out.0, out.1, out.2, out.3] == v.expected)
    }

    @Test func streamIsAddressedNotConsumed() {
        let stream = RandomStream(seed: 42, purpose: "shots")
        let forward = (0..<100).map { stream.uniform(at: UInt64($0)) }
        let backward = (0..<100).reversed().map { stream.uniform(at: UInt64($0)) }
        #expect(forward == backward.reversed())
        #expect(forward.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(RandomStream(seed: 42, purpose: "noise").uniform(at: 0) != forward[0])
        #expect(RandomStream(seed: 43, purpose: "shots").uniform(at: 0) != forward[0])
    }

    @Test func uniformMomentsMatchTheory() {
        // 100k draws: the mean of U(0,1) is 1/2 with standard error 1/sqrt(12 n) ≈ 9.1e-4; allow 5σ.
        let stream = RandomStream(seed: 7, purpose: "moments")
        let n = 100_000
        let mean = (0..<n).reduce(0.0) { $0 + stream.uniform(at: UInt64($1)) } / Double(n)
        #expect(abs(mean - 0.5) < 5 * 9.2e-4)
    }

    @Test func blockSeedsAreStableAndDistinct() {
        let a = Seeds.blockSeed(documentSeed: 20_261_125, blockID: "bell")
        #expect(a == Seeds.blockSeed(documentSeed: 20_261_125, blockID: "bell"))
        #expect(a != Seeds.blockSeed(documentSeed: 20_261_125, blockID: "ghz"))
        #expect(a != Seeds.blockSeed(documentSeed: 20_261_126, blockID: "bell"))
    }
}
