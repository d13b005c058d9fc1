extension Simulator {
    /// Expectation values ⟨P⟩ of `observables` after `circuit`, with the engine `options.method`
    /// selects (`auto`: as in `run`). Exact on the statevector and density-matrix engines, a mean
    /// over trajectories on the trajectories engine. Readout error does not enter: an expectation
    /// value is an operator average, not a read of bits (mid-circuit recorded bits still see it).
    public static func expectations(
        of observables: [PauliString], circuit: Circuit,
        options: SimulationOptions
    ) throws(SimulationError) -> [Double] {
        try validate(options)
        let noise = try noiseModel(options, circuit: circuit)
        let noisy = noise.map { !$0.isIdeal } ?? false
        let method = resolvedMethod(options.method, qubits: circuit.qubitCount, noisy: noisy)
        let values: [Double]
        switch method {
        case .statevector:
            let state = try Statevector(circuit: circuit, options: options)
            values = try observables.map { pauli throws(SimulationError) in try state.expectation(of: pauli) }
        case .densityMatrix:
            let rho = try DensityMatrix(circuit: circuit, options: options)
            values = try observables.map { pauli throws(SimulationError) in try rho.expectation(of: pauli) }
        case .trajectories, .auto:
            values = try Trajectories.expectations(of: observables, circuit: circuit, options: options)
        }
        for (pauli, value) in zip(observables, values)
        where !(abs(value) <= abs(pauli.coefficient) * (1 + resultTolerance(operations: circuit.operations.count))) {
            throw .resultOutOfRange(method: method, what: "⟨\(pauli.label)⟩", value: value)
        }
        return values
    }
}
