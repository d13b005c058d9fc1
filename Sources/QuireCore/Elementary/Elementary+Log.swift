extension Elementary {
    static let invLn10 = DoubleDouble(0x1.bcb7b1526e50ep-2, 0x1.95355baaafad3p-57)
    /// ln 2 as hi + lo for log: hi a multiple of 2^-42, so k·hi is exact for |k| < 2^11 and a multiple of 2^-43.
    static let ln2Hi = 0x1.62e42fefa3800p-1
    static let ln2Lo = 0x1.ef35793c76730p-45
    /// log's argument x = 2^k·z with z in [0.6875, 1.375): the bits of 0.6875, subtracted to find k and the interval.
    static let logOffset: UInt64 = 0x3FE6_0000_0000_0000

    /// The natural logarithm, error < 1 ulp (about 0.5): −inf at ±0, NaN below 0.
    public static func log(_ x: Double) -> Double {
        if let special = logSpecialCase(x) { return special }
        return logFinite(x)
    }

    /// The base-10 logarithm, error < 1 ulp.
    public static func log10(_ x: Double) -> Double {
        if let special = logSpecialCase(x) { return special }
        return (logDoubleDouble(x) * invLn10).value
    }

    /// ln(1 + x), accurate also for tiny x, error < 1 ulp: −inf at −1, NaN below −1.
    public static func log1p(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x == -1 { return -.infinity }
        if x < -1 { return .nan }
        if abs(x) < 0x1p-54 { return x }
        // 1 + x = u + c exactly; ln(u + c) = ln u + c/u to far below an ulp.
        let u = DoubleDouble.sum(1, x)
        let log = logDoubleDouble(u.hi)
        return DoubleDouble.fastSum(log.hi, log.lo + u.lo / u.hi).value
    }

    /// log's answer where it is not a finite positive argument's, else nil.
    static func logSpecialCase(_ x: Double) -> Double? {
        if x.isNaN || x == .infinity { return x }
        if x == 0 { return -.infinity }
        if x < 0 { return .nan }
        return nil
    }

    /// ln x with an error below 0.51 ulp for finite x > 0: `logReduced`'s parts summed in doubles, the
    /// square term rounded too (it stays below 2^-8 of the result).
    @inline(__always)
    static func logFinite(_ x: Double) -> Double {
        let (t, r, lo) = logReduced(x)
        return t.hi + ((t.lo + lo) + r * r * (-0.5 + r * logTaylorFromCubic(r)))
    }

    /// ln x as a normalised hi + lo with a relative error below 2^-67, for finite x > 0 (pow needs the
    /// extra bits: an error δ in ln x becomes y·δ in the exponent): `logReduced`'s parts and −r²/2
    /// exactly (r split so that its head's square is exact), the rest of the series in doubles.
    @inline(__always)
    static func logDoubleDouble(_ x: Double) -> DoubleDouble {
        let (t, r, lo) = logReduced(x)
        let (head, rest) = split(r)
        let square = DoubleDouble.fastSum(t.hi, -0.5 * head * head)  // exact: head has 26 bits
        let small = -0.5 * rest * (r + head) + r * r * r * logTaylorFromCubic(r)
        return DoubleDouble.fastSum(square.hi, ((t.lo + lo) + square.lo) + small)
    }

    /// ln x = t.hi + t.lo + lo + ln(1 + r) for finite x > 0, t exact and |lo| < 2^-40: x = 2^k·z with z in
    /// [0.6875, 1.375), ln x = k·ln2 − ln invc + ln(1 + r) with r = z·invc − 1 (`logTable`, |r| ≤ 2^-7).
    /// r is exact without a fused multiply-add: z = head + rest with head of 45 bits, head·invc and
    /// rest·invc are exact (invc has 8 bits), head·invc − 1 too (Sterbenz), and so is their sum, a
    /// multiple of 2^-60 below 2^-7. k·ln2Hi + logcHi is exact, and so is t = that + r (|that| ≥ |r| unless 0).
    @inline(__always)
    static func logReduced(_ x: Double) -> (t: DoubleDouble, r: Double, lo: Double) {
        var bits = x.bitPattern
        var k = 0
        if bits < 0x0010_0000_0000_0000 {  // subnormal: make it normal first
            bits = (x * 0x1p52).bitPattern
            k = -52
        }
        let offset = bits &- logOffset
        k += Int(Int64(bitPattern: offset) >> 52)
        let i = 3 * Int((offset >> 45) & 127)
        let zBits = bits &- (offset & 0xFFF0_0000_0000_0000)
        let head = Double(bitPattern: zBits & ~0xFF)
        let rest = Double(bitPattern: zBits) - head
        let invc = logTable[i]
        let r = (head * invc - 1) + rest * invc
        let kd = Double(k)
        let w = kd * ln2Hi + logTable[i + 1]
        return (DoubleDouble.fastSum(w, r), r, kd * ln2Lo + logTable[i + 2])
    }

    /// (ln(1 + r) − r + r²/2)/r³ = 1/3 − r/4 + r²/5 − … − r⁷/10: with it the series reaches r¹⁰ (the
    /// r¹¹ term is below 2^-73 of the result for |r| ≤ 2^-7).
    @inline(__always)
    static func logTaylorFromCubic(_ r: Double) -> Double {
        let even = 1.0 / 3 + r * r * (1.0 / 5 + r * r * (1.0 / 7 + r * r * (1.0 / 9)))
        let odd = -1.0 / 4 + r * r * (-1.0 / 6 + r * r * (-1.0 / 8 + r * r * (-1.0 / 10)))
        return even + r * odd
    }
}
