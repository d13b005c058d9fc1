import QuireSimulator

/// How a variational model's gradient is obtained.
public enum GradientMethod: Hashable, Sendable {
    /// Adjoint differentiation on the exact statevector fast path (noiseless, no shots).
    case adjoint
    /// The two-term parameter-shift rule on the configured engine (noise and shots allowed).
    case parameterShift
    /// SPSA (Spall 1992) on the batch loss: ĝ = [L(θ + cΔ) − L(θ − cΔ)]/(2c) · Δ, Δₖ = ±1 drawn from
    /// `RandomStream(seed, purpose: "spsa").substream(index: step)`; two loss evaluations per step.
    case spsa(perturbation: Double)
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

    /// Creates a configuration with the documented defaults.
    public init(
        optimizer: Optimizer = .adam(learningRate: 0.05), epochs: Int = 30, batchSize: Int = 16, gradient: GradientMethod = .adjoint,
        loss: ClassifierLoss = .square, execution: SimulationOptions? = nil, seed: UInt64 = 0, threads: Int = 1
    ) {
        self.optimizer = optimizer
        self.epochs = epochs
        self.batchSize = batchSize
        self.gradient = gradient
        self.loss = loss
        self.execution = execution
        self.seed = seed
        self.threads = threads
    }

    /// Whether circuits run on the exact, noiseless statevector fast path.
    public var isExact: Bool {
        guard let execution else { return true }
        return execution.noise == nil && execution.shots == 0 && (execution.method == .statevector || execution.method == .auto)
    }

    /// Throws `LearningError.outOfRange` for an invalid setting or an impossible combination.
    func validate() throws {
        try optimizer.validate()
        try Check.integer(epochs, "epochs", of: "train", min: 1)
        try Check.integer(batchSize, "batch_size", of: "train", min: 1)
        try Check.integer(threads, "threads", of: "train", min: 1)
        if gradient == .adjoint, !isExact {
            throw LearningError.outOfRange(
                owner: "train", field: "gradient", value: "adjoint",
                valid: "{parameter-shift, spsa} with noise, shots or a density-matrix engine (adjoint needs the exact statevector)")
        }
        if case .spsa(let c) = gradient { try Check.real(c, "perturbation", of: "spsa", lower: 0, lowerClosed: false) }
        if case .spsa = optimizer, !({ if case .spsa = gradient { true } else { false } }()) {
            throw LearningError.outOfRange(
                owner: "train", field: "gradient", value: "\(gradient)", valid: "spsa (the spsa optimizer estimates its own gradient)")
        }
    }
}
