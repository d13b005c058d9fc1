import Foundation
import QuireCore
import QuireKernels

/// A `ParameterizedCircuit` lowered to kernel calls on an `AmplitudeBuffer`: the fast path of
/// training, kernels and adjoint differentiation.
///
/// Every gate becomes one allocation-free kernel call (rotations, XX/ZZ rotations, phases, CX,
/// swap, fixed 2×2 matrices computed once here), applied in place. The inverse of every gate is
/// available too (negated angle, adjoint matrix), for the backward sweep of adjoint differentiation.
public struct CompiledCircuit: Sendable {
    /// What a compiled gate does.
    enum Kind: Sendable {
        case rotation(AmplitudeBuffer.RotationAxis)
        case xx, zz
        /// e^{i·angle} on the basis states whose `mask` bits are all 1 (p, u1; cz with a constant π).
        case phase
        case matrix
        case cx, swap
    }

    /// One lowered gate.
    struct Gate: Sendable {
        var kind: Kind
        var q0: Int
        var q1: Int
        /// Phase mask (phase kind), or control mask (cx; cy as a controlled matrix on target q0).
        var mask: Int
        var angle: AngleExpression
        var matrix: AmplitudeBuffer.Matrix2
        var inverse: AmplitudeBuffer.Matrix2
        /// Input index that switches the gate on, or −1.
        var condition: Int
        /// The generator G of the rotation as X^x Z^z with `yCount` factors i (adjoint differentiation).
        var xMask: Int, zMask: Int, yCount: Int
    }

    /// Number of qubits.
    public let qubitCount: Int
    /// Number of trainable parameters.
    public let parameterCount: Int
    /// Number of circuit inputs.
    public let inputCount: Int
    let gates: [Gate]

    /// Lowers `circuit` (every gate of a `ParameterizedCircuit` is supported).
    public init(_ circuit: ParameterizedCircuit) {
        qubitCount = circuit.qubitCount
        parameterCount = circuit.parameterCount
        inputCount = circuit.inputCount
        gates = circuit.gates.map(Self.lower)
    }

    static func lower(_ g: ParameterizedGate) -> Gate {
        let q0 = g.qubits[0]
        let q1 = g.qubits.count > 1 ? g.qubits[1] : q0
        let identity = AmplitudeBuffer.Matrix2(SIMD2(1, 0), SIMD2(0, 0), SIMD2(0, 0), SIMD2(1, 0))
        var gate = Gate(
            kind: .matrix, q0: q0, q1: q1, mask: 0, angle: g.angle ?? AngleExpression(), matrix: identity, inverse: identity,
            condition: g.condition ?? -1, xMask: 0, zMask: 0, yCount: 0)
        switch g.gate {
        case .rx: (gate.kind, gate.xMask) = (.rotation(.x), 1 << q0)
        case .ry: (gate.kind, gate.xMask, gate.zMask, gate.yCount) = (.rotation(.y), 1 << q0, 1 << q0, 1)
        case .rz: (gate.kind, gate.zMask) = (.rotation(.z), 1 << q0)
        case .p, .u1: (gate.kind, gate.mask, gate.zMask) = (.phase, 1 << q0, 1 << q0)
        case .rxx: (gate.kind, gate.xMask) = (.xx, 1 << q0 | 1 << q1)
        case .rzz: (gate.kind, gate.zMask) = (.zz, 1 << q0 | 1 << q1)
        case .cz: (gate.kind, gate.mask, gate.angle) = (.phase, 1 << q0 | 1 << q1, AngleExpression(constant: .pi))
        case .cx: (gate.kind, gate.mask) = (.cx, 1 << q0)
        case .swap: gate.kind = .swap
        default:
            // A fixed gate with a matrix (h, x, y, z, s, sdg, t, tdg, sx, sxdg, id; cy as controlled matrix).
            let m = g.gate.controlledForm(parameters: [])!.base
            func entry(_ r: Int, _ c: Int, adjoint: Bool) -> SIMD2<Double> {
                let z = adjoint ? m[c, r].conjugate : m[r, c]
                return SIMD2(z.real, z.imaginary)
            }
            gate.matrix = .init(entry(0, 0, adjoint: false), entry(0, 1, adjoint: false), entry(1, 0, adjoint: false), entry(1, 1, adjoint: false))
            gate.inverse = .init(entry(0, 0, adjoint: true), entry(0, 1, adjoint: true), entry(1, 0, adjoint: true), entry(1, 1, adjoint: true))
            if g.gate == .cy { (gate.mask, gate.q0) = (1 << q0, q1) }
        }
        return gate
    }

    /// Work buffers for evaluating this circuit on one thread.
    public func makeWorkspace() -> EvaluationWorkspace {
        EvaluationWorkspace(qubitCount: qubitCount, snapshotCapacity: 0)
    }

    /// Prepares the state for parameters θ and inputs u in `workspace` and copies its 2ⁿ amplitudes,
    /// split into real and imaginary parts, to `real` and `imaginary`.
    public func prepareAmplitudes(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, workspace: EvaluationWorkspace,
        real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>
    ) {
        prepare(workspace.state, parameters: parameters, inputs: inputs)
        workspace.state.copyAmplitudes(real: real, imaginary: imaginary)
    }

    /// Sets `state` to |0…0⟩ and applies every gate for parameters θ and inputs u.
    func prepare(_ state: AmplitudeBuffer, parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>) {
        state.setBasisState(0)
        for index in gates.indices { apply(index, to: state, parameters: parameters, inputs: inputs, inverse: false) }
    }

    /// Whether gate `index` acts for inputs u (its condition input, if any, is non-zero).
    func isActive(_ index: Int, inputs: UnsafeBufferPointer<Double>) -> Bool {
        let condition = gates[index].condition
        return condition < 0 || inputs[condition] != 0
    }

    /// Applies gate `index` (or its inverse) in place.
    ///
    /// With `conjugate`, the entrywise complex conjugate of the gate acts instead, on qubits shifted
    /// up by `offset`: the column half of a vectorised density matrix (ρ → UρU† is U on the row bits
    /// and conj(U) on the column bits). conj(rx(a)) = rx(−a), conj(ry(a)) = ry(a), conj(rz(a)) = rz(−a).
    func apply(
        _ index: Int, to state: AmplitudeBuffer, parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>,
        inverse: Bool, conjugate: Bool = false, offset: Int = 0
    ) {
        let gate = gates[index]
        if gate.condition >= 0, inputs[gate.condition] == 0 { return }
        let (q0, q1, mask) = (gate.q0 + offset, gate.q1 + offset, gate.mask << offset)
        // The sine's sign: inverse negates the angle, and so does conjugation of a gate with an imaginary generator.
        let flip = inverse != conjugate
        switch gate.kind {
        case .rotation(let axis):
            let half = 0.5 * gate.angle.value(parameters: parameters, inputs: inputs)
            let negate = axis == .y ? inverse : flip
            state.applyRotation(axis, target: q0, cosHalf: Elementary.cos(half), sinHalf: negate ? -Elementary.sin(half) : Elementary.sin(half))
        case .xx:
            let half = 0.5 * gate.angle.value(parameters: parameters, inputs: inputs)
            state.applyXXRotation(q0, q1, cosHalf: Elementary.cos(half), sinHalf: flip ? -Elementary.sin(half) : Elementary.sin(half))
        case .zz:
            let half = 0.5 * gate.angle.value(parameters: parameters, inputs: inputs)
            state.applyZZRotation(q0, q1, cosHalf: Elementary.cos(half), sinHalf: flip ? -Elementary.sin(half) : Elementary.sin(half))
        case .phase:
            let angle = gate.angle.value(parameters: parameters, inputs: inputs)
            state.applyPhase(mask: mask, cos: Elementary.cos(angle), sin: flip ? -Elementary.sin(angle) : Elementary.sin(angle))
        case .matrix:
            var m = inverse ? gate.inverse : gate.matrix
            if conjugate { (m.m00.y, m.m01.y, m.m10.y, m.m11.y) = (-m.m00.y, -m.m01.y, -m.m10.y, -m.m11.y) }
            state.applyMatrix(m, target: q0, controlMask: mask)
        case .cx: state.applyControlledX(target: q1, controlMask: mask)
        case .swap: state.applySwap(q0, q1)
        }
    }
}
