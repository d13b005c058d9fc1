import QuireCore

/// A SABRE router (Li, Ding and Xie, ASPLOS 2019; Qiskit's `SabreSwap` with the lookahead
/// heuristic): makes every two-qubit gate of a circuit act on a coupled pair of physical qubits by
/// inserting `swap` gates, and tracks where each logical qubit goes.
///
/// The gates whose predecessors have all run form the front layer; those on coupled pairs (and every
/// one-qubit gate, measurement, reset and barrier) run at once, in circuit order. When none can, each
/// SWAP on a coupling edge touching a front-layer gate is scored by the mean distance of the front
/// layer's pairs after it, plus `extendedSetWeight` times the mean over the next `extendedSetSize`
/// two-qubit gates, times the larger decay of its two qubits (raised by `decayIncrement` per SWAP,
/// reset after `decayReset` SWAPs or any progress); the lowest score wins, exact ties drawn from the
/// routing seed's Philox stream. After 10 × (device width) SWAPs without progress the first blocked
/// gate is routed along a shortest path (Qiskit's release valve), so routing always ends.
/// `trials` seeded trials run; the one with the fewest SWAPs is kept (the first on ties).
public struct SabreRouter {
    /// Two-qubit gates beyond the front layer that the lookahead considers.
    public static let extendedSetSize = 20
    /// Weight of the lookahead term.
    public static let extendedSetWeight = 0.5
    /// Decay added to both qubits of a chosen SWAP.
    public static let decayIncrement = 0.001
    /// SWAPs after which decay returns to 1.
    public static let decayReset = 5
    /// Routing trials, each with its own substream of the routing seed.
    public static let trials = 4

    /// A circuit on physical qubits with every two-qubit gate on a coupled pair.
    public struct Routed: Hashable, Sendable {
        /// The routed circuit: one register `q` as wide as the device, the logical circuit's classical registers.
        public var circuit: Circuit
        /// Where each logical qubit ends after the inserted SWAPs.
        public var finalLayout: Layout
        /// Number of `swap` gates inserted.
        public var swapCount: Int
    }

    let graph: CouplingGraph
    let operations: [Operation]
    /// Operations that must wait for each operation (shared qubit or classical bit), ascending.
    let successors: [[Int]]
    /// Number of operations each operation waits for.
    let predecessorCounts: [Int]
    /// The logical qubits of each two-qubit gate, (−1, −1) for every other operation: read in the
    /// scoring loops, where matching the operation itself costs reference counting.
    let pairs: [(Int, Int)]

    /// Routes `circuit` (gates on at most two qubits) from `layout` on the device of `graph`.
    ///
    /// - Throws: `SimulationError.disconnected` for a two-qubit gate whose qubits the layout puts in
    ///   different connected parts of the coupling map (no SWAP can bring them together).
    public static func route(
        _ circuit: Circuit, from layout: Layout, graph: CouplingGraph, device: String, seed: UInt64
    ) throws(SimulationError) -> Routed {
        for operation in circuit.operations {
            guard case let .gate(gate, qubits, _) = operation.kind else { continue }
            precondition(qubits.count <= 2, "routing needs gates on at most two qubits")
            guard qubits.count == 2 else { continue }
            let physical = qubits.map { layout.physical[$0] }
            guard graph.component[physical[0]] == graph.component[physical[1]] else {
                throw .disconnected(line: operation.line, column: operation.column, gate: gate, qubits: physical, device: device)
            }
        }
        let router = SabreRouter(circuit: circuit, graph: graph)
        let stream = RandomStream(seed: seed, purpose: "sabre-routing")
        var best: Routed?
        for trial in 0..<trials {
            var routed = router.trial(from: layout, stream: stream.substream(index: UInt64(trial)))
            routed.circuit.classicalRegisters = circuit.classicalRegisters
            if best == nil || routed.swapCount < best!.swapCount { best = routed }
        }
        return best!
    }

    init(circuit: Circuit, graph: CouplingGraph) {
        self.graph = graph
        operations = circuit.operations
        let qubits = circuit.qubitCount
        var last = [Int](repeating: -1, count: qubits + circuit.clbitCount)
        var successors = [[Int]](repeating: [], count: operations.count)
        var counts = [Int](repeating: 0, count: operations.count)
        for (index, operation) in operations.enumerated() {
            var wires: [Int]
            switch operation.kind {
            case let .gate(_, operands, _), let .barrier(operands): wires = operands
            case let .measure(qubit, clbit): wires = [qubit, qubits + clbit]
            case let .reset(qubit): wires = [qubit]
            }
            if let condition = operation.condition { wires += (0..<condition.register.size).map { qubits + condition.register.offset + $0 } }
            for wire in Set(wires).sorted() {
                let previous = last[wire]
                last[wire] = index
                guard previous >= 0, successors[previous].last != index else { continue }
                successors[previous].append(index)
                counts[index] += 1
            }
        }
        self.successors = successors
        predecessorCounts = counts
        pairs = operations.map { operation in
            guard case let .gate(_, qubits, _) = operation.kind, qubits.count == 2 else { return (-1, -1) }
            return (qubits[0], qubits[1])
        }
    }

    /// The logical qubits of operation `index` when it is a two-qubit gate.
    @inline(__always)
    private func pair(_ index: Int) -> (Int, Int)? {
        let pair = pairs[index]
        return pair.0 < 0 ? nil : pair
    }

    /// One routing pass from `initial`, tie breaks drawn from `stream`.
    func trial(from initial: Layout, stream: RandomStream) -> Routed {
        let width = graph.qubitCount
        var layout = initial.physical
        var output: [Operation] = []
        output.reserveCapacity(operations.count * 3 / 2)
        var remaining = predecessorCounts
        var front = remaining.indices.filter { remaining[$0] == 0 }
        var decay = [Double](repeating: 1, count: width)
        var swaps = 0
        var swapsSinceProgress = 0
        var draws: UInt64 = 0
        // Marks for `extendedSet` (operation → the call that last saw it) and the candidate SWAPs.
        var seen = [Int](repeating: -1, count: operations.count)
        var calls = 0
        var candidates: [Int] = []

        func swap(_ a: Int, _ b: Int, for blocked: Operation) {
            output.append(Operation(.gate(.swap, qubits: [a, b], parameters: []), line: blocked.line, column: blocked.column))
            for index in layout.indices {
                if layout[index] == a { layout[index] = b } else if layout[index] == b { layout[index] = a }
            }
            swaps += 1
            swapsSinceProgress += 1
        }

        while !front.isEmpty {
            var progressed = false
            var executed = true
            while executed {
                executed = false
                var waiting: [Int] = []
                var ready: [Int] = []
                for index in front {
                    if let (a, b) = pair(index), !graph.areCoupled(layout[a], layout[b]) {
                        waiting.append(index)
                        continue
                    }
                    output.append(Self.mapped(operations[index], layout))
                    executed = true
                    for successor in successors[index] {
                        remaining[successor] -= 1
                        if remaining[successor] == 0 { ready.append(successor) }
                    }
                }
                front = (waiting + ready).sorted()
                progressed = progressed || executed
            }
            if front.isEmpty { break }
            if progressed {
                decay = [Double](repeating: 1, count: width)
                swapsSinceProgress = 0
            }
            let blocked = front.filter { pair($0) != nil }
            if swapsSinceProgress >= 10 * width {
                let (a, b) = pair(blocked[0])!
                let path = graph.shortestPath(from: layout[a], to: layout[b])!
                for step in 0..<(path.count - 2) { swap(path[step], path[step + 1], for: operations[blocked[0]]) }
                continue
            }
            let extended = extendedSet(of: blocked, seen: &seen, call: calls)
            calls += 1
            candidates.removeAll(keepingCapacity: true)
            for index in blocked {
                let (a, b) = pair(index)!
                for physical in [layout[a], layout[b]] {
                    for neighbor in graph.neighbors[physical] { candidates.append(min(physical, neighbor) * width + max(physical, neighbor)) }
                }
            }
            candidates.sort()
            var bestScore = Double.infinity
            var ties: [(Int, Int)] = []
            for (position, candidate) in candidates.enumerated() where position == 0 || candidates[position - 1] != candidate {
                let (p, q) = (candidate / width, candidate % width)
                func moved(_ logical: Int) -> Int {
                    let physical = layout[logical]
                    return physical == p ? q : physical == q ? p : physical
                }
                func meanDistance(_ gates: [Int]) -> Double {
                    guard !gates.isEmpty else { return 0 }
                    var sum = 0
                    for index in gates {
                        let (a, b) = pair(index)!
                        sum += graph.distance(moved(a), moved(b))
                    }
                    return Double(sum) / Double(gates.count)
                }
                let score =
                    max(decay[p], decay[q]) * (meanDistance(blocked) + Self.extendedSetWeight * meanDistance(extended))
                if score < bestScore - 1e-12 {
                    bestScore = score
                    ties = [(p, q)]
                } else if score <= bestScore + 1e-12 {
                    ties.append((p, q))
                }
            }
            var chosen = ties[0]
            if ties.count > 1 {
                chosen = ties[Int(stream.uint64(at: draws) % UInt64(ties.count))]
                draws += 1
            }
            swap(chosen.0, chosen.1, for: operations[blocked[0]])
            decay[chosen.0] += Self.decayIncrement
            decay[chosen.1] += Self.decayIncrement
            if swaps % Self.decayReset == 0 { decay = [Double](repeating: 1, count: width) }
        }
        let circuit = Circuit(quantumRegisters: [Register(name: "q", size: width, offset: 0)], operations: output)
        return Routed(circuit: circuit, finalLayout: Layout(physical: layout), swapCount: swaps)
    }

    /// Up to `extendedSetSize` two-qubit gates that follow `front`, breadth first; `seen[i] == call`
    /// marks operation i as visited in this call (a distinct `call` per call, so `seen` needs no clearing).
    private func extendedSet(of front: [Int], seen: inout [Int], call: Int) -> [Int] {
        var extended: [Int] = []
        for index in front { seen[index] = call }
        var queue = front
        var head = 0
        while head < queue.count, extended.count < Self.extendedSetSize {
            let index = queue[head]
            head += 1
            for successor in successors[index] where seen[successor] != call {
                seen[successor] = call
                queue.append(successor)
                if pair(successor) != nil {
                    extended.append(successor)
                    if extended.count == Self.extendedSetSize { break }
                }
            }
        }
        return extended
    }

    /// `operation` on the physical qubits `layout` holds its logical qubits on.
    static func mapped(_ operation: Operation, _ layout: [Int]) -> Operation {
        var mapped = operation
        switch operation.kind {
        case let .gate(gate, qubits, parameters): mapped.kind = .gate(gate, qubits: qubits.map { layout[$0] }, parameters: parameters)
        case let .measure(qubit, clbit): mapped.kind = .measure(qubit: layout[qubit], clbit: clbit)
        case let .reset(qubit): mapped.kind = .reset(qubit: layout[qubit])
        case let .barrier(qubits): mapped.kind = .barrier(qubits: qubits.map { layout[$0] })
        }
        return mapped
    }
}
