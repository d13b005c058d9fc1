/// A classical baseline and the grid its hyperparameters are tuned over.
///
/// Grids are visited in scikit-learn's `ParameterGrid` order (parameter names sorted, the last one
/// varying fastest), so "first in grid order" breaks ties as `GridSearchCV` does.
public enum BaselineGrid: Hashable, Sendable {
    /// L2 logistic regression over a list of settings.
    case logisticRegression([LogisticRegressionParameters])
    /// RBF-kernel SVM over a list of settings.
    case rbfSVM([RBFSVMParameters])
    /// Multilayer perceptron over a list of settings.
    case mlp([MLPParameters])
    /// k-nearest neighbours over a list of settings.
    case knn([KNNParameters])
    /// Histogram gradient-boosted trees over a list of settings.
    case histGBT([HistGradientBoostingParameters])

    /// Which baseline this grid tunes.
    public var kind: BaselineKind {
        switch self {
        case .logisticRegression: .logisticRegression
        case .rbfSVM: .rbfSVM
        case .mlp: .mlp
        case .knn: .knn
        case .histGBT: .histGBT
        }
    }

    /// The name a document uses for this baseline.
    public var name: String { kind.rawValue }

    /// The default grid of a baseline: the qml-benchmarks
    /// protocol's grids (Bowles, Ahmed & Schuld 2024, `hyperparameter_settings.py`) where it has one.
    ///
    /// - `rbf-svm`: C ∈ {0.1, 1, 10, 100} × γ ∈ {0.001, 0.01, 0.1, 1} (qml-benchmarks `SVC`).
    /// - `mlp`: α ∈ {0.01, 0.001, 0.0001} × hidden layers ∈ {(100), (10, 10, 10, 10), (50, 10, 5)} ×
    ///   learning rate ∈ {0.001, 0.01, 0.1}, batch size 32, at most 3000 epochs (qml-benchmarks
    ///   `MLPClassifier` grid and its wrapper's `max_iter`).
    /// - `logistic-regression`: qml-benchmarks has none; C ∈ {0.001, 0.01, …, 1000}, the decade grid
    ///   around scikit-learn's default C = 1.
    /// - `knn`: qml-benchmarks has none; k ∈ {1, 3, 5, 7, 9, 15} (odd, so two classes cannot tie on
    ///   uniform votes, around scikit-learn's default 5) × weights ∈ {uniform, distance}. Tuning skips a
    ///   k larger than a fold's training set.
    /// - `hist-gbt`: qml-benchmarks has none; learning rate ∈ {0.05, 0.1, 0.3} × max leaf nodes ∈
    ///   {7, 15, 31}, 100 iterations, scikit-learn's other defaults (20 samples per leaf, no L2, 255 bins):
    ///   slower and faster shrinkage around the default 0.1, and trees from small to the default size.
    public static func standard(_ kind: BaselineKind) -> BaselineGrid {
        switch kind {
        case .logisticRegression:
            return .logisticRegression([0.001, 0.01, 0.1, 1, 10, 100, 1000].map { LogisticRegressionParameters(c: $0) })
        case .rbfSVM:
            return .rbfSVM([0.1, 1, 10, 100].flatMap { c in [0.001, 0.01, 0.1, 1].map { RBFSVMParameters(c: c, gamma: $0) } })
        case .mlp:
            return .mlp(
                [0.01, 0.001, 0.0001].flatMap { alpha in
                    [[100], [10, 10, 10, 10], [50, 10, 5]].flatMap { hidden in
                        [0.001, 0.01, 0.1].map {
                            MLPParameters(hiddenLayerSizes: hidden, alpha: alpha, learningRate: $0, batchSize: 32, maxEpochs: 3000)
                        }
                    }
                })
        case .knn:
            return .knn([1, 3, 5, 7, 9, 15].flatMap { k in KNNParameters.Weights.allCases.map { KNNParameters(neighbors: k, weights: $0) } })
        case .histGBT:
            return .histGBT(
                [0.05, 0.1, 0.3].flatMap { rate in [7, 15, 31].map { HistGradientBoostingParameters(learningRate: rate, maxLeafNodes: $0) } })
        }
    }

    /// Every grid point's settings, in grid order, for provenance.
    public var points: [[Hyperparameter]] {
        switch self {
        case .logisticRegression(let grid): grid.map(\.hyperparameters)
        case .rbfSVM(let grid): grid.map(\.hyperparameters)
        case .mlp(let grid): grid.map(\.hyperparameters)
        case .knn(let grid): grid.map(\.hyperparameters)
        case .histGBT(let grid): grid.map(\.hyperparameters)
        }
    }
}
