extension Elementary {
    static let halfPi = DoubleDouble(0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54)
    /// π/2 in four pieces, the first three of 33 bits (so k·piece is exact for |k| < 2^20): 152 bits.
    static let halfPiParts = (0x1.921fb54400000p+0, 0x1.0b4611a600000p-34, 0x1.3198a2e000000p-69, 0x1.b839a252049c1p-104)
    /// Below this, Cody–Waite reduction with `halfPiParts`; above, Payne–Hanek with `twoOverPiBits`.
    static let codyWaiteLimit = 0x1p20
    /// The bits of 2/π, 64 a word, after one word of zeros (the padding lets a reduction read the
    /// bits before the first): enough for every finite double (make_elementary_constants.py).
    static let twoOverPiBits: [UInt64] = [
        0x0, 0xa2f9_836e_4e44_1529, 0xfc27_57d1_f534_ddc0, 0xdb62_9599_3c43_9041, 0xfe51_63ab_debb_c561,
        0xb724_6e3a_424d_d2e0, 0x0649_2eea_09d1_921c, 0xfe1d_eb1c_b129_a73e, 0xe882_35f5_2ebb_4484,
        0xe99c_7026_b45f_7e41, 0x3991_d639_8353_39f4, 0x9c84_5f8b_bdf9_283b, 0x1ff8_97ff_de05_980f,
        0xef2f_118b_5a0a_6d1f, 0x6d36_7ecf_27cb_09b7, 0x4f46_3f66_9e5f_ea2d, 0x7527_bac7_ebe5_f17b,
        0x3d07_39f7_8a52_92ea, 0x6bfb_5fb1_1f8d_5d08, 0x5603_3046_fc7b_6bab, 0xf0cf_bc20_9af4_361d,
        0xa9e3_9161_5ee6_1b08,
    ]

    /// x = n·π/2 + r with |r| ≤ π/4 (a hair more at the rounding boundary), r as a double-double
    /// with a relative error below 2^-60 even next to a multiple of π/2, n modulo 4; for finite x.
    static func reduceQuarterTurns(_ x: Double) -> (quadrant: Int, r: DoubleDouble) {
        let magnitude = abs(x)
        if magnitude <= 0.25 * .pi { return (0, DoubleDouble(x)) }
        if magnitude < codyWaiteLimit {
            let k = nearestInteger(x * (2 / .pi))
            let a = x - k * halfPiParts.0  // exact: k·part is, and the difference is (Sterbenz)
            let first = DoubleDouble.sum(a, -k * halfPiParts.1)
            let second = DoubleDouble.sum(first.hi, -k * halfPiParts.2)
            let r = DoubleDouble.sum(second.hi, second.lo + first.lo - k * halfPiParts.3)
            return (Int(k) & 3, r)
        }
        let (quadrant, r) = payneHanek(magnitude)
        return x < 0 ? (-quadrant & 3, -r) : (quadrant, r)
    }

    /// Payne–Hanek reduction of x ≥ 2^20: x = M·2^E with a 53-bit integer M, and only the 192 bits
    /// of 2/π that can reach x·2/π mod 4 with 126 fraction bits are multiplied in (exact integer
    /// arithmetic), so the remainder is right for x up to the largest double.
    static func payneHanek(_ x: Double) -> (Int, DoubleDouble) {
        let mantissa = x.significandBitPattern | 1 << 52
        let e = Int(x.exponent) - 52
        // Bits of 2/π with weight 2^-i, i ≤ E − 2, give multiples of 4: skip them (q counts the padding).
        let q = e - 2 + 64
        let chunk = (0..<3).map { word(twoOverPiBits, atBit: q + 64 * $0) }
        // M × chunk = R3:R2:R1:R0, and x·2/π ≡ that × 2^-190 (mod 4): units at bit 62 of R2.
        let p2 = mantissa.multipliedFullWidth(by: chunk[2])
        let p1 = mantissa.multipliedFullWidth(by: chunk[1])
        let p0 = mantissa.multipliedFullWidth(by: chunk[0])
        let r0 = p2.low
        let (r1, carry1) = p2.high.addingReportingOverflow(p1.low)
        let r2 = p1.high &+ p0.low &+ (carry1 ? 1 : 0)
        var quadrant = Int(r2 >> 62)
        var high = r2 << 2 | r1 >> 62
        var low = r1 << 2 | r0 >> 62
        var sign = 1.0
        if high >= 1 << 63 {  // fraction ≥ ½: round the quarter turns up, the remainder is negative
            quadrant += 1
            sign = -1
            low = ~low &+ 1
            high = ~high &+ (low == 0 ? 1 : 0)
        }
        // The fraction high:low × 2^-128 as a double-double, then × π/2.
        let shift = high.leadingZeroBitCount
        let top = shift == 0 ? high : high << shift | low >> (64 - shift)
        let rest = low << shift
        let scale = Double(sign: .plus, exponent: -64 - shift, significand: 1)
        let hi = Double(top & ~0x7FF) * scale
        let lo = (Double(top & 0x7FF) + Double(rest >> 11) * 0x1p-53) * scale
        let fraction = DoubleDouble.fastSum(hi, lo)
        return (quadrant & 3, halfPi * fraction * sign)
    }

    /// The 64 bits of `words` starting `bit` bits in (bit 0 = the first word's top bit).
    static func word(_ words: [UInt64], atBit bit: Int) -> UInt64 {
        let index = bit / 64
        let shift = bit % 64
        return shift == 0 ? words[index] : words[index] << shift | words[index + 1] >> (64 - shift)
    }
}
