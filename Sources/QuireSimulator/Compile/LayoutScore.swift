import Foundation
import QuireCore

/// The estimated log-success of placing a circuit's qubits on physical qubits, from a device's
/// calibration: each one-qubit gate and the final read on its qubit, and each two-qubit gate on
/// its pair; a pair that is not coupled costs 3 mean two-qubit errors per hop it must be routed
/// (a SWAP is three two-qubit gates) plus the gate itself.
struct LayoutScore {
    let graph: CouplingGraph
    /// Logical partners of each logical qubit with their two-qubit gate counts, by partner index.
    let partners: [[(qubit: Int, count: Int)]]
    /// One-qubit gates on each logical qubit.
    let oneQubitGates: [Int]
    /// log(1 − mean of each physical qubit's readout errors).
    let readout: [Double]
    /// log(1 − mean calibrated one-qubit gate error) per physical qubit.
    let oneQubit: [Double]
    /// log(1 − the smallest calibrated two-qubit error on each coupled pair), by `a * n + b`.
    let twoQubit: [Int: Double]
    /// log(1 − the mean two-qubit error of the device), for each gate routing adds.
    let meanTwoQubit: Double

    init(circuit: Circuit, device: Device, graph: CouplingGraph) {
        self.graph = graph
        let n = circuit.qubitCount
        var pairCounts: [[Int]] = Array(repeating: Array(repeating: 0, count: n), count: n)
        var singles = [Int](repeating: 0, count: n)
        for operation in circuit.operations {
            guard case let .gate(_, qubits, _) = operation.kind else { continue }
            if qubits.count == 1 { singles[qubits[0]] += 1 }
            for (i, a) in qubits.enumerated() {
                for b in qubits[(i + 1)...] where a != b {
                    pairCounts[a][b] += 1
                    pairCounts[b][a] += 1
                }
            }
        }
        partners = pairCounts.map { row in row.enumerated().filter { $0.element > 0 }.map { (qubit: $0.offset, count: $0.element) } }
        oneQubitGates = singles
        readout = device.qubits.map { Elementary.log1p(-($0.readout.probMeas1Prep0 + $0.readout.probMeas0Prep1) / 2) }
        var oneSums = [Double](repeating: 0, count: device.qubits.count)
        var oneCounts = [Int](repeating: 0, count: device.qubits.count)
        var two: [Int: Double] = [:]
        var twoSum = 0.0
        var twoCount = 0
        for calibration in device.gates {
            if calibration.qubits.count == 1 {
                oneSums[calibration.qubits[0]] += calibration.error
                oneCounts[calibration.qubits[0]] += 1
            } else if calibration.qubits.count == 2 {
                let (a, b) = (calibration.qubits[0], calibration.qubits[1])
                for key in [a * graph.qubitCount + b, b * graph.qubitCount + a] {
                    two[key] = min(two[key] ?? 1, calibration.error)
                }
                twoSum += calibration.error
                twoCount += 1
            }
        }
        oneQubit = zip(oneSums, oneCounts).map { $1 == 0 ? 0 : Elementary.log1p(-$0 / Double($1)) }
        twoQubit = two.mapValues { Elementary.log1p(-min($0, 1 - 1e-12)) }
        meanTwoQubit = twoCount == 0 ? 0 : Elementary.log1p(-min(twoSum / Double(twoCount), 1 - 1e-12))
    }

    /// The log-success of logical qubit `logical` on `physical` alone (its one-qubit gates and read).
    func site(_ logical: Int, _ physical: Int) -> Double {
        Double(oneQubitGates[logical]) * oneQubit[physical] + readout[physical]
    }

    /// The log-success of `count` two-qubit gates between physical qubits `a` and `b`.
    func pair(_ a: Int, _ b: Int, count: Int) -> Double {
        let hops = graph.distance(a, b)
        if hops == 1 { return Double(count) * (twoQubit[a * graph.qubitCount + b] ?? 0) }
        guard hops != .max else { return -.infinity }
        return Double(count) * Double(3 * (hops - 1) + 1) * meanTwoQubit
    }

    /// The total log-success of `placement` (physical qubit of each logical qubit).
    func total(_ placement: [Int]) -> Double {
        var value = 0.0
        for (logical, physical) in placement.enumerated() {
            value += site(logical, physical)
            for partner in partners[logical] where partner.qubit > logical {
                value += pair(physical, placement[partner.qubit], count: partner.count)
            }
        }
        return value
    }

    /// The greedy placement grown from physical qubit `start` (see `Layout.noiseAware`).
    func grow(from start: Int) -> [Int] {
        let n = partners.count
        var placement = [Int](repeating: -1, count: n)
        var used = Set<Int>()
        var frontier = Set<Int>()
        /// Interaction of each unplaced logical qubit with the placed ones.
        var attached = [Int](repeating: 0, count: n)
        let totals = partners.map { $0.reduce(0) { $0 + $1.count } }
        for _ in 0..<n {
            var logical = -1
            for candidate in 0..<n where placement[candidate] < 0 {
                if logical < 0 || (attached[candidate], totals[candidate]) > (attached[logical], totals[logical]) { logical = candidate }
            }
            var physical = start
            if !used.isEmpty {
                var bestValue = -Double.infinity
                physical = -1
                for candidate in frontier.sorted() {
                    var value = site(logical, candidate)
                    for partner in partners[logical] where placement[partner.qubit] >= 0 {
                        value += pair(candidate, placement[partner.qubit], count: partner.count)
                    }
                    if physical < 0 || value > bestValue { (physical, bestValue) = (candidate, value) }
                }
            }
            placement[logical] = physical
            used.insert(physical)
            frontier.remove(physical)
            for neighbor in graph.neighbors[physical] where !used.contains(neighbor) { frontier.insert(neighbor) }
            for partner in partners[logical] { attached[partner.qubit] += partner.count }
        }
        return placement
    }
}
