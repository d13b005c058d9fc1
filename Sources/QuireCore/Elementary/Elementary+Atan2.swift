extension Elementary {
    static let pi = DoubleDouble(0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53)
    /// atan(j/16) for j = 0…16 as double-doubles (make_elementary_constants.py).
    static let atanTable: [DoubleDouble] = [
        DoubleDouble(0x0.0p+0, 0x0.0p+0), DoubleDouble(0x1.ff55bb72cfdeap-5, -0x1.c934d86d23f1dp-60),
        DoubleDouble(0x1.fd5ba9aac2f6ep-4, -0x1.cd37686760c17p-59), DoubleDouble(0x1.7b97b4bce5b02p-3, 0x1.347b0b4f881cap-58),
        DoubleDouble(0x1.f5b75f92c80ddp-3, 0x1.8ab6e3cf7afbdp-57), DoubleDouble(0x1.362773707ebccp-2, -0x1.963a544b672d8p-57),
        DoubleDouble(0x1.6f61941e4def1p-2, -0x1.c63aae6f6e918p-56), DoubleDouble(0x1.a64eec3cc23fdp-2, -0x1.24dec1b50b7ffp-56),
        DoubleDouble(0x1.dac670561bb4fp-2, 0x1.a2b7f222f65e2p-56), DoubleDouble(0x1.0657e94db30d0p-1, -0x1.d5b495f6349e6p-56),
        DoubleDouble(0x1.1e00babdefeb4p-1, -0x1.928df287a668fp-58), DoubleDouble(0x1.345f01cce37bbp-1, 0x1.1021137c71102p-55),
        DoubleDouble(0x1.4978fa3269ee1p-1, 0x1.2419a87f2a458p-56), DoubleDouble(0x1.5d58987169b18p-1, 0x1.0028e4bc5e7cap-57),
        DoubleDouble(0x1.700a7c5784634p-1, -0x1.8c34d25aadef6p-56), DoubleDouble(0x1.819d0b7158a4dp-1, -0x1.bf76229d3b917p-56),
        DoubleDouble(0x1.921fb54442d18p-1, 0x1.1a62633145c07p-55),
    ]

    /// The angle of the point (x, y) in (−π, π], C99's special cases included (signed zeros pick
    /// ±0 or ±π, infinities the multiples of π/4), error < 1 ulp.
    public static func atan2(_ y: Double, _ x: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        let towardNegative = x.sign == .minus
        if y == 0 { return towardNegative ? (y.sign == .minus ? -pi.hi : pi.hi) : y }
        let signed = { (angle: Double) in y.sign == .minus ? -angle : angle }
        if x == 0 { return signed(halfPi.hi) }
        if x.isInfinite {
            if y.isInfinite { return signed(towardNegative ? (pi * 0.75).value : 0.25 * pi.hi) }
            return towardNegative ? signed(pi.hi) : signed(0)
        }
        if y.isInfinite { return signed(halfPi.hi) }
        let a = abs(y)
        let b = abs(x)
        var angle = a > b ? halfPi - atanOfRatio(b, a) : atanOfRatio(a, b)
        if towardNegative { angle = pi - angle }
        return signed(angle.value)
    }

    /// atan(num/den) as a double-double for 0 < num ≤ den finite: the ratio t in double-double,
    /// then atan t = atan(j/16) + atan((t − j/16)/(1 + t·j/16)), the second argument |u| ≤ 1/32.
    static func atanOfRatio(_ num: Double, _ den: Double) -> DoubleDouble {
        let quick = num / den
        if quick < 0x1p-28 { return DoubleDouble(quick) }  // atan t = t(1 − t²/3): t²/3 < 2^-57
        // Scale both by the same power of two so that the remainder of the division is exact.
        let n = scaled(num, by: -Int(den.exponent))
        let d = scaled(den, by: -Int(den.exponent))
        let t = DoubleDouble.fastSum(quick, n.addingProduct(-quick, d) / d)
        let j = nearestInteger(t.hi * 16)
        let c = j / 16
        let numerator = DoubleDouble(t.hi - c, t.lo)  // t.hi − c is exact (Sterbenz, or c = 0)
        let denominator = DoubleDouble.sum(1, 0) + DoubleDouble.product(t.hi, c) + DoubleDouble(t.lo * c)
        let u = numerator / denominator
        let z = u.hi * u.hi
        let tail = u.hi * z * polynomial(z, atanTaylor)
        return atanTable[Int(j)] + DoubleDouble.fastSum(u.hi, u.lo + tail)
    }

    /// (−1)^k/(2k+1) for k = 1…7: atan u = u + u³·P(u²), |u| ≤ 1/32 (the k = 7 term is < 2^-70).
    static let atanTaylor: [Double] = (1...7).map { k in
        let sign: Double = k % 2 == 0 ? 1 : -1
        return sign / Double(2 * k + 1)
    }
}
