/// How the compiler places a circuit's qubits on a device's physical qubits.
public enum LayoutMethod: String, CaseIterable, Hashable, Sendable {
    /// Circuit qubit i on physical qubit i.
    case trivial
    /// A connected set of physical qubits and a placement chosen for the best estimated success
    /// from the device's calibration (`Layout.noiseAware`).
    case noiseAware = "noise-aware"
}

/// A placement of a circuit's (logical) qubits on a device's physical qubits.
public struct Layout: Hashable, Sendable {
    /// `physical[q]`: the physical qubit holding logical qubit q.
    public var physical: [Int]

    /// Creates a layout from the physical qubit of each logical qubit.
    public init(physical: [Int]) {
        self.physical = physical
    }

    /// Logical qubit i on physical qubit i.
    public static func trivial(qubits: Int) -> Layout {
        Layout(physical: Array(0..<qubits))
    }

    /// The layout `method` chooses for `circuit` (≤ two-qubit gates) on `device`.
    ///
    /// - Throws: `SimulationError.noConnectedSet` when no connected set of the device's qubits is as
    ///   large as the circuit (noise-aware only; a trivial layout meets disconnection when routing).
    public static func make(_ method: LayoutMethod, for circuit: Circuit, on device: Device, graph: CouplingGraph) throws(SimulationError) -> Layout {
        switch method {
        case .trivial: trivial(qubits: circuit.qubitCount)
        case .noiseAware: try noiseAware(circuit, on: device, graph: graph)
        }
    }

    /// A greedy placement in the manner of Qiskit's DenseLayout and VF2PostLayout scoring: from each
    /// physical start qubit, logical qubits are placed one at a time (the one most entangled with those
    /// placed first, then by total interaction, then by index) on the free qubit next to the placed
    /// set that adds the most estimated log-success (`LayoutScore`); the placement with the highest
    /// total wins, the lowest start qubit on ties. Deterministic: no random draw, sums in fixed order.
    static func noiseAware(_ circuit: Circuit, on device: Device, graph: CouplingGraph) throws(SimulationError) -> Layout {
        let n = circuit.qubitCount
        guard n > 0 else { return Layout(physical: []) }
        let score = LayoutScore(circuit: circuit, device: device, graph: graph)
        let sizes = Dictionary(grouping: graph.component, by: { $0 }).mapValues(\.count)
        guard let largest = sizes.values.max(), largest >= n else {
            throw .noConnectedSet(qubits: n, device: device.name, largest: sizes.values.max() ?? 0)
        }
        var best: (layout: [Int], value: Double)?
        for start in 0..<graph.qubitCount where sizes[graph.component[start]]! >= n {
            let placement = score.grow(from: start)
            let value = score.total(placement)
            if best == nil || value > best!.value { best = (placement, value) }
        }
        return Layout(physical: best!.layout)
    }
}
