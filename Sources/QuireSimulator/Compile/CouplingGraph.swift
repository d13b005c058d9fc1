/// A device's coupling map as an undirected graph, with the hop distance between every pair of
/// physical qubits (breadth-first search from each qubit), for layout and routing.
///
/// A two-qubit gate may be routed onto any coupled pair, whichever way the map lists it; the
/// direction a device runs its gates in is restored after translation (`DeviceCompiler`).
public struct CouplingGraph: Sendable {
    /// Number of physical qubits.
    public let qubitCount: Int
    /// The qubits coupled to each qubit, ascending.
    public let neighbors: [[Int]]
    /// Each qubit's connected component, named by its smallest qubit.
    public let component: [Int]
    /// `distances[a * qubitCount + b]`: hops from a to b, or `Int.max` between components.
    private let distances: [Int]

    /// The graph of `device.couplingMap`, which must name qubits of the device (`Device.validate()`).
    public init(device: Device) {
        let n = device.qubits.count
        var adjacent = [Set<Int>](repeating: [], count: n)
        for edge in device.couplingMap {
            adjacent[edge.first].insert(edge.second)
            adjacent[edge.second].insert(edge.first)
        }
        let neighbors = adjacent.map { $0.sorted() }
        var distances = [Int](repeating: .max, count: n * n)
        var queue: [Int] = []
        queue.reserveCapacity(n)
        for source in 0..<n {
            distances[source * n + source] = 0
            queue.removeAll(keepingCapacity: true)
            queue.append(source)
            var head = 0
            while head < queue.count {
                let qubit = queue[head]
                head += 1
                let next = distances[source * n + qubit] + 1
                for neighbor in neighbors[qubit] where distances[source * n + neighbor] == .max {
                    distances[source * n + neighbor] = next
                    queue.append(neighbor)
                }
            }
        }
        qubitCount = n
        self.neighbors = neighbors
        self.distances = distances
        component = (0..<n).map { qubit in (0..<n).first { distances[qubit * n + $0] != .max }! }
    }

    /// Hops between physical qubits `a` and `b`; `Int.max` when no path joins them.
    @inline(__always)
    public func distance(_ a: Int, _ b: Int) -> Int { distances[a * qubitCount + b] }

    /// Whether `a` and `b` are coupled (in either direction).
    @inline(__always)
    public func areCoupled(_ a: Int, _ b: Int) -> Bool { distance(a, b) == 1 }

    /// The qubits of a shortest path from `a` to `b`, both included (smallest next qubit first on
    /// ties); nil when no path joins them.
    public func shortestPath(from a: Int, to b: Int) -> [Int]? {
        guard distance(a, b) != .max else { return nil }
        var path = [a]
        var qubit = a
        while qubit != b {
            qubit = neighbors[qubit].first { distance($0, b) == distance(qubit, b) - 1 }!
            path.append(qubit)
        }
        return path
    }
}
