import Numerics
import QuireKernels

/// Gate fusion: runs of noiseless, unconditioned gates whose qubits together stay within
/// `maximumFusedQubits` become one dense gate (their product), as qsim's and Aer's fusers do.
///
/// Each gate is a full pass over the state, and memory bandwidth, not arithmetic, bounds a pass of
/// a one- or two-qubit gate: a 4-qubit dense gate costs a few such passes and can replace a dozen
/// (a layer of u3 on four qubits, then the cx between them, then the next layer). One-qubit runs
/// matter as much in transpiled circuits: in the QASMBench circuits of ../shared/qasmbench they are
/// 208 of 689 operations of hhl_n7, 424 of 944 of dnn_n8 and 245 of 480 of ising_n10.
///
/// Greedy and deterministic: pending blocks hold disjoint qubit sets. A gate joins the blocks it
/// touches when their qubits and its own fit; otherwise the largest touching block (the earliest of
/// equal ones) is emitted until they fit. A gate with noise, a conditional gate, a gate on more
/// qubits than a block may have, a measurement or a reset emits the blocks on its qubits and stands
/// alone. Gates on other qubits commute with a pending block, so delaying it changes nothing but
/// rounding, and the product is formed once, in circuit order, from each gate's own kernel: results
/// stay a pure function of the circuit (the same for every engine call, thread count and CPU).
extension SimulationProgram {
    /// The most qubits a fused gate acts on (the fused-gate kernel's limit, qsim's default too).
    static let maximumFusedQubits = AmplitudeBuffer.maximumFusedQubits

    /// A run of gates being fused: its qubits and its steps in circuit order.
    private struct Block {
        var qubits: [Int]
        var steps: [Step]
    }

    /// `steps` with gates fused into blocks of at most `maximumQubits` qubits (1: one-qubit runs only,
    /// 0: no fusion); a block of one gate keeps its original kernel call.
    static func fusingGates(_ steps: [Step], qubitCount: Int, maximumQubits: Int = maximumFusedQubits) -> [Step] {
        guard maximumQubits > 0 else { return steps }
        var fused: [Step] = []
        fused.reserveCapacity(steps.count)
        // Pending blocks by creation number; `owner[q]` is the block holding qubit q.
        var blocks: [Int: Block] = [:]
        var owner = [Int?](repeating: nil, count: qubitCount)
        var created = 0
        func emit(_ id: Int) {
            guard let block = blocks.removeValue(forKey: id) else { return }
            for qubit in block.qubits { owner[qubit] = nil }
            fused.append(block.steps.count == 1 ? block.steps[0] : fusedStep(block))
        }
        func owners(of qubits: [Int]) -> [Int] { Set(qubits.compactMap { owner[$0] }).sorted() }
        for step in steps {
            switch step.action {
            case let .gate(_, qubits, channels)
            where channels.isEmpty && step.condition == nil && qubits.count <= maximumQubits:
                var touching = owners(of: qubits)
                func width() -> Int { Set(qubits + touching.flatMap { blocks[$0]!.qubits }).count }
                while width() > maximumQubits {
                    // The largest block goes first; among equal ones the earliest (`touching` ascends).
                    let largest = touching.reversed().max { blocks[$0]!.qubits.count < blocks[$1]!.qubits.count }!
                    emit(largest)
                    touching.removeAll { $0 == largest }
                }
                var block = Block(qubits: [], steps: [])
                for id in touching {
                    let part = blocks.removeValue(forKey: id)!
                    block.qubits += part.qubits
                    block.steps += part.steps
                }
                block.qubits += qubits.filter { !block.qubits.contains($0) }
                block.steps.append(step)
                for qubit in block.qubits { owner[qubit] = created }
                blocks[created] = block
                created += 1
            case let .gate(_, qubits, _):
                owners(of: qubits).forEach(emit)
                fused.append(step)
            case let .measure(qubit, _, _), let .reset(qubit):
                owners(of: [qubit]).forEach(emit)
                fused.append(step)
            }
        }
        blocks.keys.sorted().forEach(emit)
        return fused
    }

    /// One step applying the product of `block`'s gates on its qubits in ascending order, dense or
    /// factored, whichever is less arithmetic (`FusedGate.factoring`).
    private static func fusedStep(_ block: Block) -> Step {
        let qubits = block.qubits.sorted()
        let gates = block.steps.map { step in
            guard case let .gate(operation, gateQubits, _) = step.action else {
                preconditionFailure("a fused block holds gates only")
            }
            return (operation: operation, qubits: gateQubits)
        }
        let product = gates.map { $0.operation.matrix(on: qubits) }.reduce(nil) { product, matrix in
            product.map { matrix * $0 } ?? matrix
        }!
        let operation = KernelOperation(fused: product, qubits: qubits, factored: FusedGate.factoring(gates, on: qubits))
        return Step(action: .gate(operation, qubits: qubits, channels: []), condition: nil)
    }
}
