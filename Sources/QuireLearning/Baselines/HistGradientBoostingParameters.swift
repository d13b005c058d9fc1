/// Hyperparameters of the histogram gradient-boosted trees, with scikit-learn's
/// `HistGradientBoostingClassifier` names, meanings and defaults (log loss, no depth limit,
/// 255 bins, and no early stopping: scikit-learn's `early_stopping="auto"` turns it on only above
/// 10,000 samples, beyond any data set Quire generates).
public struct HistGradientBoostingParameters: Hashable, Sendable {
    /// Shrinkage of every leaf value (`learning_rate`, default 0.1), > 0.
    public var learningRate: Double
    /// Boosting iterations (`max_iter`, default 100); each adds one tree, or one per class for three or more.
    public var maxIterations: Int
    /// Leaves per tree, ≥ 2 (`max_leaf_nodes`, default 31): the tree grows best-first until it has them.
    public var maxLeafNodes: Int
    /// Samples a leaf must keep, ≥ 1 (`min_samples_leaf`, default 20).
    public var minSamplesLeaf: Int
    /// L2 penalty λ on leaf values, ≥ 0 (`l2_regularization`, default 0): a leaf's value is −G/(H + λ).
    public var l2Regularization: Double
    /// Bins per feature, 2–255 (`max_bins`, default 255).
    public var maxBins: Int

    /// Parameters with scikit-learn's defaults unless given.
    public init(
        learningRate: Double = 0.1, maxIterations: Int = 100, maxLeafNodes: Int = 31, minSamplesLeaf: Int = 20,
        l2Regularization: Double = 0, maxBins: Int = 255
    ) {
        self.learningRate = learningRate
        self.maxIterations = maxIterations
        self.maxLeafNodes = maxLeafNodes
        self.minSamplesLeaf = minSamplesLeaf
        self.l2Regularization = l2Regularization
        self.maxBins = maxBins
    }

    /// Throws `LearningError.outOfRange` naming the first invalid field.
    public func validate() throws {
        try Check.real(learningRate, "learning_rate", of: "hist-gbt", lower: 0, lowerClosed: false)
        try Check.integer(maxIterations, "max_iter", of: "hist-gbt", min: 1, max: 100_000)
        try Check.integer(maxLeafNodes, "max_leaf_nodes", of: "hist-gbt", min: 2)
        try Check.integer(minSamplesLeaf, "min_samples_leaf", of: "hist-gbt", min: 1)
        try Check.real(l2Regularization, "l2_regularization", of: "hist-gbt", lower: 0)
        try Check.integer(maxBins, "max_bins", of: "hist-gbt", min: 2, max: 255)
    }
}
