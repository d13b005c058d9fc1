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
        adjoint.setZero()
        for i in observable.indices { adjoint[i | i << qubitCount] = (observable[i], 0) }
        var stored = trainableGates
        for step in steps.reversed() {
            switch step {
            case .gate(let index):
                let gate = unitary.gates[index]
                if gate.angle.parameter != nil {
                    stored -= 1
                    if unitary.isActive(index, inputs: inputs) {
                        rho.setAmplitudes(real: snapshots + 2 * stored * rho.count, imaginary: snapshots + (2 * stored + 1) * rho.count)
                        let n = qubitCount
                        let rows = rho.pauliMatrixElement(bra: adjoint, xMask: gate.xMask, zMask: gate.zMask)
                        let columns = rho.pauliMatrixElement(bra: adjoint, xMask: gate.xMask << n, zMask: gate.zMask << n)
                        let both = rho.pauliMatrixElement(bra: adjoint, xMask: gate.xMask | gate.xMask << n, zMask: gate.zMask | gate.zMask << n)
                        let slope = gate.yCount == 0 ? (rows.y - columns.y) / 2 : (rows.x + columns.x) / 2
                        let middle = (value + both.x) / 2
                        shifted(index, middle + slope, middle - slope)
                    }
                }
                unitary.apply(index, to: adjoint, parameters: parameters, inputs: inputs, inverse: true)
                unitary.apply(index, to: adjoint, parameters: parameters, inputs: inputs, inverse: true, conjugate: true, offset: qubitCount)
            case .channel(let qubits, _, let adjointMatrix, let gate):
                if unitary.isActive(gate, inputs: inputs) { adjoint.applyDense(qubits: qubits, matrix: adjointMatrix) }
            }
        }
        return value
    }
}
