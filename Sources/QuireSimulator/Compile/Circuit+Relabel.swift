extension Circuit {
    /// The physical qubits the circuit acts on (gates, measurements, resets, barriers), ascending.
    public var activeQubits: [Int] {
        var active = Set<Int>()
        for operation in operations {
            switch operation.kind {
            case let .gate(_, qubits, _), let .barrier(qubits): active.formUnion(qubits)
            case let .measure(qubit, _), let .reset(qubit): active.insert(qubit)
            }
        }
        return active.sorted()
    }

    /// The circuit on qubits `0..<qubits.count`, qubit `qubits[k]` becoming qubit k, in one register
    /// `q`; every qubit the circuit acts on must be listed. How a compiled circuit on a large device
    /// is simulated on the qubits it uses (idle qubits take no noise from a device, as in Aer).
    public func relabeled(keeping qubits: [Int]) -> Circuit {
        var index: [Int: Int] = [:]
        for (position, qubit) in qubits.enumerated() { index[qubit] = position }
        var relabeled = Circuit(
            quantumRegisters: [Register(name: "q", size: qubits.count, offset: 0)], classicalRegisters: classicalRegisters)
        relabeled.operations = operations.map { operation in
            var copy = operation
            switch operation.kind {
            case let .gate(gate, operands, parameters): copy.kind = .gate(gate, qubits: operands.map { index[$0]! }, parameters: parameters)
            case let .measure(qubit, clbit): copy.kind = .measure(qubit: index[qubit]!, clbit: clbit)
            case let .reset(qubit): copy.kind = .reset(qubit: index[qubit]!)
            case let .barrier(operands): copy.kind = .barrier(qubits: operands.map { index[$0]! })
            }
            return copy
        }
        return relabeled
    }
}
