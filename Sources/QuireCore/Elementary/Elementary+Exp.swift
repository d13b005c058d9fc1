extension Elementary {
    /// ln 2/128 as hi + lo, hi of 35 significant bits (so k·hi is exact for |k| < 2^18), and 128/ln 2:
    /// exp's reduction x = k·ln2/128 + r.
    static let ln2Over128Hi = 0x1.62e42fef80000p-8
    static let ln2Over128Lo = 0x1.1cf79abc9e3b4p-43
    static let invLn2Times128 = 0x1.71547652b82fep+7
    /// Beyond these, exp(x) rounds to +inf or to +0.
    static let expOverflow = 709.782_712_893_383_973_096
    static let expUnderflow = -745.133_219_101_941_108_42

    /// 1/k! for k = 3…17: the Taylor tail of e^x − 1 − x − x²/2 for expm1's |x| ≤ ln2/2 (the k = 17 term is < 2^-60).
    static let expTaylorFromCubic: [Double] = (3...17).map { k in (1...k).reduce(1.0) { $0 / Double($1) } }

    /// e^x, error < 1 ulp (about 0.51); +inf above 709.78, +0 below −745.13.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > expOverflow { return .infinity }
        if x < expUnderflow { return 0 }
        let (scale, tail, k) = expReduced(x, 0)
        return scaled(scale + scale * tail, by: k)
    }

    /// e^x − 1, accurate also for tiny x (where `exp(x) − 1` loses every digit), error < 1 ulp.
    public static func expm1(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > expOverflow { return .infinity }
        if x < -38 { return -1 }  // e^-38 < ½ ulp(1): the result rounds to −1
        let magnitude = abs(x)
        if magnitude < 0x1p-54 { return x }
        if magnitude <= 0x1.62e42fefa39efp-2 {  // ln2/2
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

    /// e^(hi + lo) = (result.0) · 2^(result.1), the mantissa part as a double-double with a relative
    /// error below 2^-59, for |hi| ≤ 746 and |lo| ≤ 2^-40 (expm1's and tanh's subtractions need it).
    static func expParts(_ hi: Double, _ lo: Double) -> (DoubleDouble, Int) {
        let (scale, tail, k) = expReduced(hi, lo)
        return (DoubleDouble.fastSum(scale, scale * tail), k)
    }

    /// e^(hi + lo) = scale·(1 + tail)·2^k, tail with an absolute error below 2^-59.9, for |hi| ≤ 746 and
    /// |lo| ≤ 2^-40. Reduction x = (128m + j)·ln2/128 + r with |r| ≤ ln2/256 (x − k·ln2Over128Hi is exact:
    /// the product is, and the difference is a multiple of 2^-61 below 2^-8), scale·(1 + t) = 2^(j/128)
    /// from `expTable`, and e^r − 1 by Taylor to r⁵ (r⁶/720 < 2^-60.6; t·(e^r − 1) < 2^-61.5 is left out).
    /// No double-double and no fused operation: the only rounding that matters is the caller's last one.
    @inline(__always)
    static func expReduced(_ hi: Double, _ lo: Double) -> (scale: Double, tail: Double, k: Int) {
        let kd = nearestInteger(hi * invLn2Times128)
        let n = Int(kd)
        let r = ((hi - kd * ln2Over128Hi) - kd * ln2Over128Lo) + lo
        let j = 2 * (n & 127)
        let r2 = r * r
        let poly = r + r2 * (1.0 / 2 + r * (1.0 / 6)) + (r2 * r2) * (1.0 / 24 + r * (1.0 / 120))
        return (expTable[j], expTable[j + 1] + poly, n >> 7)
    }
}
