extension Elementary {
    /// x^y with C99's special cases (pow(x, ±0) = 1, pow(1, y) = 1, negative x only for integer y, …),
    /// error < 1 ulp. Computed as e^(y·ln|x|) with ln|x| and the product as hi + lo, the rest in doubles.
    public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        if x.isNaN || y.isNaN { return .nan }
        let magnitude = abs(x)
        if y.isInfinite {
            if magnitude == 1 { return 1 }
            return (magnitude < 1) == (y < 0) ? .infinity : 0
        }
        let integer = y.rounded(.towardZero) == y
        let odd = integer && abs(y) < 0x1p53 && Int64(y) & 1 == 1
        let sign: Double = x.sign == .minus && odd ? -1 : 1
        if x == 0 || x.isInfinite {
            // |x|^y is 0 or +inf; the sign follows x's for odd integer y.
            return sign * ((x == 0) == (y < 0) ? .infinity : 0)
        }
        if x < 0 && !integer { return .nan }
        let log = logDoubleDouble(magnitude)
        let exponent = DoubleDouble.product(y, log.hi)
        if exponent.hi > expOverflow + 1 { return sign * .infinity }
        if exponent.hi < expUnderflow - 1 { return sign * 0 }
        let t = DoubleDouble.fastSum(exponent.hi, exponent.lo + y * log.lo)
        if t.hi > expOverflow { return sign * .infinity }
        if t.hi < expUnderflow { return sign * 0 }
        let (scale, tail, k) = expReduced(t.hi, t.lo)
        return sign * scaled(scale + scale * tail, by: k)
    }
}
