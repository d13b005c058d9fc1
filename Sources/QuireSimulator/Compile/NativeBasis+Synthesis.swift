import Foundation

/// A gate with its parameters, before it is placed on qubits.
typealias GateCall = (gate: StandardGate, parameters: [Double])

extension NativeBasis {
    /// Angles within this of a multiple of 2π (or π, as the form needs) count as exact; run products
    /// within it of the identity are dropped.
    static let tolerance = 1e-12

    /// Native one-qubit gates, in time order, whose product equals `u` (2×2 unitary) up to a global
    /// phase; empty when `u` is the identity up to phase.
    ///
    /// Forms, with U = e^{iα} Rz(φ) Ry(θ) Rz(λ) (`EulerAngles`): rz-sx uses Qiskit's
    /// U = Rz(φ+π)·SX·Rz(θ+π)·SX·Rz(λ), shortened to one `rz` for θ = 0, `rz sx rz` for θ = π/2 and
    /// `rz x` for θ = π (Rz(φ)·Ry(π)·Rz(λ) ∝ X·Rz(λ−φ+π)); rz-rx uses U = Rz(φ+π/2)·Rx(θ)·Rz(λ−π/2); gpi writes W = U·X in ZYZ
    /// angles (φ', θ', λ') and uses U = GPI2(φ')·GPI((φ'−θ'+λ')/2)·GPI2(λ'−π), and Rz(δ) = GPI(δ/2)·GPI(0)
    /// for a diagonal U; u3 uses U3(θ, φ, λ).
    func synthesize(_ u: ComplexMatrix) -> [GateCall] {
        let e = EulerAngles(u)
        let diagonal = Self.isZero(e.theta)
        if diagonal && Self.isZero(e.phi + e.lambda) { return [] }
        switch oneQubit {
        case .rzSX:
            if diagonal { return Self.rz(e.phi + e.lambda) }
            if Self.isZero(e.theta - .pi / 2) { return Self.rz(e.lambda - .pi / 2) + [(.sx, [])] + Self.rz(e.phi + .pi / 2) }
            if Self.isZero(e.theta - .pi) && nativeGates.contains(.x) { return Self.rz(e.lambda - e.phi + .pi) + [(.x, [])] }
            return Self.rz(e.lambda) + [(.sx, [])] + Self.rz(e.theta + .pi) + [(.sx, [])] + Self.rz(e.phi + .pi)
        case .rzRX:
            if diagonal { return Self.rz(e.phi + e.lambda) }
            return Self.rz(e.lambda - .pi / 2) + [(.rx, [Self.wrapped(e.theta)])] + Self.rz(e.phi + .pi / 2)
        case .gpi:
            if diagonal { return [(.gpi, [0]), (.gpi, [Self.wrapped((e.phi + e.lambda) / 2)])] }
            let w = EulerAngles(u * StandardGate.pauliX)
            return [
                (.gpi2, [Self.wrapped(w.lambda - .pi)]), (.gpi, [Self.wrapped((w.phi - w.theta + w.lambda) / 2)]),
                (.gpi2, [Self.wrapped(w.phi)]),
            ]
        case .u3:
            return [(nativeGates.contains(.u3) || !nativeGates.contains(.u) ? .u3 : .u, [e.theta, Self.wrapped(e.phi), Self.wrapped(e.lambda)])]
        }
    }

    /// `rz(angle)` with the angle in [−π, π], or nothing for a multiple of 2π.
    private static func rz(_ angle: Double) -> [GateCall] {
        isZero(angle) ? [] : [(.rz, [wrapped(angle)])]
    }

    /// `angle` reduced to [−π, π], with −0 written as 0.
    static func wrapped(_ angle: Double) -> Double {
        let reduced = remainder(angle, 2 * .pi)
        return reduced == 0 ? 0 : reduced
    }

    /// Whether `angle` is a multiple of 2π within `tolerance`.
    static func isZero(_ angle: Double) -> Bool {
        abs(wrapped(angle)) <= tolerance
    }
}
