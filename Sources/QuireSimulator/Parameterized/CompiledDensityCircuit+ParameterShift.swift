import QuireKernels

extension CompiledDensityCircuit {
    /// ⟨O⟩ and, for every active trainable gate g, the exact values f(a_g ± π/2) of the two circuits
    /// the parameter-shift rule shifts at g, from one forward and one adjoint pass (no circuit is
    /// re-simulated): `shifted(g, plus, minus)` is called for each, in reverse gate order. Uses
    /// `workspace` (from `makeWorkspace()`, overwritten).
    ///
    /// With ρ' the state after gate g, Λ the observable carried back to that point (as in
    /// `adjointGradient`) and G the gate's Pauli generator, f(a + s) = Re⟨Λ|R(s)ρ'R(s)†⟩ = α + β·cos s
    /// + γ·sin s (G has eigenvalues ±1). Then γ = ∂f/∂a (the adjoint derivative), α = (f(a) + f(a + π))/2
    /// with f(a + π) = Re⟨Λ|G ρ' G⟩ one more Pauli matrix element, and f(a ± π/2) = α ± γ.
    public func shiftedExpectations(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, workspace: EvaluationWorkspace,
        shifted: (_ gate: Int, _ plus: Double, _ minus: Double) -> Void
    ) -> Double {
        let (rho, adjoint, snapshots) = (workspace.state, workspace.adjoint, workspace.snapshots)
        prepare(rho, parameters: parameters, inputs: inputs, snapshots: snapshots)
        let value = expectation(rho)
        let n = qubitCount
        backward(parameters: parameters, inputs: inputs, adjoint: adjoint, snapshots: snapshots) { index, real, imaginary in
            let gate = unitary.gates[index]
            let elements = adjoint.pauliMatrixElements(
                ketReal: real, ketImaginary: imaginary,
                masks: [
                    (gate.xMask, gate.zMask), (gate.xMask << n, gate.zMask << n),
                    (gate.xMask | gate.xMask << n, gate.zMask | gate.zMask << n),
                ])
            let (rows, columns, both) = (elements[0], elements[1], elements[2])
            let slope = gate.yCount == 0 ? (rows.y - columns.y) / 2 : (rows.x + columns.x) / 2
            let middle = (value + both.x) / 2
            shifted(index, middle + slope, middle - slope)
        }
        return value
    }
}
