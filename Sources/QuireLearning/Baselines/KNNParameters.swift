/// Hyperparameters of the k-nearest-neighbours classifier, with scikit-learn's
/// `KNeighborsClassifier(algorithm="brute")` names and meanings (Euclidean distance).
public struct KNNParameters: Hashable, Sendable {
    /// How the neighbours' votes are weighted (scikit-learn's `weights`).
    public enum Weights: String, Hashable, Sendable, CaseIterable {
        /// Every neighbour counts 1.
        case uniform
        /// A neighbour counts 1/distance; when some neighbours coincide with the query (distance 0),
        /// only those count, 1 each.
        case distance
    }

    /// The number of neighbours consulted, ≥ 1 and at most the training samples (`n_neighbors`, default 5).
    public var neighbors: Int
    /// The vote weighting (default uniform).
    public var weights: Weights

    /// Parameters with scikit-learn's defaults unless given.
    public init(neighbors: Int = 5, weights: Weights = .uniform) {
        self.neighbors = neighbors
        self.weights = weights
    }

    /// Throws `LearningError.outOfRange` unless 1 ≤ `neighbors` ≤ `samples`.
    public func validate(samples: Int) throws {
        try Check.integer(neighbors, "n_neighbors", of: "knn", min: 1, max: max(samples, 1))
    }
}
