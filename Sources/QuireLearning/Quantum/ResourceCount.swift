import QuireSimulator

/// The resource cost of a circuit template: qubits, depth and gate counts by name.
///
/// Depth is the number of layers when every gate is placed as early as its qubits allow (the
/// usual ASAP definition, as Qiskit's `QuantumCircuit.depth()` without barriers). Conditional gates
/// (basis encoding) are counted as present: the figures are the worst case over inputs.
public struct ResourceCount: Hashable, Sendable {
    /// Number of qubits.
    public var qubits: Int
    /// Circuit depth.
    public var depth: Int
    /// Gate counts, sorted by gate name.
    public var gateCounts: [GateCount]
    /// Trainable parameters.
    public var parameters: Int

    /// How many gates of one name a circuit holds.
    public struct GateCount: Hashable, Sendable {
        /// The gate's OpenQASM name.
        public var name: String
        /// How many times it occurs.
        public var count: Int
    }

    /// Total number of gates.
    public var totalGates: Int { gateCounts.reduce(0) { $0 + $1.count } }

    /// Number of gates acting on two qubits.
    public var twoQubitGates: Int { gateCounts.filter { ["cx", "cy", "cz", "swap", "rxx", "rzz"].contains($0.name) }.reduce(0) { $0 + $1.count } }
}

extension ParameterizedCircuit {
    /// Qubits, depth, gate counts and trainable parameters of the template.
    public var resources: ResourceCount {
        var level = [Int](repeating: 0, count: qubitCount)
        var counts = [String: Int]()
        for gate in gates {
            let layer = gate.qubits.map { level[$0] }.max()! + 1
            for q in gate.qubits { level[q] = layer }
            counts[gate.gate.rawValue, default: 0] += 1
        }
        return ResourceCount(
            qubits: qubitCount, depth: level.max() ?? 0,
            gateCounts: counts.keys.sorted().map { ResourceCount.GateCount(name: $0, count: counts[$0]!) },
            parameters: parameterCount)
    }
}
