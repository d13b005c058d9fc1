import QuireKernels

extension CompiledCircuit {
    /// ⟨Z^zMask⟩ and its gradient with respect to θ by adjoint differentiation (Jones and Gacon 2020).
    ///
    /// One forward pass prepares |ψ⟩; then λ = O|ψ⟩ and, walking the gates backwards, each gate
    /// U = exp(−i·a·G/2) with a depending on θ_k contributes ∂⟨O⟩/∂a = Im⟨λ|G|ψ⟩ (ψ, λ taken after
    /// the gate) times ∂a/∂θ_k, before ψ and λ are both un-computed through U†. Cost: about 3 gate
    /// applications per gate plus one matrix element per trainable gate; no allocation.
    ///
    /// - Parameters:
    ///   - workspace: work buffers from `makeWorkspace()` (overwritten).
    ///   - gradient: receives ∂⟨O⟩/∂θ_k for every k (`parameterCount` entries, overwritten).
    /// - Returns: ⟨O⟩.
    public func adjointGradient(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, zMask: Int, workspace: EvaluationWorkspace,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        adjointGradient(
            parameters: parameters, inputs: inputs, zMask: zMask, state: workspace.state, adjoint: workspace.adjoint, gradient: gradient)
    }

    /// `adjointGradient` on explicit work buffers of `qubitCount` qubits.
    func adjointGradient(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, zMask: Int,
        state: AmplitudeBuffer, adjoint: AmplitudeBuffer, gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        prepare(state, parameters: parameters, inputs: inputs)
        let value = state.pauliZExpectation(zMask: zMask)
        adjoint.assign(from: state)
        adjoint.applyPauliZ(zMask: zMask)
        for k in gradient.indices { gradient[k] = 0 }
        for index in gates.indices.reversed() {
            let gate = gates[index]
            if let k = gate.angle.parameter, isActive(index, inputs: inputs) {
                let element = state.pauliMatrixElement(bra: adjoint, xMask: gate.xMask, zMask: gate.zMask)
                // ⟨λ|G|ψ⟩ = i^yCount · element; its imaginary part for yCount ∈ {0, 1}.
                let imaginary = gate.yCount == 0 ? element.y : element.x
                gradient[k] += gate.angle.parameterScale * imaginary
            }
            guard index > 0 else { break }
            apply(index, to: state, parameters: parameters, inputs: inputs, inverse: true)
            apply(index, to: adjoint, parameters: parameters, inputs: inputs, inverse: true)
        }
        return value
    }

    /// ⟨Z^zMask⟩ after preparing the state in `workspace` (overwritten).
    public func expectation(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, zMask: Int, workspace: EvaluationWorkspace
    ) -> Double {
        prepare(workspace.state, parameters: parameters, inputs: inputs)
        return workspace.state.pauliZExpectation(zMask: zMask)
    }
}
