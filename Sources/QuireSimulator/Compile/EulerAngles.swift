import Foundation
import Numerics
import QuireCore

/// The exact ZYZ form of a 2×2 unitary: U = e^{iα}·Rz(φ)·Ry(θ)·Rz(λ), which is e^{iα − i(φ+λ)/2}·U3(θ, φ, λ).
///
/// θ ∈ [0, π]; where θ is 0 or π only φ+λ or φ−λ is determined, and the other is taken as 0.
struct EulerAngles: Hashable, Sendable {
    var theta: Double
    var phi: Double
    var lambda: Double
    /// α, the global phase.
    var phase: Double

    /// The angles of `u` (a 2×2 unitary).
    init(_ u: ComplexMatrix) {
        precondition(u.dimension == 2, "Euler angles need a 2×2 unitary")
        let det = u[0, 0] * u[1, 1] - u[0, 1] * u[1, 0]
        let alpha = Complex.atan2(det) / 2
        let unphase = Complex(Elementary.cos(-alpha), Elementary.sin(-alpha))
        let a = unphase * u[0, 0], b = unphase * u[1, 0]
        theta = 2 * Elementary.atan2(b.length, a.length)
        let sum = -2 * Complex.atan2(a), difference = 2 * Complex.atan2(b)
        phi = (sum + difference) / 2
        lambda = (sum - difference) / 2
        phase = alpha
    }

    /// Rz(φ)·Ry(θ)·Rz(λ), without the global phase.
    var rotation: ComplexMatrix {
        EulerAngles.rz(phi) * EulerAngles.ry(theta) * EulerAngles.rz(lambda)
    }

    static func rz(_ angle: Double) -> ComplexMatrix { StandardGate.rz.matrix(parameters: [angle]) }
    static func ry(_ angle: Double) -> ComplexMatrix { StandardGate.ry.matrix(parameters: [angle]) }
}

extension Complex where RealType == Double {
    /// The argument of `z` (0 for 0).
    fileprivate static func atan2(_ z: Complex<Double>) -> Double {
        z.real == 0 && z.imaginary == 0 ? 0 : Elementary.atan2(z.imaginary, z.real)
    }
}
