import Foundation
import QuireCore

/// The Student t distribution: its CDF through the regularised incomplete beta function and its
/// quantiles by bisection on that CDF, for any positive degrees of freedom (no table lookup).
public enum StudentT {
    /// P(T ≤ t) for T with `degreesOfFreedom` ν > 0: `1 − ½ I_{ν/(ν+t²)}(ν/2, ½)` for t ≥ 0,
    /// and the mirror image for t < 0.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "StudentT: degrees of freedom must be positive")
        return cdf(t, nu, logGammaRatio: logGammaRatio(nu / 2, 0.5))
    }

    /// `cdf` with ln(Γ(ν/2 + ½)/(Γ(ν/2)·Γ(½))) given, so that `quantile`'s bisection computes the three
    /// log-gammas once rather than at every step.
    static func cdf(_ t: Double, _ nu: Double, logGammaRatio: Double) -> Double {
        let tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5, logGammaRatio: logGammaRatio)
        return t >= 0 ? 1 - tail : tail
    }

    /// The `p`-quantile (0 < p < 1): the t with `cdf(t) = p`, found by bisection to the last bit.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1 && nu > 0, "StudentT.quantile: p in (0, 1) and positive degrees of freedom")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        let ratio = logGammaRatio(nu / 2, 0.5)
        var low = 0.0
        var high = 1.0
        while cdf(high, nu, logGammaRatio: ratio) < p {
            low = high
            high *= 2
        }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle <= low || middle >= high { break }
            if cdf(middle, nu, logGammaRatio: ratio) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), by the continued fraction of the incomplete beta function (modified Lentz),
    /// evaluated on the side of the symmetry `I_x(a, b) = 1 − I_{1−x}(b, a)` where it converges fast.
    /// `logGammaRatio` is `logGammaRatio(a, b)`.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double, logGammaRatio: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = logGammaRatio + a * Elementary.log(x) + b * Elementary.log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return Elementary.exp(logFront) * betaContinuedFraction(x, a, b) / a
        }
        return 1 - Elementary.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b
    }

    /// ln(Γ(a + b)/(Γ(a)·Γ(b))), the normalising constant of I_x(a, b), subtracted in this order.
    static func logGammaRatio(_ a: Double, _ b: Double) -> Double {
        Elementary.logGamma(a + b) - Elementary.logGamma(a) - Elementary.logGamma(b)
    }

    private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var result = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return result
    }
}
