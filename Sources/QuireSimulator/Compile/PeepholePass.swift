/// One sweep of the peephole optimiser (`Circuit.optimized(level:basis:)`).
struct PeepholePass {
    let basis: NativeBasis
    /// Whether one-qubit runs move past two-qubit gates they commute with (level 2).
    let commuting: Bool

    /// A one-qubit run waiting on a wire: its product and its gates as written.
    private struct Run {
        var product: ComplexMatrix
        var operations: [Operation]
    }

    /// `operations` with each run of unconditioned one-qubit gates on a wire replaced by its
    /// re-synthesis (or kept, when that is not shorter), emitted where the wire is next used by an
    /// operation it does not commute with.
    func mergingOneQubitRuns(_ operations: [Operation], qubitCount: Int) -> [Operation] {
        var out: [Operation] = []
        out.reserveCapacity(operations.count)
        var pending = [Run?](repeating: nil, count: qubitCount)
        func flush(_ qubit: Int) {
            guard let run = pending[qubit] else { return }
            pending[qubit] = nil
            let calls = basis.synthesize(run.product)
            if calls.count >= run.operations.count {
                out += run.operations
            } else {
                basis.emit(calls, on: [qubit], like: run.operations[0], into: &out)
            }
        }
        for operation in operations {
            switch operation.kind {
            case let .gate(gate, qubits, parameters) where operation.condition == nil && qubits.count == 1:
                let matrix = gate.matrix(parameters: parameters)
                if let run = pending[qubits[0]] {
                    pending[qubits[0]] = Run(product: matrix * run.product, operations: run.operations + [operation])
                } else {
                    pending[qubits[0]] = Run(product: matrix, operations: [operation])
                }
            case let .gate(gate, qubits, parameters) where operation.condition == nil && qubits.count == 2 && commuting:
                let matrix = gate.matrix(parameters: parameters)
                for (position, qubit) in qubits.enumerated() {
                    if let run = pending[qubit], Self.commutes(run.product, onLocal: position, with: matrix) { continue }
                    flush(qubit)
                }
                out.append(operation)
            default:
                for qubit in Self.qubits(of: operation.kind) { flush(qubit) }
                out.append(operation)
            }
        }
        for qubit in pending.indices { flush(qubit) }
        return out
    }

    /// `operations` with each pair of equal, unconditioned two-qubit gates on the same qubits, with
    /// nothing between them on either wire and a product equal to the identity up to phase, removed.
    static func cancellingInversePairs(_ operations: [Operation], qubitCount: Int) -> [Operation] {
        var kept = [Bool](repeating: true, count: operations.count)
        // The index of the last kept operation on each wire.
        var last = [Int?](repeating: nil, count: qubitCount)
        for (index, operation) in operations.enumerated() {
            let qubits = Self.qubits(of: operation.kind)
            if case let .gate(gate, gateQubits, parameters) = operation.kind, operation.condition == nil, gateQubits.count == 2,
                let previous = last[gateQubits[0]], last[gateQubits[1]] == previous,
                case let .gate(previousGate, previousQubits, previousParameters) = operations[previous].kind,
                operations[previous].condition == nil, previousQubits == gateQubits,
                (gate.matrix(parameters: parameters) * previousGate.matrix(parameters: previousParameters)).isIdentityUpToPhase
            {
                kept[previous] = false
                kept[index] = false
                // The wires' previous operations are now unknown; nothing before the pair may pair with what follows.
                for qubit in gateQubits { last[qubit] = nil }
                continue
            }
            for qubit in qubits { last[qubit] = index }
        }
        return operations.indices.filter { kept[$0] }.map { operations[$0] }
    }

    /// Whether the one-qubit `u` on the gate's local qubit `position` commutes with the two-qubit `gate`.
    private static func commutes(_ u: ComplexMatrix, onLocal position: Int, with gate: ComplexMatrix) -> Bool {
        let identity = ComplexMatrix.identity(2)
        let embedded = position == 0 ? identity.kronecker(u) : u.kronecker(identity)
        return (gate * embedded).maxDistance(to: embedded * gate) <= NativeBasis.tolerance
    }

    /// The qubits an operation touches.
    static func qubits(of kind: Operation.Kind) -> [Int] {
        switch kind {
        case let .gate(_, qubits, _): qubits
        case let .measure(qubit, _), let .reset(qubit): [qubit]
        case let .barrier(qubits): qubits
        }
    }
}

extension ComplexMatrix {
    /// Whether the matrix is e^{iα}·I within `NativeBasis.tolerance`, entrywise.
    var isIdentityUpToPhase: Bool {
        let phase = self[0, 0]
        return maxDistance(to: phase * .identity(dimension)) <= NativeBasis.tolerance && abs(phase.length - 1) <= NativeBasis.tolerance
    }
}
