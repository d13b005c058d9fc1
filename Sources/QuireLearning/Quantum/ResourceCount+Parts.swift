extension ResourceCount {
    /// A count from its parts, as a cache entry stored it (a result computed on another machine).
    public init(qubits: Int, depth: Int, gates gateCounts: [GateCount], parameters: Int) {
        self.qubits = qubits
        self.depth = depth
        self.gateCounts = gateCounts
        self.parameters = parameters
    }
}

extension ResourceCount.GateCount {
    /// `count` gates named `name`.
    public init(named name: String, count: Int) {
        self.name = name
        self.count = count
    }
}
