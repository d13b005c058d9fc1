extension Elementary {
    /// (−1)^k/(2k+1)! for k = 1…9: sin r = r + r³·S(r²), |r| ≤ π/4 (the k = 9 term is < 2^-62).
    static let sinTaylor: [Double] = (1...9).map { alternatingInverseFactorial(2 * $0 + 1) }
    /// (−1)^k/(2k)! for k = 2…10: cos r = 1 − r²/2 + r⁴·C(r²), |r| ≤ π/4 (the k = 10 term is < 2^-61).
    static let cosTaylor: [Double] = (2...10).map { alternatingInverseFactorial(2 * $0) }

    /// (−1)^⌊n/2⌋/n!, the sign sin's and cos's series give the x^n term.
    static func alternatingInverseFactorial(_ n: Int) -> Double {
        let sign: Double = (n / 2) % 2 == 0 ? 1 : -1
        return (1...n).reduce(sign) { $0 / Double($1) }
    }

    /// The sine (radians), error < 1 ulp for every finite x (exact reduction up to 1.8e308); NaN at ±inf.
    /// Evaluates only the kernel the quadrant needs (the same one `sincos` uses for its sine).
    public static func sin(_ x: Double) -> Double {
        if !x.isFinite { return .nan }
        if abs(x) < 0x1p-26 { return x }
        let (quadrant, r) = reduceQuarterTurns(x)
        let value = quadrant & 1 == 0 ? sinKernel(r).value : cosKernel(r).value
        return quadrant & 2 == 0 ? value : -value
    }

    /// The cosine (radians), error < 1 ulp for every finite x; NaN at ±inf. Like `sin`, one kernel.
    public static func cos(_ x: Double) -> Double {
        if !x.isFinite { return .nan }
        if abs(x) < 0x1p-27 { return 1 }  // x²/2 < 2^-55, a quarter of the ulp below 1
        let (quadrant, r) = reduceQuarterTurns(x)
        let value = quadrant & 1 == 0 ? cosKernel(r).value : sinKernel(r).value
        return (quadrant + 1) & 2 == 0 ? value : -value
    }

    /// Sine and cosine of x from one argument reduction, each as `sin(x)` and `cos(x)` give them.
    public static func sincos(_ x: Double) -> (sin: Double, cos: Double) {
        if !x.isFinite { return (.nan, .nan) }
        if abs(x) < 0x1p-27 { return (x, 1) }  // x³/6 and x²/2 are below a quarter of an ulp
        let (quadrant, r) = reduceQuarterTurns(x)
        let s = sinKernel(r).value
        let c = cosKernel(r).value
        switch quadrant {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }

    /// The tangent (radians), error < 1 ulp for every finite x; NaN at ±inf.
    public static func tan(_ x: Double) -> Double {
        if !x.isFinite { return .nan }
        if abs(x) < 0x1p-27 { return x }  // x³/3 is below half an ulp
        let (quadrant, r) = reduceQuarterTurns(x)
        let s = sinKernel(r)
        let c = cosKernel(r)
        return quadrant & 1 == 0 ? (s / c).value : -(c / s).value
    }

    /// sin(r) as a double-double (relative error ~2^-56) for |r| ≤ π/4 + a hair.
    @inline(__always)
    static func sinKernel(_ r: DoubleDouble) -> DoubleDouble {
        let z = r.hi * r.hi
        let tail = r.hi * z * polynomial(z, sinTaylor)
        // sin(hi + lo) ≈ sin(hi) + lo·cos(hi), cos(hi) ≈ 1 − z/2.
        return DoubleDouble.fastSum(r.hi, tail + r.lo * (1 - 0.5 * z))
    }

    /// cos(r) as a double-double (relative error ~2^-56) for |r| ≤ π/4 + a hair: 1 − r²/2 with r² exact
    /// as head² + rest·(r + head) (`split`), the rest of the series in doubles.
    @inline(__always)
    static func cosKernel(_ r: DoubleDouble) -> DoubleDouble {
        let (head, rest) = split(r.hi)
        let square = head * head
        let squareLo = rest * (r.hi + head) + 2 * r.hi * r.lo
        let z = r.hi * r.hi
        let w = DoubleDouble.fastSum(1, -0.5 * square)
        let tail = z * z * polynomial(z, cosTaylor)
        return DoubleDouble.fastSum(w.hi, w.lo + (tail - 0.5 * squareLo))
    }
}
