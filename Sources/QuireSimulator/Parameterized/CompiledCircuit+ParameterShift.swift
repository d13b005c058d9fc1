import QuireCore
import QuireKernels

extension CompiledCircuit {
    /// ⟨Z^zMask⟩ and, for every active trainable gate g, the values f(a_g ± π/2) of the two circuits
    /// the parameter-shift rule shifts at g, each prepared in `workspace` (from `makeWorkspace()`,
    /// overwritten) without binding a `Circuit`: `shifted(g, plus, minus)` is called in reverse gate
    /// order, as `CompiledDensityCircuit.shiftedExpectations` calls it.
    public func shiftedExpectations(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, zMask: Int, workspace: EvaluationWorkspace,
        shifted: (_ gate: Int, _ plus: Double, _ minus: Double) -> Void
    ) -> Double {
        for gate in gates.indices.reversed() where gates[gate].angle.parameter != nil && isActive(gate, inputs: inputs) {
            let plus = expectation(parameters: parameters, inputs: inputs, zMask: zMask, state: workspace.state, shifting: gate, by: .pi / 2)
            let minus = expectation(parameters: parameters, inputs: inputs, zMask: zMask, state: workspace.state, shifting: gate, by: -.pi / 2)
            shifted(gate, plus, minus)
        }
        return expectation(parameters: parameters, inputs: inputs, zMask: zMask, workspace: workspace)
    }

    /// ⟨Z^zMask⟩ of the circuit whose gate `gate` has its angle moved by `shift`, prepared in `state`.
    private func expectation(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, zMask: Int, state: AmplitudeBuffer,
        shifting gate: Int, by shift: Double
    ) -> Double {
        state.setBasisState(0)
        for index in gates.indices {
            apply(index, to: state, parameters: parameters, inputs: inputs, inverse: false)
            if index == gate { rotate(index, by: shift, state: state) }
        }
        return state.pauliZExpectation(zMask: zMask)
    }

    /// Applies exp(−i·s·G/2) with G the generator of rotation gate `index` (its own rotation by s;
    /// for p and u1 the phase e^{is}, which differs by a global phase).
    private func rotate(_ index: Int, by s: Double, state: AmplitudeBuffer) {
        let gate = gates[index]
        let (c, sn) = (Elementary.cos(s / 2), Elementary.sin(s / 2))
        switch gate.kind {
        case .rotation(let axis): state.applyRotation(axis, target: gate.q0, cosHalf: c, sinHalf: sn)
        case .xx: state.applyXXRotation(gate.q0, gate.q1, cosHalf: c, sinHalf: sn)
        case .zz: state.applyZZRotation(gate.q0, gate.q1, cosHalf: c, sinHalf: sn)
        case .phase: state.applyPhase(mask: gate.mask, cos: Elementary.cos(s), sin: Elementary.sin(s))
        case .matrix, .twoQubitMatrix, .cx, .swap: preconditionFailure("gate \(index) is not a rotation")
        }
    }
}
