/// Hyperparameters of the multilayer perceptron, with scikit-learn's `MLPClassifier` names,
/// meanings and defaults (solver Adam, constant learning rate, training-loss early stopping).
public struct MLPParameters: Hashable, Sendable {
    /// The hidden nonlinearity.
    public enum Activation: String, Hashable, Sendable, CaseIterable {
        /// `max(0, z)`.
        case relu
        /// `tanh(z)`.
        case tanh
    }

    /// Widths of the hidden layers, each ≥ 1 (scikit-learn's `hidden_layer_sizes`, default (100,)).
    public var hiddenLayerSizes: [Int]
    /// The hidden activation (default ReLU).
    public var activation: Activation
    /// L2 penalty on the weights (not the biases), ≥ 0: the loss adds `α/2 · ‖W‖² / batch size`.
    public var alpha: Double
    /// Adam step size (`learning_rate_init`, default 0.001), > 0.
    public var learningRate: Double
    /// Mini-batch size; nil means `min(200, samples)` (scikit-learn's `"auto"`).
    public var batchSize: Int?
    /// Maximum number of epochs (`max_iter`, default 200).
    public var maxEpochs: Int
    /// Training stops when the epoch loss has not improved by `tolerance` for more than
    /// `patience` consecutive epochs (scikit-learn's `tol` = 1e-4, `n_iter_no_change` = 10).
    public var tolerance: Double
    /// See `tolerance`.
    public var patience: Int

    /// Parameters with scikit-learn's defaults unless given.
    public init(
        hiddenLayerSizes: [Int] = [100], activation: Activation = .relu, alpha: Double = 1e-4,
        learningRate: Double = 1e-3, batchSize: Int? = nil, maxEpochs: Int = 200,
        tolerance: Double = 1e-4, patience: Int = 10
    ) {
        self.hiddenLayerSizes = hiddenLayerSizes
        self.activation = activation
        self.alpha = alpha
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.maxEpochs = maxEpochs
        self.tolerance = tolerance
        self.patience = patience
    }

    /// Throws `LearningError.outOfRange` naming the first invalid field.
    public func validate() throws {
        try Check.integer(hiddenLayerSizes.count, "hidden_layer_sizes.count", of: "mlp", min: 1, max: 16)
        for size in hiddenLayerSizes { try Check.integer(size, "hidden_layer_sizes", of: "mlp", min: 1, max: 10_000) }
        try Check.real(alpha, "alpha", of: "mlp", lower: 0)
        try Check.real(learningRate, "learning_rate", of: "mlp", lower: 0, lowerClosed: false)
        if let batchSize { try Check.integer(batchSize, "batch_size", of: "mlp", min: 1) }
        try Check.integer(maxEpochs, "max_epochs", of: "mlp", min: 1)
        try Check.real(tolerance, "tolerance", of: "mlp", lower: 0)
        try Check.integer(patience, "patience", of: "mlp", min: 1)
    }
}
