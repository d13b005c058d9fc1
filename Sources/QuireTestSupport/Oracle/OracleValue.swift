/// An oracle's answer `value · 2^exponent`: the scale keeps ~106 bits even where the result is
/// subnormal, tiny or beyond the `Double` range (exp, pow and atan2 near their edges).
public struct OracleValue: Sendable {
    /// The scaled value, a normal double-double.
    public var value: WideDouble
    /// The power of two the value is scaled by.
    public var exponent: Int

    /// `value · 2^exponent`.
    public init(_ value: WideDouble, exponent: Int = 0) {
        self.value = value
        self.exponent = exponent
    }

    /// The distance from `got` to this value in units in the last place of the value (the spacing of
    /// doubles in its binade, 2^-1074 below the normal range); an infinity counts as ±2^1024, and is the
    /// only answer within 1 ulp of a value of magnitude 2^1024 or more. Below 1
    /// means faithfully rounded, at most ½ correctly rounded.
    public func ulpError(_ got: Double) -> Double { abs(signedUlpError(got)) }

    /// `got` minus this value, in units in the last place of the value (see `ulpError`).
    public func signedUlpError(_ got: Double) -> Double {
        if got.isNaN { return .nan }
        let hi = value.hi
        if hi == 0 { return got == 0 ? 0 : got.sign == .minus ? -.infinity : .infinity }
        var binade = Int(hi.exponent) + exponent
        if hi.significandBitPattern == 0 && value.lo != 0 && (value.lo < 0) != (hi < 0) { binade -= 1 }
        if binade >= 1024 {  // beyond the largest double by more than half its ulp: only ±inf is right
            return got.isInfinite && got.sign == hi.sign ? 0 : (hi < 0 ? .infinity : -.infinity)
        }
        let ulpExponent = max(binade, -1022) - 52
        let candidate = got.isInfinite ? Double(sign: got.sign, exponent: 1024 - exponent, significand: 1) : got.timesPowerOfTwo(-exponent)
        let difference = (candidate - hi) - value.lo
        return difference / Double(sign: .plus, exponent: ulpExponent - exponent, significand: 1)
    }
}
