extension Circuit {
    /// The circuit with every gate written in `basis`'s native gates, equal to this one up to a
    /// global phase. Gates in `basis.nativeGates` stay as they are; others are decomposed into
    /// one-qubit unitaries and `cx` (`StandardGate.decompose`), each unitary synthesised by the
    /// basis's family and each `cx` written with its entangler. Measure, reset and barrier are
    /// kept, and every emitted operation keeps its source operation's condition, line and column.
    /// Deterministic: the same circuit and basis give the same operations, bit for bit.
    public func translated(to basis: NativeBasis) -> Circuit {
        var out = self
        out.operations = []
        out.operations.reserveCapacity(operations.count)
        var primitives: [Primitive] = []
        for operation in operations {
            guard case let .gate(gate, qubits, parameters) = operation.kind, !basis.nativeGates.contains(gate) else {
                out.operations.append(operation)
                continue
            }
            primitives.removeAll(keepingCapacity: true)
            gate.decompose(qubits: qubits, parameters: parameters, into: &primitives)
            for primitive in primitives {
                basis.emit(primitive, like: operation, into: &out.operations)
            }
        }
        return out
    }
}

extension NativeBasis {
    /// Appends `primitive` in native gates, with `source`'s condition and location.
    func emit(_ primitive: Primitive, like source: Operation, into out: inout [Operation]) {
        switch primitive {
        case let .oneQubit(matrix, qubit):
            emit(synthesize(matrix), on: [qubit], like: source, into: &out)
        case let .cx(control, target):
            if nativeGates.contains(.cx) {
                emit([(.cx, [])], on: [control, target], like: source, into: &out)
                return
            }
            let form = entangler.cxForm
            emitPair(form.before, control: control, target: target, like: source, into: &out)
            emit([(entangler.gate, entangler.parameters)], on: [control, target], like: source, into: &out)
            emitPair(form.after, control: control, target: target, like: source, into: &out)
        }
    }

    private func emitPair(
        _ pair: (ComplexMatrix?, ComplexMatrix?), control: Int, target: Int, like source: Operation, into out: inout [Operation]
    ) {
        if let onControl = pair.0 { emit(synthesize(onControl), on: [control], like: source, into: &out) }
        if let onTarget = pair.1 { emit(synthesize(onTarget), on: [target], like: source, into: &out) }
    }

    /// Appends each call on `qubits` with `source`'s condition and location.
    func emit(_ calls: [GateCall], on qubits: [Int], like source: Operation, into out: inout [Operation]) {
        for call in calls {
            out.append(
                Operation(
                    .gate(call.gate, qubits: qubits, parameters: call.parameters), condition: source.condition, line: source.line,
                    column: source.column))
        }
    }
}
