import QuireCore
import QuireKernels

extension CompiledCircuit {
    /// ⟨Z^zMask⟩ of the circuit whose trainable gate `gate` has its angle moved by `shift` (the
    /// parameter-shift rule's circuits), prepared in `state` without binding a `Circuit`.
    func expectation(
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
        case .matrix, .cx, .swap: preconditionFailure("gate \(index) is not a rotation")
        }
    }
}
