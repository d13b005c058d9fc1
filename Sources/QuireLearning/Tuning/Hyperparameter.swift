/// One named hyperparameter value, as provenance writes it out.
public struct Hyperparameter: Codable, Hashable, Sendable, CustomStringConvertible {
    /// A hyperparameter's value.
    public enum Value: Codable, Hashable, Sendable, CustomStringConvertible {
        /// A real number (C, γ, α, learning rate).
        case real(Double)
        /// An integer (epochs, batch size).
        case integer(Int)
        /// A list of integers (hidden layer sizes).
        case integers([Int])
        /// A word (activation).
        case text(String)

        /// The value as written in provenance: `0.1`, `200`, `[50, 10, 5]`, `relu`.
        public var description: String {
            switch self {
            case .real(let value): "\(value)"
            case .integer(let value): "\(value)"
            case .integers(let values): "[" + values.map(String.init).joined(separator: ", ") + "]"
            case .text(let value): value
            }
        }
    }

    /// The name, as scikit-learn spells it (`C`, `gamma`, `hidden_layer_sizes`, …).
    public let name: String
    /// The value.
    public let value: Value

    /// A named value.
    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    /// `name=value`.
    public var description: String { "\(name)=\(value)" }
}

extension LogisticRegressionParameters {
    /// Every setting, for provenance.
    public var hyperparameters: [Hyperparameter] {
        [
            Hyperparameter("C", .real(c)), Hyperparameter("tolerance", .real(tolerance)),
            Hyperparameter("max_iterations", .integer(maxIterations)),
        ]
    }
}

extension RBFSVMParameters {
    /// Every setting, for provenance.
    public var hyperparameters: [Hyperparameter] {
        [Hyperparameter("C", .real(c)), Hyperparameter("gamma", .real(gamma)), Hyperparameter("tolerance", .real(tolerance))]
    }
}

extension MLPParameters {
    /// Every setting, for provenance (`batch_size` is `auto` when not set).
    public var hyperparameters: [Hyperparameter] {
        [
            Hyperparameter("hidden_layer_sizes", .integers(hiddenLayerSizes)), Hyperparameter("activation", .text(activation.rawValue)),
            Hyperparameter("alpha", .real(alpha)), Hyperparameter("learning_rate", .real(learningRate)),
            Hyperparameter("batch_size", batchSize.map { .integer($0) } ?? .text("auto")),
            Hyperparameter("max_epochs", .integer(maxEpochs)), Hyperparameter("tolerance", .real(tolerance)),
            Hyperparameter("patience", .integer(patience)),
        ]
    }
}

extension KNNParameters {
    /// Every setting, for provenance.
    public var hyperparameters: [Hyperparameter] {
        [Hyperparameter("n_neighbors", .integer(neighbors)), Hyperparameter("weights", .text(weights.rawValue))]
    }
}

extension HistGradientBoostingParameters {
    /// Every setting, for provenance.
    public var hyperparameters: [Hyperparameter] {
        [
            Hyperparameter("learning_rate", .real(learningRate)), Hyperparameter("max_iter", .integer(maxIterations)),
            Hyperparameter("max_leaf_nodes", .integer(maxLeafNodes)), Hyperparameter("min_samples_leaf", .integer(minSamplesLeaf)),
            Hyperparameter("l2_regularization", .real(l2Regularization)), Hyperparameter("max_bins", .integer(maxBins)),
        ]
    }
}
