/// A circuit prepared for the engines: validated, barriers and terminal measurements dropped, each
/// gate resolved to its kernel call and followed by its noise channels.
///
/// A measurement is terminal when no later operation touches its qubit and no later condition
/// reads its classical bit: it cannot change the final probabilities (the final read of every
/// qubit, readout error included, is `Simulator.run`'s), so it is skipped rather than split
/// into branches. A measurement whose bit no condition reads afterwards is kept as a collapse of
/// its qubit without recording the bit (`clbit == nil`).
struct SimulationProgram: Sendable {
    /// One prepared step and the condition under which it runs.
    struct Step: Sendable {
        var action: Action
        var condition: Condition?
    }

    /// What a step does.
    enum Action: Sendable {
        /// A gate (its kernel call and its qubits), then its noise channels in order.
        case gate(KernelOperation, qubits: [Int], channels: [QuantumChannel])
        /// A measurement of `qubit`, recorded in `clbit` (with `readout` error) when a condition reads it later.
        case measure(qubit: Int, clbit: Int?, readout: NoiseProfile.Readout?)
        /// A reset of `qubit` to |0⟩.
        case reset(qubit: Int)
    }

    let qubitCount: Int
    let steps: [Step]
    /// Whether any gate is followed by a channel.
    let hasGateNoise: Bool
    /// Whether any step can split the state into branches (measurement or reset).
    let hasBranching: Bool

    /// Validates `circuit` and prepares it under `noise` (nil: ideal), fusing gates into blocks of
    /// at most `fusedQubits` qubits (0: none; tests compare against that).
    init(circuit: Circuit, noise: NoiseModel?, fusedQubits: Int = maximumFusedQubits) throws(SimulationError) {
        let n = circuit.qubitCount, bits = circuit.clbitCount
        guard bits <= 64 else { throw .tooManyClassicalBits(count: bits) }
        qubitCount = n
        let operations = circuit.operations
        // Scan backwards: which qubits are touched and which bits are read after each operation.
        var touchedLater = Set<Int>(), readLater = Set<Int>()
        var prepared: [Step] = []
        for operation in operations.reversed() {
            let fail = { (message: String) in
                SimulationError.invalidOperation(line: operation.line, column: operation.column, message: message)
            }
            if let condition = operation.condition {
                let register = condition.register
                guard register.offset >= 0, register.size > 0, register.offset + register.size <= bits else {
                    throw fail("condition on register \(register.name) outside the \(bits) classical bits")
                }
            }
            var step: Step?
            switch operation.kind {
            case let .gate(gate, qubits, parameters):
                guard qubits.count == gate.qubitCount, parameters.count == gate.parameterCount else {
                    throw fail("\(gate.rawValue) takes \(gate.qubitCount) qubits and \(gate.parameterCount) parameters")
                }
                guard qubits.allSatisfy({ $0 >= 0 && $0 < n }), Set(qubits).count == qubits.count else {
                    throw fail("\(gate.rawValue) needs distinct qubits in 0..<\(n), got \(qubits)")
                }
                let channels = noise?.channels(after: gate, on: qubits) ?? []
                step = Step(
                    action: .gate(
                        KernelOperation(gate: gate, qubits: qubits, parameters: parameters),
                        qubits: qubits, channels: channels),
                    condition: operation.condition)
                touchedLater.formUnion(qubits)
            case let .measure(qubit, clbit):
                guard qubit >= 0, qubit < n, clbit >= 0, clbit < bits else {
                    throw fail("measure needs a qubit in 0..<\(n) and a bit in 0..<\(bits)")
                }
                if touchedLater.contains(qubit) || readLater.contains(clbit) {
                    let recorded = readLater.contains(clbit)
                    step = Step(
                        action: .measure(
                            qubit: qubit, clbit: recorded ? clbit : nil,
                            readout: recorded ? noise?.readout(qubit: qubit) : nil),
                        condition: operation.condition)
                }
                touchedLater.insert(qubit)
            case let .reset(qubit):
                guard qubit >= 0, qubit < n else { throw fail("reset needs a qubit in 0..<\(n)") }
                step = Step(action: .reset(qubit: qubit), condition: operation.condition)
                touchedLater.insert(qubit)
            case let .barrier(qubits):
                guard qubits.allSatisfy({ $0 >= 0 && $0 < n }) else { throw fail("barrier on a qubit outside 0..<\(n)") }
            }
            if let condition = operation.condition {
                readLater.formUnion(condition.register.offset..<condition.register.offset + condition.register.size)
            }
            if let step { prepared.append(step) }
        }
        steps = Self.fusingGates(prepared.reversed(), qubitCount: n, maximumQubits: fusedQubits)
        hasGateNoise = steps.contains {
            if case let .gate(_, _, channels) = $0.action { !channels.isEmpty } else { false }
        }
        hasBranching = steps.contains {
            if case .gate = $0.action { false } else { true }
        }
    }
}

extension Condition {
    /// Whether classical bits `clbits` (bit i = global classical bit i) satisfy the condition.
    func holds(for clbits: UInt64) -> Bool {
        let mask: UInt64 = register.size >= 64 ? ~0 : (1 << UInt64(register.size)) - 1
        return (clbits >> UInt64(register.offset)) & mask == value
    }
}

extension NoiseProfile.Readout {
    /// P(record `recorded` | qubit collapsed to `outcome`).
    func probability(recorded: Int, outcome: Int) -> Double {
        let flip = outcome == 0 ? probMeas1Prep0 : probMeas0Prep1
        return recorded == outcome ? 1 - flip : flip
    }
}
