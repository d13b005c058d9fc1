extension Oracle {
    /// x = n · π/2 + r exactly enough: Payne–Hanek in integer arithmetic. With x = M · 2^E, the bits of
    /// 2/π of weight 2^-i for i < E − 1 only add multiples of 4 quarter turns and are skipped; those up to
    /// i = E + 256 are multiplied by M exactly, leaving 256 fraction bits of x · 2/π mod 4 (the bits
    /// after them move it by < 2^-203 quarter turns; a double is never closer than 2^-62 to a multiple
    /// of π/2). Returns n mod 4 and r, |r| ≤ π/4, for 2^-60 ≤ |x| finite.
    static func reduce(_ x: Double) -> (quadrant: Int, r: WideDouble) {
        let mantissa = x.significandBitPattern | 1 << 52
        let e = Int(x.exponent) - 52
        let first = max(1, e - 1)
        let last = e + 256
        // W = Σ b_i 2^(last − i) as limbs; x · 2/π ≡ M · W · 2^-256 (mod 4).
        var window = [UInt32](repeating: 0, count: 10)  // last − first ≤ 257 bits
        for i in first...last where OracleConstants.twoOverPiBits[i - 1] {
            let bit = last - i
            window[bit / 32] |= 1 << UInt32(bit % 32)
        }
        let product = BigFixed.product(window, [UInt32(truncatingIfNeeded: mantissa), UInt32(mantissa >> 32)])
        var quadrant = Int(product[8] & 3)
        var fraction = Array(product[0..<8])
        var sign = 1.0
        if fraction[7] >= 1 << 31 {  // ≥ ½ quarter turn: round n up, r is negative
            quadrant += 1
            sign = -1
            fraction = Array(BigFixed.subtracting([UInt32](repeating: 0, count: 8) + [1], fraction + [0]).prefix(8))
        }
        let r = OracleConstants.halfPi * BigFixed.wideDouble(fraction, fractionBits: 256) * sign
        return x < 0 ? ((4 - quadrant) & 3, -r) : (quadrant & 3, r)
    }

    /// sin r and cos r by their Taylor series to r^29 (|r| ≤ 0.8: the next term < 2^-110).
    static func sinCosReduced(_ r: WideDouble) -> (sin: WideDouble, cos: WideDouble) {
        var term = WideDouble(1)
        var sin = WideDouble(0)
        var cos = WideDouble(0)
        for n in 0..<30 {
            if n % 2 == 0 {
                cos = cos + (n % 4 == 0 ? term : -term)
            } else {
                sin = sin + (n % 4 == 1 ? term : -term)
            }
            term = term * r / Double(n + 1)
        }
        return (sin, cos)
    }

    /// (sin x, cos x) as double-doubles, for 2^-60 ≤ |x| finite.
    static func sinCosWide(_ x: Double) -> (sin: WideDouble, cos: WideDouble) {
        let (quadrant, r) = reduce(x)
        let (s, c) = sinCosReduced(r)
        switch quadrant {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }

    /// sin x (radians).
    public static func sin(_ x: Double) -> OracleValue {
        if abs(x) < 0x1p-60 { return small(x, cubic: -1.0 / 6) }
        return OracleValue(sinCosWide(x).sin)
    }

    /// cos x (radians).
    public static func cos(_ x: Double) -> OracleValue {
        if abs(x) < 0x1p-60 { return OracleValue(WideDouble(1) - WideDouble(x * x * 0.5)) }
        return OracleValue(sinCosWide(x).cos)
    }

    /// tan x (radians).
    public static func tan(_ x: Double) -> OracleValue {
        if abs(x) < 0x1p-60 { return small(x, cubic: 1.0 / 3) }
        let (s, c) = sinCosWide(x)
        return OracleValue(s / c)
    }

    /// atan2(y, x), the angle of (x, y) in (−π, π], for finite nonzero x and y: the ratio t ≤ 1 of the
    /// smaller to the larger magnitude scaled into range, atan t by Newton's method on tan, then the
    /// octant.
    public static func atan2(_ y: Double, _ x: Double) -> OracleValue {
        let a = abs(y)
        let b = abs(x)
        let swapped = a > b
        let (num, den) = swapped ? (b, a) : (a, b)
        let shift = Int(num.exponent) - Int(den.exponent)
        let ratio = WideDouble(num.significand) / den.significand
        var angle: OracleValue
        if shift < -200 {
            angle = OracleValue(ratio, exponent: shift)  // atan t = t(1 − t²/3 …), t < 2^-199
        } else {
            angle = OracleValue(arctangent(ratio.scaled(by: shift)))
        }
        if swapped { angle = OracleValue(OracleConstants.halfPi - angle.flattened) }
        if x < 0 { angle = OracleValue(OracleConstants.pi - angle.flattened) }
        if y < 0 { angle.value = -angle.value }
        return angle
    }

    /// atan t for 0 ≤ t ≤ 1: θ ← θ + atan δ with δ = tan(atan t − θ) = (t cos θ − sin θ)/(cos θ + t sin θ),
    /// atan δ ≈ δ − δ³/3 + δ⁵/5; from θ₀ = t/(1 + 0.28 t²) (error < 0.005) three steps reach 2^-106.
    static func arctangent(_ t: WideDouble) -> WideDouble {
        if t.hi < 0x1p-40 { return t - t * t * t / 3 }
        var theta = WideDouble(t.hi / (1 + 0.28 * t.hi * t.hi))
        for _ in 0..<3 {
            let (s, c) = sinCosReduced(theta)
            let delta = (t * c - s) / (c + t * s)
            let square = delta * delta
            theta = theta + delta - delta * square / 3 + delta * square * square / 5
        }
        return theta
    }

    /// x + c·x³ for |x| < 2^-60, scaled into the normal range.
    static func small(_ x: Double, cubic: Double) -> OracleValue {
        let scaled = x.timesPowerOfTwo(600)
        let correction = x * x * cubic  // relative to x; below 2^-119
        return OracleValue(WideDouble(scaled) + WideDouble(scaled * correction), exponent: -600)
    }
}

extension OracleValue {
    /// The value unscaled (for adding to a value of ordinary size; a tiny part just vanishes).
    var flattened: WideDouble { value.scaled(by: exponent) }
}
