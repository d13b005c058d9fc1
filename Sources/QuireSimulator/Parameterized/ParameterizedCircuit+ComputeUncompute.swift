extension ParameterizedCircuit {
    /// The compute-uncompute circuit U(x) followed by U(y)† of a template without trainable
    /// parameters: inputs 0..<m are x, inputs m..<2m are y (m = `inputCount`). P(0…0) after it is
    /// the fidelity |⟨ψ(y)|ψ(x)⟩|² (Qiskit's `ComputeUncompute`).
    ///
    /// - Throws: `SimulationError.invalidParameterizedCircuit` for trainable parameters or a fixed
    ///   matrix gate (u2, u3, ecr, …), which an encoding does not use.
    public func computeUncompute() throws -> ParameterizedCircuit {
        guard parameterCount == 0 else {
            throw SimulationError.invalidParameterizedCircuit(message: "compute-uncompute needs a template without trainable parameters")
        }
        let inverse = try gates.reversed().map { gate in
            var inverse = gate
            inverse.condition = gate.condition.map { $0 + inputCount }
            if var angle = gate.angle {
                angle.constant = -angle.constant
                angle.inputScale = -angle.inputScale
                angle.input = angle.input.map { $0 + inputCount }
                inverse.angle = angle
                return inverse
            }
            guard !ParameterizedGate.matrixGates.contains(gate.gate) else {
                throw SimulationError.invalidParameterizedCircuit(message: "compute-uncompute of a fixed \(gate.gate.rawValue) is not supported")
            }
            let adjoints: [StandardGate: StandardGate] = [.s: .sdg, .sdg: .s, .t: .tdg, .tdg: .t, .sx: .sxdg, .sxdg: .sx]
            inverse.gate = adjoints[gate.gate] ?? gate.gate
            return inverse
        }
        return try ParameterizedCircuit(qubitCount: qubitCount, parameterCount: 0, inputCount: 2 * inputCount, gates: gates + inverse)
    }
}
