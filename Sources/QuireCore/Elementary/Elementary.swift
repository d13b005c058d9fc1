/// Quire's own double-precision elementary functions: sin, cos, tan, exp, expm1, log, log1p, log10,
/// pow, atan2, tanh and lgamma, written with IEEE-754 basic operations only.
///
/// Every result Quire writes into a document is a function of its inputs and of these functions, so a
/// paper regenerates bit for bit under any C library (glibc, musl, Apple's libm answer differently in
/// the last bit). Each function uses `+ − × ÷`, `squareRoot()` and explicit fused multiply-adds
/// (`addingProduct`, exact by IEEE-754); Swift never contracts `a * b + c` into a fused operation on its
/// own, so the code computes the same `Double` on every machine. The error is below 1 ulp on every
/// argument (tests: ElementaryAccuracyTests, against mpmath); results are not always correctly rounded.
///
/// Spell calls `Elementary.sin(x)` — never the bare `sin(x)`, which is the platform's.
public enum Elementary {}

/// An unevaluated sum `hi + lo` with |lo| ≤ ½ ulp(hi): about 106 significant bits, for the
/// intermediate steps whose rounding a final 1-ulp bound cannot afford.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// The nearest `Double`.
    var value: Double { hi + lo }

    /// `a + b` exactly (Knuth's two-sum; no ordering needed).
    static func sum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(s, (a - (s - bb)) + (b - bb))
    }

    /// `a + b` exactly when |a| ≥ |b| (Dekker's fast two-sum).
    static func fastSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(s, b - (s - a))
    }

    /// `a × b` exactly, the error term by one fused multiply-add.
    static func product(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(p, (-p).addingProduct(a, b))
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let s = sum(a.hi, b.hi)
        return fastSum(s.hi, s.lo + a.lo + b.lo)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(-a.hi, -a.lo) }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + -b }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let p = product(a.hi, b.hi)
        return fastSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
    }

    static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
        let p = product(a.hi, b)
        return fastSum(p.hi, p.lo + a.lo * b)
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q = a.hi / b.hi
        let remainder = (a.hi.addingProduct(-q, b.hi) + a.lo) - q * b.lo
        return fastSum(q, remainder / b.hi)
    }
}

extension Elementary {
    /// `x · 2^k` rounded once, for any k that keeps the exact result within a factor 2 of the
    /// `Double` range (exp's and pow's last step).
    static func scaled(_ x: Double, by k: Int) -> Double {
        if k > 1023 { return x * 0x1p1023 * Double(sign: .plus, exponent: k - 1023, significand: 1) }
        if k < -1022 { return x * Double(sign: .plus, exponent: k + 54, significand: 1) * 0x1p-54 }
        return x * Double(sign: .plus, exponent: k, significand: 1)
    }

    /// Horner's rule over `coefficients` (lowest degree first), one fused multiply-add a step.
    static func polynomial(_ x: Double, _ coefficients: [Double]) -> Double {
        var sum = 0.0
        for c in coefficients.reversed() { sum = c.addingProduct(sum, x) }
        return sum
    }
}
