extension ParameterizedCircuit {
    /// ∂f/∂θ by the two-term parameter-shift rule, where f(circuit) is any expectation value the
    /// caller computes from a bound circuit (any engine, noise, exact or sampled).
    ///
    /// Every gate whose angle a depends on θ_k adds (∂a/∂θ_k)·[f(a + π/2) − f(a − π/2)]/2 to the
    /// k-th entry; the rule is exact for all supported rotations (generators with eigenvalues ±1,
    /// see `ParameterizedGate`). `evaluate` receives the shifted circuit and an evaluation index
    /// (2g for gate g shifted by +π/2, 2g + 1 for −π/2) to key any sampling. Gates switched off by
    /// their condition input contribute nothing.
    public func parameterShiftGradient(
        parameters: [Double], inputs: [Double], evaluate: (Circuit, Int) throws -> Double
    ) rethrows -> [Double] {
        var gradient = [Double](repeating: 0, count: parameterCount)
        for (index, gate) in gates.enumerated() {
            guard let angle = gate.angle, let k = angle.parameter, gate.condition.map({ inputs[$0] != 0 }) ?? true else { continue }
            let plus = try evaluate(bind(parameters: parameters, inputs: inputs, shifting: (index, .pi / 2)), 2 * index)
            let minus = try evaluate(bind(parameters: parameters, inputs: inputs, shifting: (index, -.pi / 2)), 2 * index + 1)
            gradient[k] += angle.parameterScale * (plus - minus) / 2
        }
        return gradient
    }
}
