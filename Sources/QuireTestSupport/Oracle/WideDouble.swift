/// A double-double `hi + lo` (about 106 significant bits) for the elementary-function oracle: the
/// reference values the tests compare Quire's `Elementary` functions with. Written independently of
/// QuireCore's internal double-double, with the accurate (not the sloppy) addition.
public struct WideDouble: Sendable {
    /// The leading part, the `Double` nearest the value.
    public var hi: Double
    /// The trailing part, |lo| ≤ ½ ulp(hi).
    public var lo: Double

    /// `hi + lo`, with |lo| ≤ ½ ulp(hi) expected of the caller.
    public init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// `a + b` exactly (Knuth's two-sum).
    static func twoSum(_ a: Double, _ b: Double) -> WideDouble {
        let s = a + b
        let bb = s - a
        return WideDouble(s, (a - (s - bb)) + (b - bb))
    }

    /// `a + b` exactly when |a| ≥ |b| or a = 0.
    static func fastTwoSum(_ a: Double, _ b: Double) -> WideDouble {
        let s = a + b
        return WideDouble(s, b - (s - a))
    }

    /// `a × b` exactly (the error term by a fused multiply-add).
    static func twoProduct(_ a: Double, _ b: Double) -> WideDouble {
        let p = a * b
        return WideDouble(p, (-p).addingProduct(a, b))
    }

    static func + (a: WideDouble, b: WideDouble) -> WideDouble {
        let s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        let v = fastTwoSum(s.hi, s.lo + t.hi)
        return fastTwoSum(v.hi, t.lo + v.lo)
    }

    static prefix func - (a: WideDouble) -> WideDouble { WideDouble(-a.hi, -a.lo) }

    static func - (a: WideDouble, b: WideDouble) -> WideDouble { a + -b }

    static func * (a: WideDouble, b: WideDouble) -> WideDouble {
        let p = twoProduct(a.hi, b.hi)
        return fastTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
    }

    static func * (a: WideDouble, b: Double) -> WideDouble { a * WideDouble(b) }

    static func / (a: WideDouble, b: WideDouble) -> WideDouble {
        let q1 = a.hi / b.hi
        var r = a - b * q1
        let q2 = r.hi / b.hi
        r = r - b * q2
        let q3 = r.hi / b.hi
        return fastTwoSum(q1, q2) + WideDouble(q3)
    }

    static func / (a: WideDouble, b: Double) -> WideDouble { a / WideDouble(b) }

    /// The value times 2^k (exact while it stays normal).
    func scaled(by k: Int) -> WideDouble { WideDouble(hi.timesPowerOfTwo(k), lo.timesPowerOfTwo(k)) }

    /// The value to the n-th power, n ≥ 1.
    func power(_ n: Int) -> WideDouble { (1..<n).reduce(self) { product, _ in product * self } }
}

extension Double {
    /// `self · 2^k`, rounded once at most (exact while the result is normal), for any k.
    func timesPowerOfTwo(_ k: Int) -> Double {
        var x = self
        var k = k
        while k > 1000 {
            x *= 0x1p1000
            k -= 1000
        }
        while k < -1000 {
            x *= 0x1p-1000
            k += 1000
        }
        return x * Double(sign: .plus, exponent: k, significand: 1)
    }
}
