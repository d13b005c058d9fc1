extension Elementary {
    /// Taylor coefficients of lgamma(2 + ε) for ε¹…ε³³ as double-doubles: 1 − γ, then
    /// (−1)^k (ζ(k) − 1)/k. On |ε| ≤ ½ the ε^k term falls like 4^-k (make_elementary_constants.py).
    static let logGammaAroundTwo: [DoubleDouble] = [
        DoubleDouble(0x1.b0ee6072093cep-2, 0x1.6cb90701fbfabp-58), DoubleDouble(0x1.4a34cc4a60fa6p-2, 0x1.1873d8912200cp-56),
        DoubleDouble(-0x1.13e001a557607p-4, 0x1.fb68be2f8821fp-58), DoubleDouble(0x1.51322ac7d8483p-6, 0x1.afc89088cb729p-60),
        DoubleDouble(-0x1.e404fc218f5f2p-8, 0x1.e4a627cf1eb34p-62), DoubleDouble(0x1.7add6eadb6c30p-9, -0x1.5b7828c7fd7f4p-64),
        DoubleDouble(-0x1.38ac5c2bf8e08p-10, 0x1.8a4c1cfd9cec8p-65), DoubleDouble(0x1.0b36af86396e9p-11, -0x1.0698d6c892967p-65),
        DoubleDouble(-0x1.d3fd4c76d2fc8p-13, 0x1.c7c55cfccbb83p-68), DoubleDouble(0x1.a127b0f17d65ap-14, 0x1.9d309aa700268p-69),
        DoubleDouble(-0x1.78de5bd7c81efp-15, 0x1.a20541cde47a6p-72), DoubleDouble(0x1.580dcee66eb02p-16, 0x1.260574b258f72p-71),
        DoubleDouble(-0x1.3cbc963ce2243p-17, 0x1.ea56e6c7d5329p-71), DoubleDouble(0x1.2597a39f34aacp-18, -0x1.bf911462a7d81p-72),
        DoubleDouble(-0x1.11b2eb7679541p-19, -0x1.c76b0e65ac63ap-75), DoubleDouble(0x1.0064cdeb22f0fp-20, 0x1.d0156affdbc11p-75),
        DoubleDouble(-0x1.e2600d93cfd2fp-22, 0x1.130ac39e5c106p-76), DoubleDouble(0x1.c76bbb3f07a4dp-23, 0x1.d9a2b77769b52p-77),
        DoubleDouble(-0x1.af5a6cbbf8a97p-24, -0x1.95f227e96d83ep-78), DoubleDouble(0x1.99b93c2070b0fp-25, 0x1.0327164736428p-79),
        DoubleDouble(-0x1.862c734df3eacp-26, -0x1.b32802bec0da0p-80), DoubleDouble(0x1.7469daccfadcdp-27, -0x1.369d388cebaa9p-81),
        DoubleDouble(-0x1.6434a8447aeadp-28, -0x1.af72edf876fcdp-87), DoubleDouble(0x1.555a877ffd2c3p-29, -0x1.875065f26a43bp-83),
        DoubleDouble(-0x1.47b1679258d0ep-30, -0x1.04f36e0e854e4p-84), DoubleDouble(0x1.3b15d2b2fc10cp-31, -0x1.d79f6feeeb28bp-86),
        DoubleDouble(-0x1.2f69a9fabe3e0p-32, 0x1.a162ab374c789p-86), DoubleDouble(0x1.24932a337434cp-33, 0x1.060829c24508fp-87),
        DoubleDouble(-0x1.1a7c26ec2523cp-34, -0x1.4f4ebdb4a04b5p-88), DoubleDouble(0x1.11116e693ed98p-35, -0x1.c7034d49e7fc7p-89),
        DoubleDouble(-0x1.08424cbc543d8p-36, -0x1.40ef820dbc9eap-91), DoubleDouble(0x1.000026e3f644fp-37, 0x1.3546a6054c889p-91),
        DoubleDouble(-0x1.f07c514fc9f0ap-39, -0x1.75b6be545ac09p-96),
    ]
    /// B_2k/(2k(2k − 1)) for k = 1…11: Stirling's series for x ≥ 8, its k = 11 term < 2^-60 of the result.
    static let stirling: [Double] = [
        0x1.5555555555555p-4, -0x1.6c16c16c16c17p-9, 0x1.a01a01a01a01ap-11, -0x1.3813813813814p-11,
        0x1.b951e2b18ff23p-11, -0x1.f6ab0d9993c7dp-10, 0x1.a41a41a41a41ap-8, -0x1.e4286cb0f5398p-6,
        0x1.6fe96381e0680p-3, -0x1.6476701181f3ap+0, 0x1.ace44322ce006p+3,
    ]
    static let halfLogTwoPi = DoubleDouble(0x1.d67f1c864beb5p-1, -0x1.65b5a1b7ff5dfp-55)

    /// ln Γ(x) for x > 0 (what Student's t needs), error < 1 ulp; +inf at 0 and +inf, NaN below 0.
    public static func logGamma(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x == 0 { return .infinity }
        if x < 0 { return .nan }
        if x < 0x1p-60 { return -log(x) }  // ln Γ(x) = −ln x − γx + O(x²)
        if x > 0x1p1000 {  // x(ln x − 1): the rest is far below an ulp
            let main = (logDoubleDouble(x) - DoubleDouble(1)) * x
            return main.hi.isInfinite ? .infinity : main.value
        }
        if x >= 8 {
            let logX = logDoubleDouble(x)
            let main = logX * x - logX * 0.5 - DoubleDouble(x) + halfLogTwoPi
            let inverse = 1 / x
            let series = inverse * polynomial(inverse * inverse, stirling)
            return DoubleDouble.fastSum(main.hi, main.lo + series).value
        }
        // Γ(x) = Γ(2 + ε)·(x − 1)(x − 2)…(2 + ε) or /(x(x + 1)), with |ε| ≤ ½ exact.
        if x < 0.5 {
            let product = DoubleDouble(x) * DoubleDouble.sum(1, x)
            return (logGammaNearTwo(x) - logOf(product)).value
        }
        if x < 1.5 { return (logGammaNearTwo(x - 1) - logDoubleDouble(x)).value }
        var epsilon = x - 2
        var product = DoubleDouble(1)
        while epsilon > 0.5 {
            product = product * (epsilon + 1)  // epsilon + 1 = x − i: exact
            epsilon -= 1
        }
        return (logGammaNearTwo(epsilon) + logOf(product)).value
    }

    /// lgamma(2 + ε) for |ε| ≤ ½, by its Taylor series in double-double.
    static func logGammaNearTwo(_ epsilon: Double) -> DoubleDouble {
        var sum = DoubleDouble(0)
        for c in logGammaAroundTwo.reversed() { sum = sum * epsilon + c }
        return sum * epsilon
    }

    /// ln(hi + lo) = ln hi + lo/hi to far below an ulp, for hi > 0 finite.
    static func logOf(_ x: DoubleDouble) -> DoubleDouble {
        let log = logDoubleDouble(x.hi)
        return DoubleDouble.fastSum(log.hi, log.lo + x.lo / x.hi)
    }
}
