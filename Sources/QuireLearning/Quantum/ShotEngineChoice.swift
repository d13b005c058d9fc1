import QuireSimulator

/// Where a shot-based variational model's expectation values come from, chosen by a cost model
/// that a reader can check: the exact ⟨O⟩ of every circuit on a compiled fast path with the shots
/// then drawn from it (`ShotSampler`), or every circuit on the engine (`Simulator.run`, which samples
/// its own shots).
///
/// Costs are state-entry updates per training sample of one parameter-shift gradient (1 + 2T
/// circuits, T the trainable gates, g gates, c noise channels):
/// - `statevector-sampled` (no gate noise and no readout error): (1 + 2T)·g·2ⁿ, every shifted circuit
///   prepared on the compiled statevector;
/// - `density-matrix-sampled` (noise, engine auto or density-matrix, n ≤
///   `ExecutionPath.densityMatrixQubits`): 3·(g + c)·4ⁿ + 5T·4ⁿ, one forward pass keeping ρ after each
///   trainable gate and one adjoint pass giving every shifted value (`shiftedExpectations`);
/// - `engine` (always possible): (1 + 2T) times one engine run, (g + c)·4ⁿ on the density matrix or
///   trajectories·(g + c)·2ⁿ on trajectories.
/// The cheapest candidate runs. The choice depends on the spec alone (never on threads or memory).
public struct ShotEngineChoice: Sendable {
    /// The chosen candidate's name.
    public let engine: String
    /// Every candidate considered, with its cost, cheapest first (ties in the order listed above).
    public let candidates: [(name: String, cost: Double)]
    /// The cost model's inputs.
    public let qubits: Int, gates: Int, channels: Int, trainableGates: Int, shots: Int
    /// Where exact values come from: `.statevector` or `.densityMatrix`, or `.engine` (no sampling here).
    public let source: ExecutionPath

    /// The choice for `circuit` under `execution` (which has shots) with the gate and readout noise
    /// `model` (the execution's profile, or a device's).
    init(circuit: ParameterizedCircuit, execution: SimulationOptions, noise model: NoiseModel?, exactPath: ExecutionPath) {
        let n = circuit.qubitCount
        let g = circuit.gates.count
        let c = circuit.gates.reduce(0) { $0 + (model?.channels(after: $1.gate, on: $1.qubits).count ?? 0) }
        let t = circuit.gates.filter { $0.angle?.parameter != nil }.count
        let (two, four) = (Double(1 << n), Double(1 << n) * Double(1 << n))
        let circuits = Double(1 + 2 * t)
        var candidates: [(name: String, cost: Double, source: ExecutionPath)] = []
        if exactPath == .statevector { candidates.append(("statevector-sampled", circuits * Double(g) * two, .statevector)) }
        if exactPath == .densityMatrix {
            candidates.append(("density-matrix-sampled", 3 * Double(g + c) * four + 5 * Double(t) * four, .densityMatrix))
        }
        let method = Simulator.resolvedMethod(execution.method, qubits: n, noisy: model.map { !$0.isIdeal } ?? false)
        let perRun =
            switch method {
            case .densityMatrix: Double(g + c) * four
            case .trajectories: Double(execution.trajectories) * Double(g + c) * two
            case .statevector, .auto: Double(g) * two
            }
        candidates.append(("engine (\(method.rawValue), every circuit)", circuits * perRun, .engine))
        let ranked = candidates.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element)
        engine = ranked[0].name
        source = ranked[0].source
        self.candidates = ranked.map { ($0.name, $0.cost) }
        (qubits, gates, channels, trainableGates, shots) = (n, g, c, t, execution.shots)
    }
}
