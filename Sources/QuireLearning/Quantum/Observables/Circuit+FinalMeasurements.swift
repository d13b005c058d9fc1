import QuireSimulator

extension Circuit {
    /// The circuit without its measurements, when each measures a qubit no later gate touches: the
    /// state before the final read, on which observables are taken.
    ///
    /// - Throws: `LearningError.unsupportedStatement` at a reset, a conditioned operation, or a gate on a qubit
    ///   measured earlier (a mid-circuit measurement), since the state would depend on outcomes.
    public func removingFinalMeasurements() throws -> Circuit {
        let hint = "observables are taken on the state before the final measurements; remove mid-circuit measure, reset and if"
        var measured = Set<Int>()
        var kept: [Operation] = []
        for operation in operations {
            guard operation.condition == nil else { throw LearningError.unsupported(operation, "observables need a circuit without if", hint: hint) }
            switch operation.kind {
            case .measure(let qubit, _):
                measured.insert(qubit)
            case .reset(let qubit):
                throw LearningError.unsupported(operation, "observables need a circuit without reset (qubit \(qubit))", hint: hint)
            case .gate(let gate, let qubits, _):
                if let qubit = qubits.first(where: measured.contains) {
                    throw LearningError.unsupported(operation, "\(gate.rawValue) acts on qubit \(qubit) after it was measured", hint: hint)
                }
                kept.append(operation)
            case .barrier:
                kept.append(operation)
            }
        }
        var circuit = self
        circuit.operations = kept
        return circuit
    }
}
