/// Reference values of the elementary functions with ~100 correct bits, for testing Quire's own
/// (QuireCore's `Elementary`) to within 1 ulp: double-double algorithms chosen for being easy to
/// check rather than fast, their constants computed from definitions (OracleConstants), validated
/// against mpmath's values (OracleValidationTests). Test code only.
public enum Oracle {
    /// e^r − 1 for |r| ≤ ½: Taylor on r/2^10, then ten doublings e^2s − 1 = 2(e^s − 1) + (e^s − 1)².
    static func expMinusOneReduced(_ r: WideDouble) -> WideDouble {
        let s = r.scaled(by: -10)
        var term = s
        var sum = s
        for n in 2...10 {
            term = term * s / Double(n)
            sum = sum + term
        }
        for _ in 0..<10 { sum = sum.scaled(by: 1) + sum * sum }
        return sum
    }

    /// e^x as m · 2^k with m in about [0.7, 1.5]; arguments beyond ±10^6 are clamped (the result is
    /// far outside the `Double` range either way).
    static func expWide(_ x: WideDouble) -> OracleValue {
        let clamped = max(-1e6, min(1e6, x.hi))
        let k = (clamped / OracleConstants.ln2.hi).rounded()
        let r = (clamped == x.hi ? x : WideDouble(clamped)) - OracleConstants.ln2 * k
        return OracleValue(WideDouble(1) + expMinusOneReduced(r), exponent: Int(k))
    }

    /// ln x for finite x > 0: x = m · 2^k with m in [√½, √2], ln m = 2 atanh(s), s = (m − 1)/(m + 1),
    /// summed to s^51 (|s| ≤ 0.172).
    static func logWide(_ x: Double) -> WideDouble {
        var m = x.significand
        var k = Int(x.exponent)
        if m > 1.414_213_562_373_095_1 {
            m *= 0.5
            k += 1
        }
        return OracleConstants.ln2 * Double(k) + twiceAtanh(WideDouble(m - 1) / WideDouble.twoSum(2, m - 1))
    }

    /// ln(hi + lo) = ln hi + ln(1 + lo/hi), the second to first order (its error (lo/hi)² < 2^-200).
    static func logWide(_ x: WideDouble) -> WideDouble { logWide(x.hi) + WideDouble(x.lo / x.hi) }

    /// 2 atanh(s) = 2 Σ s^(2j+1)/(2j+1) for |s| ≤ 0.2.
    static func twiceAtanh(_ s: WideDouble) -> WideDouble {
        let square = s * s
        var power = s
        var sum = s
        for j in 1...25 {
            power = power * square
            sum = sum + power / Double(2 * j + 1)
        }
        return sum.scaled(by: 1)
    }

    /// e^x.
    public static func exp(_ x: Double) -> OracleValue { expWide(WideDouble(x)) }

    /// e^x − 1, to full relative precision near 0.
    public static func expm1(_ x: Double) -> OracleValue {
        if abs(x) < 0x1p-200 { return tiny(x) }
        if abs(x) <= 0.5 { return OracleValue(expMinusOneReduced(WideDouble(x))) }
        let e = expWide(WideDouble(x))
        if e.exponent > 200 { return e }
        if e.exponent < -200 { return OracleValue(WideDouble(-1)) }
        return OracleValue(e.value.scaled(by: e.exponent) - WideDouble(1))
    }

    /// ln x.
    public static func log(_ x: Double) -> OracleValue { OracleValue(logWide(x)) }

    /// log₁₀ x = ln x / ln 10.
    public static func log10(_ x: Double) -> OracleValue { OracleValue(logWide(x) / logWide(10)) }

    /// ln(1 + x), to full relative precision near 0.
    public static func log1p(_ x: Double) -> OracleValue {
        if abs(x) < 0x1p-200 { return tiny(x) }
        if abs(x) < 0.25 { return OracleValue(twiceAtanh(WideDouble(x) / WideDouble.twoSum(2, x))) }
        return OracleValue(logWide(WideDouble.twoSum(1, x)))
    }

    /// x^y = e^(y ln|x|), negated for negative x and odd integer y (the caller keeps x ≠ 0 finite,
    /// and y an integer where x < 0).
    public static func pow(_ x: Double, _ y: Double) -> OracleValue {
        var result = expWide(logWide(abs(x)) * y)
        if x < 0 && abs(y) < 0x1p53 && Int64(y) & 1 == 1 { result.value = -result.value }
        return result
    }

    /// tanh x = (e^2x − 1)/(e^2x + 1), from expm1 for relative precision near 0.
    public static func tanh(_ x: Double) -> OracleValue {
        if abs(x) < 0x1p-200 { return tiny(x) }
        if abs(x) > 40 { return OracleValue(WideDouble(x < 0 ? -1 : 1)) }  // 1 − tanh 40 < 2^-114
        let e = Oracle.expm1(2 * abs(x)).value
        let result = e / (e + WideDouble(2))
        return OracleValue(x < 0 ? -result : result)
    }

    /// x itself, scaled into the normal range: f(x) for |x| < 2^-200 where f(x) = x(1 + O(x²)).
    static func tiny(_ x: Double) -> OracleValue {
        OracleValue(WideDouble(x.timesPowerOfTwo(600)), exponent: -600)
    }
}
