/// A circuit compiled for a device (`DeviceCompiler.compile`): on physical qubits, in native gates,
/// every two-qubit gate on a coupling of the device in its direction, with what compilation did.
public struct DeviceCompilation: Hashable, Sendable {
    /// The compiled circuit: one register `q` as wide as the device; the logical classical registers.
    public var circuit: Circuit
    /// The physical qubit each logical qubit starts on.
    public var initialLayout: Layout
    /// The physical qubit each logical qubit ends on, after the routing SWAPs.
    public var finalLayout: Layout
    /// Number of `swap` gates routing inserted (before translation expanded them).
    public var swapCount: Int

    /// Creates a compiled circuit.
    public init(circuit: Circuit, initialLayout: Layout, finalLayout: Layout, swapCount: Int) {
        self.circuit = circuit
        self.initialLayout = initialLayout
        self.finalLayout = finalLayout
        self.swapCount = swapCount
    }

    /// Number of logical qubits.
    public var logicalQubitCount: Int { initialLayout.physical.count }

    /// Gates of each name in the compiled circuit, by name ascending.
    public var gateCounts: [(gate: StandardGate, count: Int)] {
        var counts: [StandardGate: Int] = [:]
        for operation in circuit.operations {
            if case let .gate(gate, _, _) = operation.kind { counts[gate, default: 0] += 1 }
        }
        return counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { (gate: $0.key, count: $0.value) }
    }

    /// Number of gates on two qubits.
    public var twoQubitGateCount: Int {
        circuit.operations.reduce(0) { count, operation in
            guard case let .gate(_, qubits, _) = operation.kind else { return count }
            return count + (qubits.count == 2 ? 1 : 0)
        }
    }

    /// Length of the longest chain of gates, measurements and resets that share a qubit or classical
    /// bit (Qiskit's `depth()`: barriers align their qubits but do not count).
    public var depth: Int {
        let qubits = circuit.qubitCount
        var level = [Int](repeating: 0, count: qubits + circuit.clbitCount)
        for operation in circuit.operations {
            var wires: [Int]
            var counts = true
            switch operation.kind {
            case let .gate(_, operands, _): wires = operands
            case let .barrier(operands): (wires, counts) = (operands, false)
            case let .measure(qubit, clbit): wires = [qubit, qubits + clbit]
            case let .reset(qubit): wires = [qubit]
            }
            if let condition = operation.condition { wires += (0..<condition.register.size).map { qubits + condition.register.offset + $0 } }
            let next = (wires.map { level[$0] }.max() ?? 0) + (counts ? 1 : 0)
            for wire in wires { level[wire] = next }
        }
        return level.max() ?? 0
    }

    /// The physical qubits the simulation needs: those the circuit acts on and those the layouts name.
    public var activeQubits: [Int] {
        Set(circuit.activeQubits + initialLayout.physical + finalLayout.physical).sorted()
    }

    /// Runs the compiled circuit on `device` with its noise (on the active qubits only, which gives
    /// the same probabilities: idle qubits take no noise) and reports the result over the logical
    /// qubits: logical qubit q is read from physical qubit `finalLayout.physical[q]`, the other
    /// physical qubits are summed over, so the table reads like the logical circuit's. Shots are
    /// sampled from those logical probabilities with `options.seed`.
    public func run(on device: Device, options: SimulationOptions) throws(SimulationError) -> SimulationResult {
        let active = activeQubits
        var physical = options
        physical.device = device.restricted(to: active)
        physical.shots = 0
        let result = try Simulator.run(circuit.relabeled(keeping: active), options: physical)
        let probabilities = Self.logicalProbabilities(
            result.probabilities, readQubits: finalLayout.physical.map { active.firstIndex(of: $0)! })
        let counts = options.shots > 0 ? Simulator.sample(probabilities, shots: options.shots, seed: options.seed) : []
        return SimulationResult(qubitCount: finalLayout.physical.count, method: result.method, probabilities: probabilities, counts: counts)
    }

    /// The probabilities of the logical qubits from those of a compiled circuit's qubits: logical
    /// qubit q read on qubit `readQubits[q]`, the other qubits summed over (in index order).
    public static func logicalProbabilities(_ probabilities: [Double], readQubits: [Int]) -> [Double] {
        var logical = [Double](repeating: 0, count: 1 << readQubits.count)
        for (state, probability) in probabilities.enumerated() {
            var reading = 0
            for (qubit, position) in readQubits.enumerated() { reading |= (state >> position & 1) << qubit }
            logical[reading] += probability
        }
        return logical
    }
}
