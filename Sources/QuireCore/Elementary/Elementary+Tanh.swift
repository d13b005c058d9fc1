extension Elementary {
    /// tanh's Taylor coefficients of x³, x⁵, …, x⁴³ (make_elementary_constants.py): on |x| < 0.55
    /// the x^(2k+1) term falls like (0.35)^(2k), below 2^-58 of the result by x⁴³.
    static let tanhTaylor: [Double] = [
        -0x1.5555555555555p-2, 0x1.1111111111111p-3, -0x1.ba1ba1ba1ba1cp-5, 0x1.664f4882c10fap-6,
        -0x1.226e355e6c23dp-7, 0x1.d6d3d0e157de0p-9, -0x1.7da36452b75e3p-10, 0x1.3558248036744p-11,
        -0x1.f57d7734d1664p-13, 0x1.967e18afcafadp-14, -0x1.497d8eea25259p-15, 0x1.0b132d39a6050p-16,
        -0x1.b0f72d3ee24e9p-18, 0x1.5ef2da474e5b7p-19, -0x1.1c77df95c1c0dp-20, 0x1.cd299de4ae6bbp-22,
        -0x1.75cde6563fed9p-23, 0x1.2efe8db3aff1fp-24, -0x1.eb3229047434cp-26, 0x1.8e25ff9327e2cp-27,
        -0x1.42ba1a349b490p-28,
    ]

    /// The hyperbolic tangent, error < 1 ulp; ±1 beyond |x| = 22.
    public static func tanh(_ x: Double) -> Double {
        if x.isNaN { return x }
        let magnitude = abs(x)
        if magnitude > 22 { return x < 0 ? -1 : 1 }  // 1 − tanh 22 < 2^-62
        if magnitude < 0x1p-28 { return x }
        if magnitude < 0.55 {
            let z = x * x
            return x + x * z * polynomial(z, tanhTaylor)
        }
        // tanh|x| = 1 − 2/(e^(2|x|) + 1), e^(2|x|) in double-double.
        let (e, k) = expParts(2 * magnitude, 0)
        let power = scaled(1, by: k)
        let denominator = DoubleDouble(e.hi * power, e.lo * power) + DoubleDouble(1)
        let result = (DoubleDouble(1) - DoubleDouble(2) / denominator).value
        return x < 0 ? -result : result
    }
}
