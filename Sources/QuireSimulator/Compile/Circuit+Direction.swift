extension Circuit {
    /// The circuit with every two-qubit gate on a pair the device couples only the other way written
    /// on that way (`edges`: the device's directed couplings): operands exchanged for the symmetric
    /// gates (cz, swap, rxx, rzz; ms with its two phases exchanged), `cx` conjugated by H⊗H, `ecr`
    /// by Qiskit's `GateDirection` identity, any other gate between two SWAPs. The one-qubit gates and
    /// SWAPs this adds are not native: translate the result again. Gates on pairs coupled in their own
    /// direction, or in neither (routing's concern), are kept.
    func directed(along edges: Set<Device.Edge>) -> Circuit {
        var out = self
        out.operations = []
        out.operations.reserveCapacity(operations.count)
        for operation in operations {
            guard case let .gate(gate, qubits, parameters) = operation.kind, qubits.count == 2,
                !edges.contains(Device.Edge(qubits[0], qubits[1])), edges.contains(Device.Edge(qubits[1], qubits[0]))
            else {
                out.operations.append(operation)
                continue
            }
            let (a, b) = (qubits[0], qubits[1])
            func add(_ gate: StandardGate, _ qubits: [Int], _ parameters: [Double] = []) {
                var copy = operation
                copy.kind = .gate(gate, qubits: qubits, parameters: parameters)
                out.operations.append(copy)
            }
            switch gate {
            case .cz, .swap, .rxx, .rzz: add(gate, [b, a], parameters)
            case .ms: add(gate, [b, a], parameters.reversed())
            case .cx:
                add(.h, [a])
                add(.h, [b])
                add(.cx, [b, a])
                add(.h, [a])
                add(.h, [b])
            case .ecr:
                add(.ry, [a], [-Double.pi / 2])
                add(.ry, [b], [Double.pi / 2])
                add(.ecr, [b, a])
                add(.h, [a])
                add(.h, [b])
            default:
                add(.swap, [a, b])
                add(gate, [b, a], parameters)
                add(.swap, [a, b])
            }
        }
        return out
    }
}
