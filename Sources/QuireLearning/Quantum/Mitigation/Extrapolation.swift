import Foundation
import QuireCore

/// Zero-noise extrapolation of expectation values E(λ) measured at scale factors λ (Mitiq's factories).
///
/// - `linear`: least-squares line through all points, value at λ = 0 (`LinearFactory`).
/// - `richardson`: the polynomial of degree m − 1 through the m points, at λ = 0 (`RichardsonFactory`):
///   Σᵢ Eᵢ Πⱼ≠ᵢ λⱼ/(λⱼ − λᵢ).
/// - `exponential(asymptote:)`: E(λ) = a + s·e^{z(λ)} with z linear, fitted as Mitiq's `ExpFactory`
///   with a known asymptote a: s = sign(mean(E − a)), z fitted to log|E − a| by least squares with
///   weights √|E − a| (numpy `polyfit`'s `w`), result a + s·e^{z(0)}. For Pauli expectations under
///   depolarizing noise a = 0.
public enum Extrapolation: Hashable, Sendable {
    /// Least-squares line.
    case linear
    /// Interpolating polynomial.
    case richardson
    /// Exponential decay towards a known asymptote.
    case exponential(asymptote: Double)

    /// The zero-noise estimate.
    ///
    /// - Throws: `LearningError` with fewer than two points (`linear`, `exponential`), repeated scale
    ///   factors, or values on both sides of the asymptote.
    public func extrapolate(scales: [Double], values: [Double]) throws -> Double {
        guard scales.count == values.count, scales.count >= 2, Set(scales).count == scales.count else {
            throw LearningError.unusableData(owner: "zne", message: "needs at least two distinct scale factors with one value each")
        }
        switch self {
        case .linear:
            return Self.weightedLine(scales, values, weights: scales.map { _ in 1 }).intercept
        case .richardson:
            var sum = 0.0
            for i in scales.indices {
                var weight = 1.0
                for j in scales.indices where j != i { weight *= scales[j] / (scales[j] - scales[i]) }
                sum += weight * values[i]
            }
            return sum
        case .exponential(let asymptote):
            let shifted = values.map { $0 - asymptote }
            let sign: Double = shifted.reduce(0, +) >= 0 ? 1 : -1
            guard shifted.allSatisfy({ sign * $0 > 0 }) else {
                throw LearningError.unusableData(
                    owner: "zne", message: "exponential extrapolation needs every value on one side of the asymptote \(asymptote)")
            }
            let line = Self.weightedLine(scales, shifted.map { Elementary.log(abs($0)) }, weights: shifted.map { abs($0).squareRoot() })
            return asymptote + sign * Elementary.exp(line.intercept)
        }
    }

    /// Least squares minimising Σ (wᵢ (yᵢ − a − b xᵢ))², as numpy's polyfit(x, y, 1, w=w).
    static func weightedLine(_ x: [Double], _ y: [Double], weights w: [Double]) -> (intercept: Double, slope: Double) {
        var s = 0.0
        var sx = 0.0
        var sy = 0.0
        var sxx = 0.0
        var sxy = 0.0
        for i in x.indices {
            let w2 = w[i] * w[i]
            s += w2
            sx += w2 * x[i]
            sy += w2 * y[i]
            sxx += w2 * x[i] * x[i]
            sxy += w2 * x[i] * y[i]
        }
        let slope = (s * sxy - sx * sy) / (s * sxx - sx * sx)
        return ((sy - slope * sx) / s, slope)
    }
}
