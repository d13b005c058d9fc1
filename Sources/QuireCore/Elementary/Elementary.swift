/// Quire's own double-precision elementary functions: sin, cos, tan, exp, expm1, log, log1p, log10,
/// pow, atan2, tanh and lgamma, written with IEEE-754 basic operations only.
///
/// Every result Quire writes into a document is a function of its inputs and of these functions, so a
/// paper regenerates bit for bit under any C library (glibc, musl, Apple's libm answer differently in
/// the last bit). Each function uses `+ − × ÷`, `squareRoot()` and explicit fused multiply-adds
/// (`addingProduct`, exact by IEEE-754); Swift never contracts `a * b + c` into a fused operation on its
/// own, so the code computes the same `Double` on every machine. The common paths avoid fused
/// multiply-adds and `rounded()`, which compile to calls into the C library on baseline x86-64 (still
/// exact there, but slow): exact products come from splitting operands instead. The error is below 1 ulp on every
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
    /// `Double` range (exp's and pow's last step). 2^k is built from its bits where it is normal.
    @inline(__always)
    static func scaled(_ x: Double, by k: Int) -> Double {
        if k > 1023 { return x * 0x1p1023 * powerOfTwo(k - 1023) }
        if k < -1022 { return x * powerOfTwo(k + 54) * 0x1p-54 }
        return x * powerOfTwo(k)
    }

    /// 2^k for −1022 ≤ k ≤ 1023, from its exponent bits.
    @inline(__always)
    static func powerOfTwo(_ k: Int) -> Double { Double(bitPattern: UInt64(k + 1023) << 52) }

    /// The integer nearest x (ties to even) for |x| < 2^51, by adding and removing 1.5·2^52: two
    /// additions where `rounded()` is a call into the C library on x86-64.
    @inline(__always)
    static func nearestInteger(_ x: Double) -> Double { (x + 0x1.8p52) - 0x1.8p52 }

    /// x split into a head of at most 26 significant bits and the exact rest (x = head + rest), so
    /// that head² and head·(26-bit value) are exact products without a fused multiply-add (a call
    /// into the C library where the compiler may not assume the instruction).
    @inline(__always)
    static func split(_ x: Double) -> (head: Double, rest: Double) {
        let head = Double(bitPattern: x.bitPattern & 0xFFFF_FFFF_F800_0000)
        return (head, x - head)
    }

    /// Horner's rule over `coefficients` (lowest degree first) with separate multiplies and adds (the
    /// polynomials are all tails of a series, far below the result, where a fused step buys nothing).
    @inline(__always)
    static func polynomial(_ x: Double, _ coefficients: [Double]) -> Double {
        var sum = 0.0
        for c in coefficients.reversed() { sum = sum * x + c }
        return sum
    }
}
