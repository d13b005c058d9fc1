/// The k-nearest-neighbours classifier, deciding exactly as scikit-learn's brute-force
/// `KNeighborsClassifier` does (see `NeighborVote` for the tie rules).
///
/// Fitting only keeps the training set; prediction measures every query against every training row.
public struct KNNClassifier: Classifier {
    /// The training rows.
    public let trainingFeatures: Matrix
    /// The training labels.
    public let trainingLabels: [Int]
    /// The number of classes.
    public let classCount: Int
    /// The parameters it was fitted with.
    public let parameters: KNNParameters

    /// Keeps `data` for prediction.
    ///
    /// - Throws: `LearningError.outOfRange` when `neighbors` is below 1 or above the sample count,
    ///   `LearningError.unusableData` when a class has no samples.
    public static func fit(_ data: Dataset, parameters: KNNParameters = .init()) throws -> KNNClassifier {
        try data.requireEveryClass(for: "knn")
        try parameters.validate(samples: data.sampleCount)
        return KNNClassifier(trainingFeatures: data.features, trainingLabels: data.labels, classCount: data.classCount, parameters: parameters)
    }

    /// The predicted class of every row: the most voted, ties to the smallest class.
    public func predict(_ features: Matrix) -> [Int] {
        (0..<features.rows).map { NeighborVote.winner(votes(features, row: $0)) }
    }

    /// The votes of every row normalised to sum 1 (scikit-learn's `predict_proba` for uniform weights;
    /// for distance weights the same votes `predict` uses).
    public func probabilities(_ features: Matrix) -> Matrix? {
        var elements = [Double]()
        elements.reserveCapacity(features.rows * classCount)
        for row in 0..<features.rows {
            let votes = votes(features, row: row)
            let total = votes.reduce(0, +)
            elements += votes.map { $0 / total }
        }
        return Matrix(rows: features.rows, columns: classCount, elements: elements)
    }

    /// The weighted votes per class of row `row` of `features`.
    private func votes(_ features: Matrix, row: Int) -> [Double] {
        let distances = NeighborVote.squaredDistances(features, row: row, to: trainingFeatures)
        return NeighborVote.votes(
            NeighborVote.nearest(distances, count: parameters.neighbors), squaredDistances: distances,
            labels: trainingLabels, classCount: classCount, weights: parameters.weights)
    }
}
