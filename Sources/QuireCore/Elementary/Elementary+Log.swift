extension Elementary {
    static let sqrt2 = 0x1.6a09e667f3bcdp+0
    static let twoThirds = DoubleDouble(0x1.5555555555555p-1, 0x1.5555555555555p-55)
    /// 2/(2k+1) for k = 2…12: 2·atanh(s) = 2s + (2/3)s³ + s⁵·P(s²), |s| ≤ 0.172 (the k = 12 term is < 2^-70).
    static let atanhTaylor: [Double] = (2...12).map { 2 / Double(2 * $0 + 1) }
    static let invLn10 = DoubleDouble(0x1.bcb7b1526e50ep-2, 0x1.95355baaafad3p-57)

    /// The natural logarithm, error < 1 ulp: −inf at ±0, NaN below 0.
    public static func log(_ x: Double) -> Double {
        if let special = logSpecialCase(x) { return special }
        return logDoubleDouble(x).value
    }

    /// The base-10 logarithm, error < 1 ulp (exact at powers of ten within the range).
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

    /// ln x as a double-double with a relative error below 2^-66, for finite x > 0 (pow needs the
    /// extra bits: an error δ in ln x becomes y·δ in the exponent). x = 2^k·m with m in [√½, √2),
    /// ln m = 2·atanh(s), s = (m − 1)/(m + 1), the first two terms in double-double.
    static func logDoubleDouble(_ x: Double) -> DoubleDouble {
        var m = x
        var k = 0
        if m < 0x1p-1022 {  // subnormal: make it normal first
            m *= 0x1p54
            k = -54
        }
        k += Int(m.exponent)
        m = m.significand
        if m > sqrt2 {
            m *= 0.5
            k += 1
        }
        let f = m - 1  // exact (Sterbenz)
        let denominator = DoubleDouble.fastSum(2, f)
        let s = DoubleDouble(f) / denominator
        let z = s.hi * s.hi
        let cube = s * s * s
        let series = DoubleDouble(s.hi * 2, s.lo * 2) + cube * twoThirds + DoubleDouble(cube.hi * z * polynomial(z, atanhTaylor))
        return ln2 * Double(k) + series
    }
}
