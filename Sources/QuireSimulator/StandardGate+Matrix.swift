import Foundation
import Numerics
import QuireCore

/// The exact unitary of every standard gate, as Qiskit's gate classes define it.
///
/// Reference: `qiskit.quantum_info.Operator` of each gate loaded by Qiskit's OpenQASM 2 reader with
/// `LEGACY_CUSTOM_INSTRUCTIONS` (Tests/QuireSimulatorTests/Reference/generate_gate_matrices.py); all
/// agree entrywise, global phase included. Where Qiskit's reader also knows qelib1's own body of a
/// gate (id … ccx, crz, cu1, cu3), that body's matrix agrees with the class matrix exactly, so no
/// global phase is dropped anywhere. Local index bit j is the gate's j-th qubit; controls come
/// first, so for `cx c,t` the control is local bit 0.
///
/// The device-native gates follow Qiskit's `ECRGate` and qiskit-ionq's `GPIGate`, `GPI2Gate` and
/// `MSGate` (θ = ¼ turn, fully entangling), checked the same way; their phases are in radians, where
/// qiskit-ionq's are in turns (φ_radians = 2π·φ_turns), like every other angle in OpenQASM.
extension StandardGate {
    /// The gate's 2ᵏ×2ᵏ unitary for `parameters` (`parameterCount` values; `u0`'s is ignored: identity).
    public func matrix(parameters: [Double]) -> ComplexMatrix {
        precondition(parameters.count == parameterCount, "\(rawValue) takes \(parameterCount) parameters")
        if let (controls, base) = controlledForm(parameters: parameters) {
            return Self.controlled(base, controls: controls)
        }
        switch self {
        case .swap: return Self.permutation([0, 2, 1, 3])
        case .cswap: return Self.permutation([0, 1, 2, 5, 4, 3, 6, 7])
        case .rxx:
            let c = Complex(Elementary.cos(parameters[0] / 2)), s = Complex(0, -Elementary.sin(parameters[0] / 2))
            return ComplexMatrix(rows: [
                [c, .zero, .zero, s], [.zero, c, s, .zero],
                [.zero, s, c, .zero], [s, .zero, .zero, c],
            ])
        case .rzz:
            let a = Self.phase(-parameters[0] / 2), b = Self.phase(parameters[0] / 2)
            return Self.diagonal([a, b, b, a])
        case .ecr:
            // Qiskit's ECRGate: (IX − XY)/√2, Qiskit's Pauli labels listing qubit 1 first.
            let r = Complex(0.5.squareRoot()), i = Complex(0, 0.5.squareRoot())
            return ComplexMatrix(rows: [
                [.zero, r, .zero, i], [r, .zero, -i, .zero],
                [.zero, i, .zero, r], [-i, .zero, r, .zero],
            ])
        case .ms:
            // qiskit-ionq's MSGate(φ0, φ1) at θ = π/4: exp(−iπ/4·σ(φ0)⊗σ(φ1)), σ(φ) = cos φ X + sin φ Y,
            // with σ(φ0) on the gate's first qubit (local bit 0) and σ(φ1) on its second.
            let c = Complex(0.5.squareRoot()), s = Complex(0, -0.5.squareRoot())
            let sum = parameters[0] + parameters[1], difference = parameters[0] - parameters[1]
            return ComplexMatrix(rows: [
                [c, .zero, .zero, s * Self.phase(-sum)], [.zero, c, s * Self.phase(difference), .zero],
                [.zero, s * Self.phase(-difference), c, .zero], [s * Self.phase(sum), .zero, .zero, c],
            ])
        case .rccx:
            // Qiskit's RCCXGate: a Toffoli up to relative phases.
            var m = Self.diagonal([.one, .one, .one, .zero, .one, -.one, .one, .zero])
            m[3, 7] = Complex(0, -1)
            m[7, 3] = Complex(0, 1)
            return m
        case .rc3x:
            // Qiskit's RC3XGate: a three-control Toffoli up to relative phases.
            var d = [Complex<Double>](repeating: .one, count: 16)
            (d[3], d[7], d[11], d[15]) = (Complex(0, 1), .zero, Complex(0, -1), .zero)
            var m = Self.diagonal(d)
            m[7, 15] = .one
            m[15, 7] = -.one
            return m
        default:
            preconditionFailure("\(rawValue) has a controlled form")
        }
    }

    /// The gate as `controls` control qubits (local bits 0…) on a 2×2 matrix acting on the last
    /// qubit, or `nil` for swap, cswap, rxx, rzz, rccx, rc3x, ecr and ms. One-qubit gates have 0 controls.
    public func controlledForm(parameters p: [Double]) -> (controls: Int, base: ComplexMatrix)? {
        switch self {
        case .id, .u0: (0, .identity(2))
        case .u1, .p: (0, Self.diagonal([.one, Self.phase(p[0])]))
        case .u2: (0, Self.u3(.pi / 2, p[0], p[1]))
        case .u3, .u: (0, Self.u3(p[0], p[1], p[2]))
        case .x: (0, Self.pauliX)
        case .y: (0, ComplexMatrix(rows: [[.zero, Complex(0, -1)], [Complex(0, 1), .zero]]))
        case .z: (0, Self.diagonal([.one, -.one]))
        case .h: (0, Complex(0.5.squareRoot()) * ComplexMatrix(rows: [[.one, .one], [.one, -.one]]))
        case .s: (0, Self.diagonal([.one, Complex(0, 1)]))
        case .sdg: (0, Self.diagonal([.one, Complex(0, -1)]))
        case .t: (0, Self.diagonal([.one, Self.phase(.pi / 4)]))
        case .tdg: (0, Self.diagonal([.one, Self.phase(-.pi / 4)]))
        case .sx: (0, Self.sqrtX)
        case .sxdg: (0, Self.sqrtX.adjoint)
        case .rx:
            (
                0,
                ComplexMatrix(rows: [
                    [Complex(Elementary.cos(p[0] / 2)), Complex(0, -Elementary.sin(p[0] / 2))],
                    [Complex(0, -Elementary.sin(p[0] / 2)), Complex(Elementary.cos(p[0] / 2))],
                ])
            )
        case .ry:
            (
                0,
                ComplexMatrix(rows: [
                    [Complex(Elementary.cos(p[0] / 2)), Complex(-Elementary.sin(p[0] / 2))],
                    [Complex(Elementary.sin(p[0] / 2)), Complex(Elementary.cos(p[0] / 2))],
                ])
            )
        case .rz: (0, Self.diagonal([Self.phase(-p[0] / 2), Self.phase(p[0] / 2)]))
        // IonQ's GPI(φ) = [[0, e^{−iφ}], [e^{iφ}, 0]], a π rotation about cos φ X + sin φ Y.
        case .gpi: (0, ComplexMatrix(rows: [[.zero, Self.phase(-p[0])], [Self.phase(p[0]), .zero]]))
        // IonQ's GPI2(φ) = [[1, −i e^{−iφ}], [−i e^{iφ}, 1]]/√2, a π/2 rotation about the same axis.
        case .gpi2:
            (
                0,
                Complex(0.5.squareRoot())
                    * ComplexMatrix(rows: [[.one, Complex(0, -1) * Self.phase(-p[0])], [Complex(0, -1) * Self.phase(p[0]), .one]])
            )
        case .cx: (1, Self.pauliX)
        case .ccx: (2, Self.pauliX)
        case .c3x: (3, Self.pauliX)
        case .c4x: (4, Self.pauliX)
        case .cy: (1, StandardGate.y.controlledForm(parameters: [])!.base)
        case .cz: (1, StandardGate.z.controlledForm(parameters: [])!.base)
        case .ch: (1, StandardGate.h.controlledForm(parameters: [])!.base)
        case .crx: (1, StandardGate.rx.controlledForm(parameters: p)!.base)
        case .cry: (1, StandardGate.ry.controlledForm(parameters: p)!.base)
        case .crz: (1, StandardGate.rz.controlledForm(parameters: p)!.base)
        case .cu1, .cp: (1, StandardGate.p.controlledForm(parameters: p)!.base)
        case .cu3: (1, Self.u3(p[0], p[1], p[2]))
        // Qiskit's CUGate: the controlled block is e^{iγ}·U(θ, φ, λ) (γ is a relative phase here).
        case .cu: (1, Self.phase(p[3]) * Self.u3(p[0], p[1], p[2]))
        case .csx: (1, Self.sqrtX)
        case .c3sqrtx: (3, Self.sqrtX)
        case .swap, .cswap, .rxx, .rzz, .rccx, .rc3x, .ecr, .ms: nil
        }
    }

    /// Qiskit's U3(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]].
    static func u3(_ theta: Double, _ phi: Double, _ lambda: Double) -> ComplexMatrix {
        let (s, c) = Elementary.sincos(theta / 2)
        return ComplexMatrix(rows: [
            [Complex(c), -Complex(s) * phase(lambda)],
            [Complex(s) * phase(phi), Complex(c) * phase(phi + lambda)],
        ])
    }

    static let pauliX = ComplexMatrix(rows: [[.zero, .one], [.one, .zero]])
    static let sqrtX = ComplexMatrix(rows: [
        [Complex(0.5, 0.5), Complex(0.5, -0.5)],
        [Complex(0.5, -0.5), Complex(0.5, 0.5)],
    ])

    /// e^{iθ}.
    static func phase(_ theta: Double) -> Complex<Double> {
        let (sin, cos) = Elementary.sincos(theta)
        return Complex(cos, sin)
    }

    static func diagonal(_ entries: [Complex<Double>]) -> ComplexMatrix {
        var m = ComplexMatrix(dimension: entries.count, elements: .init(repeating: .zero, count: entries.count * entries.count))
        for (i, e) in entries.enumerated() { m[i, i] = e }
        return m
    }

    /// The permutation matrix sending basis state i to basis state `image[i]`.
    static func permutation(_ image: [Int]) -> ComplexMatrix {
        var m = ComplexMatrix(dimension: image.count, elements: .init(repeating: .zero, count: image.count * image.count))
        for (column, row) in image.enumerated() { m[row, column] = .one }
        return m
    }

    /// `base` on local bit `controls`, applied where local bits 0..<controls are all 1.
    static func controlled(_ base: ComplexMatrix, controls: Int) -> ComplexMatrix {
        var m = ComplexMatrix.identity(2 << controls)
        let mask = (1 << controls) - 1, target = 1 << controls
        for r in 0..<2 {
            for c in 0..<2 { m[mask | r * target, mask | c * target] = base[r, c] }
        }
        return m
    }
}
