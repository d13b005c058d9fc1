import Foundation
import QuireCore
import QuireKernels

/// A `ParameterizedCircuit` lowered to kernel calls on an `AmplitudeBuffer`: the fast path of
/// training, kernels and adjoint differentiation.
///
/// Every gate becomes one allocation-free kernel call (rotations, XX/ZZ rotations, phases, CX,
/// swap, fixed 2×2 and 4×4 matrices computed once here), applied in place. The inverse of every gate is
/// available too (negated angle, adjoint matrix), for the backward sweep of adjoint differentiation.
public struct CompiledCircuit: Sendable {
    /// What a compiled gate does.
    enum Kind: Sendable {
        case rotation(AmplitudeBuffer.RotationAxis)
        case xx, zz
        /// e^{i·angle} on the basis states whose `mask` bits are all 1 (p, u1; cz with a constant π).
        case phase
        case matrix
        /// A fixed two-qubit matrix (ecr, ms): `TwoQubitMatrix` number `mask` of `twoQubitMatrices`.
        case twoQubitMatrix
        case cx, swap
    }

    /// One lowered gate.
    struct Gate: Sendable {
        var kind: Kind
        var q0: Int
        var q1: Int
        /// Phase mask (phase kind), control mask (cx; cy as a controlled matrix on target q0), or
        /// the index of a two-qubit matrix.
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
    /// The fixed two-qubit matrices the `twoQubitMatrix` gates refer to.
    let twoQubitMatrices: [TwoQubitMatrix]
    /// Marks the workspaces whose trigonometry table belongs to this circuit (`+Trigonometry`).
    let tableOwner = TableOwner()

    /// Lowers `circuit` (every gate of a `ParameterizedCircuit` is supported).
    public init(_ circuit: ParameterizedCircuit) {
        qubitCount = circuit.qubitCount
        parameterCount = circuit.parameterCount
        inputCount = circuit.inputCount
        var matrices: [TwoQubitMatrix] = []
        gates = circuit.gates.map { gate in
            guard ParameterizedGate.matrixGates.contains(gate.gate), gate.qubits.count == 2 else {
                return Self.lower(gate)
            }
            matrices.append(TwoQubitMatrix(gate.gate.matrix(parameters: gate.constants)))
            return Gate(
                kind: .twoQubitMatrix, q0: gate.qubits[0], q1: gate.qubits[1], mask: matrices.count - 1, angle: AngleExpression(),
                matrix: .identity, inverse: .identity, condition: gate.condition ?? -1, xMask: 0, zMask: 0, yCount: 0)
        }
        twoQubitMatrices = matrices
    }

    /// The kernel call of one gate; fixed two-qubit matrices (ecr, ms) are lowered by `init`.
    static func lower(_ g: ParameterizedGate) -> Gate {
        let q0 = g.qubits[0]
        let q1 = g.qubits.count > 1 ? g.qubits[1] : q0
        var gate = Gate(
            kind: .matrix, q0: q0, q1: q1, mask: 0, angle: g.angle ?? AngleExpression(), matrix: .identity, inverse: .identity,
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
            // A fixed gate with a matrix (h, x, y, z, s, sdg, t, tdg, sx, sxdg, id, and u2, u3, u, gpi, gpi2
            // with their constants; cy as controlled matrix).
            let m = g.gate.controlledForm(parameters: g.constants)!.base
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
        prepare(workspace, parameters: parameters, inputs: inputs)
        workspace.state.copyAmplitudes(real: real, imaginary: imaginary)
    }

    /// Sets the workspace's state to |0…0⟩ and applies every gate for parameters θ and inputs u,
    /// with the angles that depend on θ alone from the workspace's table (`+Trigonometry`).
    func prepare(_ workspace: EvaluationWorkspace, parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>) {
        let table = trigonometryTable(parameters: parameters, workspace: workspace), state = workspace.state
        state.setBasisState(0)
        for index in gates.indices {
            let trigonometry = gates[index].angle.input == nil ? table[index] : self.trigonometry(index, parameters: parameters, inputs: inputs)
            apply(index, to: state, trigonometry: trigonometry, inputs: inputs, inverse: false)
        }
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
        apply(
            index, to: state, trigonometry: trigonometry(index, parameters: parameters, inputs: inputs), inputs: inputs,
            inverse: inverse, conjugate: conjugate, offset: offset)
    }

    /// cos and sin of gate `index`'s angle: of half the angle for rotations, of the angle for a
    /// phase, (1, 0) for gates without one. The kernels need nothing else of the angle.
    func trigonometry(_ index: Int, parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>) -> SIMD2<Double> {
        let gate = gates[index]
        switch gate.kind {
        case .rotation, .xx, .zz:
            // sincos is what sin and cos each compute: one call gives both, the same values.
            let (sin, cos) = Elementary.sincos(0.5 * gate.angle.value(parameters: parameters, inputs: inputs))
            return SIMD2(cos, sin)
        case .phase:
            let (sin, cos) = Elementary.sincos(gate.angle.value(parameters: parameters, inputs: inputs))
            return SIMD2(cos, sin)
        case .matrix, .twoQubitMatrix, .cx, .swap:
            return SIMD2(1, 0)
        }
    }

    /// `apply` with the gate's `trigonometry` given (from `trigonometry(_:parameters:inputs:)`).
    func apply(
        _ index: Int, to state: AmplitudeBuffer, trigonometry: SIMD2<Double>, inputs: UnsafeBufferPointer<Double>,
        inverse: Bool, conjugate: Bool = false, offset: Int = 0
    ) {
        let gate = gates[index]
        if gate.condition >= 0, inputs[gate.condition] == 0 { return }
        let (q0, q1, mask) = (gate.q0 + offset, gate.q1 + offset, gate.mask << offset)
        // The sine's sign: inverse negates the angle, and so does conjugation of a gate with an imaginary generator.
        let flip = inverse != conjugate
        let (c, s) = (trigonometry.x, trigonometry.y)
        switch gate.kind {
        case .rotation(let axis):
            let negate = axis == .y ? inverse : flip
            state.applyRotation(axis, target: q0, cosHalf: c, sinHalf: negate ? -s : s)
        case .xx:
            state.applyXXRotation(q0, q1, cosHalf: c, sinHalf: flip ? -s : s)
        case .zz:
            state.applyZZRotation(q0, q1, cosHalf: c, sinHalf: flip ? -s : s)
        case .phase:
            state.applyPhase(mask: mask, cos: c, sin: flip ? -s : s)
        case .matrix:
            var m = inverse ? gate.inverse : gate.matrix
            if conjugate { (m.m00.y, m.m01.y, m.m10.y, m.m11.y) = (-m.m00.y, -m.m01.y, -m.m10.y, -m.m11.y) }
            state.applyMatrix(m, target: q0, controlMask: mask)
        case .twoQubitMatrix:
            state.applyTwoQubit(q0, q1, matrix: twoQubitMatrices[gate.mask].entries(inverse: inverse, conjugate: conjugate))
        case .cx: state.applyControlledNot(target: q1, controlMask: mask)
        case .swap: state.applySwap(q0, q1)
        }
    }
}
