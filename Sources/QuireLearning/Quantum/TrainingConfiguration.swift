import QuireSimulator

/// How a variational model's gradient is obtained.
public enum GradientMethod: Hashable, Sendable {
    /// Adjoint differentiation on an exact fast path: the statevector, or the density matrix with noise (no shots).
    case adjoint
    /// The two-term parameter-shift rule on the configured engine (noise and shots allowed).
    case parameterShift
    /// SPSA (Spall 1992) on the batch loss: ĝ = [L(θ + cΔ) − L(θ − cΔ)]/(2c) · Δ, Δₖ = ±1 drawn from
    /// `RandomStream(seed, purpose: "spsa").substream(index: step)`; two loss evaluations per step.
    case spsa(perturbation: Double)
}

/// Where a variational model's circuits are evaluated (chosen by `TrainingConfiguration.path`).
public enum ExecutionPath: Hashable, Sendable {
    /// `CompiledCircuit` on a statevector: noiseless and exact.
    case statevector
    /// `CompiledDensityCircuit` on a vectorised density matrix: noisy and exact, with adjoint gradients.
    case densityMatrix
    /// `Simulator.run` per circuit: shots, trajectories, any size.
    case engine

    /// Largest model the density-matrix fast path takes (its state has 4ⁿ entries, 16 MiB at 10 qubits).
    public static let densityMatrixQubits = 10
}

/// Everything that determines a variational training run besides the model and the data.
///
/// Determinism: parameters start at θₖ = 2π·u with u = `RandomStream(seed, purpose: "init")
/// .uniform(at: k)` and bias 0; epoch e visits the training samples in the order of a Fisher–Yates
/// permutation drawn from `RandomStream(seed, purpose: "batches").substream(index: e)`, cut into
/// consecutive batches of `batchSize` (the last may be smaller); the batch loss and gradient are
/// means over the batch summed in sample order. Samples of a batch run on up to `threads` workers,
/// each with its own reused state buffers, and the result is identical for any thread count.
public struct TrainingConfiguration: Hashable, Sendable {
    /// The optimizer (default Adam, learning rate 0.05).
    public var optimizer: Optimizer
    /// Passes over the training set (default 30).
    public var epochs: Int
    /// Samples per optimizer step (default 16).
    public var batchSize: Int
    /// Gradient method (default adjoint).
    public var gradient: GradientMethod
    /// Per-sample loss (default square).
    public var loss: ClassifierLoss
    /// Engine, noise, shots and seed of circuit evaluations; nil (default) means the exact
    /// statevector fast path. Its `seed` keys the shots.
    public var execution: SimulationOptions?
    /// The training seed (initial parameters, batches, SPSA directions).
    public var seed: UInt64
    /// Worker threads (results never depend on it).
    public var threads: Int
    /// The model's circuit compiled for a device, whose calibration is the noise (`execution.noise`
    /// must then be nil); nil runs the logical circuit.
    public var device: DeviceTemplate?

    /// Creates a configuration with the documented defaults.
    public init(
        optimizer: Optimizer = .adam(learningRate: 0.05), epochs: Int = 30, batchSize: Int = 16, gradient: GradientMethod = .adjoint,
        loss: ClassifierLoss = .square, execution: SimulationOptions? = nil, seed: UInt64 = 0, threads: Int = 1,
        device: DeviceTemplate? = nil
    ) {
        self.optimizer = optimizer
        self.epochs = epochs
        self.batchSize = batchSize
        self.gradient = gradient
        self.loss = loss
        self.execution = execution
        self.seed = seed
        self.threads = threads
        self.device = device
    }

    /// Where circuits of a `qubits`-qubit model run: the statevector fast path when noiseless and
    /// exact; the density-matrix fast path when noisy, exact (no shots), on the density-matrix or
    /// auto method and at most `ExecutionPath.densityMatrixQubits` qubits; otherwise the engine
    /// through `Simulator.run` (shots, trajectories, larger registers). On a device the compiled
    /// template's qubits and the device's noise decide.
    public func path(qubits: Int) -> ExecutionPath {
        guard let execution else { return .statevector }
        if execution.shots > 0 { return .engine }
        let qubits = device?.circuit.qubitCount ?? qubits
        let ideal =
            (device?.noise ?? execution.noise.map(NoiseModel.init(profile:))).map { model in
                model.isIdeal
                    && (0..<qubits).allSatisfy { q in model.readout(qubit: q).map { $0.probMeas1Prep0 == 0 && $0.probMeas0Prep1 == 0 } ?? true }
            } ?? true
        if ideal, execution.method == .statevector || execution.method == .auto { return .statevector }
        let densityAllowed = execution.method == .densityMatrix || (execution.method == .auto && qubits <= Simulator.autoDensityMatrixQubits)
        return densityAllowed && qubits <= ExecutionPath.densityMatrixQubits ? .densityMatrix : .engine
    }

    /// How a model's shot-based evaluations run (`ShotEngineChoice`), `circuit` being the compiled
    /// template on a device; nil without shots.
    public func shotEngine(for circuit: ParameterizedCircuit) -> ShotEngineChoice? {
        guard var exact = execution, exact.shots > 0 else { return nil }
        let execution = exact
        exact.shots = 0
        let exactPath = TrainingConfiguration(execution: exact, device: device).path(qubits: circuit.qubitCount)
        let noise = device?.noise ?? execution.noise.map(NoiseModel.init(profile:))
        return ShotEngineChoice(circuit: circuit, execution: execution, noise: noise, exactPath: exactPath)
    }

    /// Throws `LearningError.outOfRange` for an invalid setting or an impossible combination.
    func validate(qubits: Int) throws {
        try optimizer.validate()
        try Check.integer(epochs, "epochs", of: "train", min: 1)
        try Check.integer(batchSize, "batch_size", of: "train", min: 1)
        try Check.integer(threads, "threads", of: "train", min: 1)
        try execution?.noise?.validate(qubitCount: qubits)
        if gradient == .adjoint, path(qubits: qubits) == .engine {
            throw LearningError.outOfRange(
                owner: "train", field: "gradient", value: "adjoint",
                valid:
                    "{parameter-shift, spsa} with shots, trajectories or more than \(ExecutionPath.densityMatrixQubits) noisy qubits (adjoint needs exact states)"
            )
        }
        if case .spsa(let c) = gradient { try Check.real(c, "perturbation", of: "spsa", lower: 0, lowerClosed: false) }
        if case .spsa = optimizer, !({ if case .spsa = gradient { true } else { false } }()) {
            throw LearningError.outOfRange(
                owner: "train", field: "gradient", value: "\(gradient)", valid: "spsa (the spsa optimizer estimates its own gradient)")
        }
    }
}
