extension Oracle {
    /// ln Γ(x) for finite x > 0. Near the zeros at 1 and 2 (|x − 1|, |x − 2| < 1/32) the series
    /// ln Γ(1 + ε) = −γε + Σ (−1)^k ζ(k) ε^k / k (and ln Γ(2 + ε) = ln Γ(1 + ε) + ln(1 + ε)), which
    /// keeps the relative precision; elsewhere ln Γ(x) = ln Γ(x + n) − ln(x(x + 1)…(x + n − 1)) with
    /// x + n ≥ 30 and Stirling's series to B_28 there.
    public static func logGamma(_ x: Double) -> OracleValue {
        if abs(x - 1) < 1.0 / 32 { return OracleValue(logGammaOnePlus(x - 1)) }
        if abs(x - 2) < 1.0 / 32 { return OracleValue(logGammaOnePlus(x - 2) + Oracle.log1p(x - 2).flattened) }
        if x >= 30 { return OracleValue(stirling(WideDouble(x))) }
        let shift = 30 - Int(x)
        var product = WideDouble(x)
        for i in 1..<shift { product = product * WideDouble.twoSum(x, Double(i)) }
        return OracleValue(stirling(WideDouble.twoSum(x, Double(shift))) - logWide(product))
    }

    /// ln Γ(1 + ε) for |ε| < 1/32, by the ζ series to ε^24.
    static func logGammaOnePlus(_ epsilon: Double) -> WideDouble {
        var sum = WideDouble(0)
        for k in (2...24).reversed() {
            let term = OracleConstants.zeta[k - 2] / Double(k)
            sum = sum * epsilon + (k % 2 == 0 ? term : -term)
        }
        return (sum * epsilon - OracleConstants.eulerGamma) * epsilon
    }

    /// Stirling: ln Γ(z) = (z − ½) ln z − z + ½ ln 2π + Σ B_2k / (2k(2k − 1) z^(2k−1)), z ≥ 30
    /// (the first term left out is below 10^-37 of the result).
    static func stirling(_ z: WideDouble) -> WideDouble {
        let logZ = logWide(z)
        let halfLogTwoPi = logWide(OracleConstants.pi.scaled(by: 1)).scaled(by: -1)
        var result = (z - WideDouble(0.5)) * logZ - z + halfLogTwoPi
        if z.hi > 0x1p60 { return result }
        let inverse = WideDouble(1) / z
        let inverseSquare = inverse * inverse
        var power = inverse
        for k in 1...14 {
            result = result + OracleConstants.bernoulliNumber(k) * power / Double(2 * k * (2 * k - 1))
            power = power * inverseSquare
        }
        return result
    }
}
