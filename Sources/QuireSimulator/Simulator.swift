/// How a circuit is simulated (DESIGN §4.2).
public enum SimulationMethod: String, Hashable, Sendable, CaseIterable {
    /// Pure states, exact probabilities; noiseless circuits only (readout error aside).
    case statevector
    /// Mixed states with Kraus channels; exact noisy probabilities.
    case densityMatrix = "density-matrix"
    /// Monte Carlo wave-function: many pure-state trajectories, each keyed by its index.
    case trajectories
    /// Statevector if noiseless, density matrix up to 12 qubits, else trajectories.
    case auto
}

/// Everything besides the circuit that determines a simulation's result.
public struct SimulationOptions: Hashable, Sendable {
    /// The engine; `auto` picks one by the rule of DESIGN §4.2.
    public var method: SimulationMethod
    /// Number of sampled shots; 0 means exact probabilities only.
    public var shots: Int
    /// Seed of every random draw (shots, trajectories, mid-circuit outcomes).
    public var seed: UInt64
    /// Worker threads; results never depend on it.
    public var threads: Int
    /// Noise applied after gates and at readout; `nil` for an ideal device.
    public var noise: NoiseProfile?
    /// The device the circuit runs on as written (circuit qubit i on physical qubit i), whose
    /// calibration gives the noise (`NoiseModel(device:)`); excludes `noise`.
    public var device: Device?
    /// Number of trajectories for the trajectories method.
    public var trajectories: Int
    /// Refuse any request whose state would need more bytes than this, before allocating.
    public var memoryLimitBytes: Int

    /// Creates options with the documented defaults.
    public init(
        method: SimulationMethod = .auto, shots: Int = 0, seed: UInt64 = 0, threads: Int = 1,
        noise: NoiseProfile? = nil, device: Device? = nil, trajectories: Int = 1000,
        memoryLimitBytes: Int = 8 << 30
    ) {
        self.method = method
        self.shots = shots
        self.seed = seed
        self.threads = threads
        self.noise = noise
        self.device = device
        self.trajectories = trajectories
        self.memoryLimitBytes = memoryLimitBytes
    }
}

/// The outcome of simulating a circuit.
public struct SimulationResult: Hashable, Sendable {
    /// Number of qubits (all quantum registers).
    public var qubitCount: Int
    /// The engine that ran (never `auto`).
    public var method: SimulationMethod
    /// `probabilities[i]`: probability of reading basis state i on all qubits, readout error included.
    public var probabilities: [Double]
    /// Sampled outcomes as (basis-state index, count), ascending index; empty when shots = 0.
    public var counts: [(state: UInt64, count: Int)]

    /// Creates a result.
    public init(qubitCount: Int, method: SimulationMethod, probabilities: [Double], counts: [(state: UInt64, count: Int)]) {
        self.qubitCount = qubitCount
        self.method = method
        self.probabilities = probabilities
        self.counts = counts
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.qubitCount == rhs.qubitCount && lhs.method == rhs.method && lhs.probabilities == rhs.probabilities
            && lhs.counts.elementsEqual(rhs.counts) { $0.state == $1.state && $0.count == $1.count }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(qubitCount)
        hasher.combine(method)
        hasher.combine(probabilities)
        for entry in counts {
            hasher.combine(entry.state)
            hasher.combine(entry.count)
        }
    }

    /// The bitstring of basis state `state` with qubit n−1 leftmost (Qiskit's order).
    public func bitstring(_ state: UInt64) -> String {
        String((0..<qubitCount).reversed().map { state >> UInt64($0) & 1 == 1 ? "1" : "0" })
    }
}
