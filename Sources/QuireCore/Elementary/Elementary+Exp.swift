extension Elementary {
    /// ln 2 as hi + lo; `ln2Hi` has 32 significant bits, so k·ln2Hi is exact for |k| < 2^21.
    static let ln2Hi = 0x1.62e42fee00000p-1
    static let ln2Lo = 0x1.a39ef35793c76p-33
    static let ln2 = DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)
    /// Beyond these, exp(x) rounds to +inf or to +0.
    static let expOverflow = 709.782_712_893_383_973_096
    static let expUnderflow = -745.133_219_101_941_108_42

    /// 1/k! for k = 2…17: the Taylor tail of e^r − 1 − r, |r| ≤ ln2/2 (the k = 17 term is < 2^-60).
    static let expTaylor: [Double] = (2...17).map { k in (1...k).reduce(1.0) { $0 / Double($1) } }
    static let expTaylorFromCubic = Array(expTaylor.dropFirst())

    /// e^x, error < 1 ulp; +inf above 709.78, +0 below −745.13.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > expOverflow { return .infinity }
        if x < expUnderflow { return 0 }
        let (e, k) = expParts(x, 0)
        return scaled(e.value, by: k)
    }

    /// e^x − 1, accurate also for tiny x (where `exp(x) − 1` loses every digit), error < 1 ulp.
    public static func expm1(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > expOverflow { return .infinity }
        if x < -38 { return -1 }  // e^-38 < ½ ulp(1): the result rounds to −1
        let magnitude = abs(x)
        if magnitude < 0x1p-54 { return x }
        if magnitude <= 0.5 * ln2.hi {
            // x + x²/2 + x³(1/6 + x/24 + …): the quadratic term exact, the rest under 0.2 of the result.
            let square = DoubleDouble.product(x, x)
            let cubic = x * x * x * polynomial(x, expTaylorFromCubic)
            return x + (0.5 * square.hi + (0.5 * square.lo + cubic))
        }
        let (e, k) = expParts(x, 0)
        if k > 56 { return scaled(e.value, by: k) }  // −1 is below a sixteenth of an ulp
        let power = scaled(1, by: k)
        let shifted = DoubleDouble.sum(e.hi * power, -1)
        return shifted.hi + (shifted.lo + e.lo * power)
    }

    /// e^(hi + lo) = (result.0) · 2^(result.1), the mantissa part unrounded, for |hi| ≤ 746 and
    /// |lo| ≤ ulp(hi). Cody–Waite reduction r = x − k·ln2 in double-double, then Taylor on |r| ≤ ln2/2.
    static func expParts(_ hi: Double, _ lo: Double) -> (DoubleDouble, Int) {
        let k = (hi * (1 / ln2.hi)).rounded()
        let r = DoubleDouble.sum(hi - k * ln2Hi, -k * ln2Lo)  // hi − k·ln2Hi is exact (Sterbenz)
        let rLo = r.lo + lo
        let tail = r.hi * r.hi * polynomial(r.hi, expTaylor)
        let one = DoubleDouble.fastSum(1, r.hi)
        // e^(r.hi + rLo) ≈ e^(r.hi) · (1 + rLo).
        let low = one.lo + (tail + rLo * (one.hi + tail))
        return (DoubleDouble.fastSum(one.hi, low), Int(k))
    }
}
