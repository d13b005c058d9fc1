import Foundation
import QuireCore
import QuireSimulator

/// Exact preparation of a real, normalised amplitude vector (Möttönen, Vartiainen, Bergholm and
/// Salomaa 2005, "Transformation of quantum states using uniformly controlled rotations").
///
/// Level k (k = 0 … n−1) acts on target qubit t = n−1−k with the k higher qubits as controls: for
/// each pattern c of the controls, ry(α_c) splits the weight of block c between its bit-t = 0 and 1
/// halves, α_c = 2·atan2(‖upper half‖, ‖lower half‖). On the last level (t = 0) the halves are
/// single amplitudes and α_c = 2·atan2(a_{2c+1}, a_{2c}) carries their signs, so real vectors need
/// no rz. Each uniformly controlled ry is split recursively on its highest control (Shende, Bullock
/// and Markov 2006): UCRy(α) = UCRy((lo+hi)/2) · CX · UCRy((lo−hi)/2) · CX, since X·ry(b)·X = ry(−b).
/// Cost on n qubits: 2ⁿ−1 ry and 2ⁿ⁺¹−2n−2 cx (the CX pairs between neighbouring multiplexors are
/// not cancelled).
enum AmplitudeCascade {
    /// The gate sequence on `qubits` qubits; ry k reads input k.
    static func gates(qubits: Int) -> [ParameterizedGate] {
        var gates = [ParameterizedGate]()
        var angles = [Double]()
        emitLevels(qubits: qubits, amplitudes: nil, gates: &gates, angles: &angles)
        return gates
    }

    /// The ry angles, in gate order, that prepare `amplitudes` (2ⁿ real entries, unit norm).
    static func angles(amplitudes: [Double]) -> [Double] {
        var gates = [ParameterizedGate]()
        var angles = [Double]()
        emitLevels(qubits: amplitudes.count.trailingZeroBitCount, amplitudes: amplitudes, gates: &gates, angles: &angles)
        return angles
    }

    /// Appends every level's multiplexor; angles are computed when `amplitudes` is given (zeros otherwise).
    private static func emitLevels(qubits n: Int, amplitudes: [Double]?, gates: inout [ParameterizedGate], angles: inout [Double]) {
        for k in 0..<n {
            let target = n - 1 - k
            let alphas: [Double] = (0..<(1 << k)).map { c in
                guard let a = amplitudes else { return 0 }
                let base = c << (target + 1)
                let half = 1 << target
                if target == 0 { return 2 * Elementary.atan2(a[base + 1], a[base]) }
                let lower = (base..<(base + half)).reduce(0) { $0 + a[$1] * a[$1] }.squareRoot()
                let upper = ((base + half)..<(base + 2 * half)).reduce(0) { $0 + a[$1] * a[$1] }.squareRoot()
                return 2 * Elementary.atan2(upper, lower)
            }
            emitMultiplexor(target: target, controls: Array((target + 1)..<n), alphas: alphas, gates: &gates, angles: &angles)
        }
    }

    /// Uniformly controlled ry on `target`: ry(alphas[c]) where the `controls` (bit j of c is
    /// `controls[j]`) read c.
    private static func emitMultiplexor(target: Int, controls: [Int], alphas: [Double], gates: inout [ParameterizedGate], angles: inout [Double]) {
        guard let top = controls.last else {
            gates.append(ParameterizedGate(.ry, [target], angle: .input(angles.count)))
            angles.append(alphas[0])
            return
        }
        let half = alphas.count / 2
        let rest = Array(controls.dropLast())
        let lo = alphas[..<half]
        let hi = alphas[half...]
        emitMultiplexor(target: target, controls: rest, alphas: zip(lo, hi).map { ($0 + $1) / 2 }, gates: &gates, angles: &angles)
        gates.append(ParameterizedGate(.cx, [top, target]))
        emitMultiplexor(target: target, controls: rest, alphas: zip(lo, hi).map { ($0 - $1) / 2 }, gates: &gates, angles: &angles)
        gates.append(ParameterizedGate(.cx, [top, target]))
    }
}
