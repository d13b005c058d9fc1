/// The outcome of a cross-validated grid search: every candidate's scores and the one chosen.
public struct GridSearchResult<Candidate: Sendable>: Sendable {
    /// The candidates, in grid order.
    public let grid: [Candidate]
    /// `foldScores[c][f]`: validation accuracy of candidate `c` on fold `f`.
    public let foldScores: [[Double]]
    /// Mean validation accuracy of each candidate.
    public let meanScores: [Double]
    /// The index of the chosen candidate: the highest mean, ties to the first in grid order
    /// (scikit-learn's `best_index_`).
    public let bestIndex: Int

    /// The chosen candidate.
    public var best: Candidate { grid[bestIndex] }
}

/// Exhaustive search over a grid with stratified k-fold cross-validation on the training set.
public enum GridSearch {
    /// Scores every candidate on every fold with `score(candidate, fold)` (the validation
    /// accuracy of a model trained on `fold.train`), and picks the best mean.
    ///
    /// Candidates and folds are visited in order and each score is a pure function of its inputs,
    /// so the result never depends on scheduling.
    public static func run<Candidate: Sendable>(
        grid: [Candidate], labels: [Int], folds count: Int = 5,
        score: (Candidate, StratifiedKFold.Fold) throws -> Double
    ) throws -> GridSearchResult<Candidate> {
        guard !grid.isEmpty else {
            throw LearningError.outOfRange(owner: "grid-search", field: "grid", value: "[]", valid: "at least one candidate")
        }
        let folds = try StratifiedKFold(labels: labels, count: count).folds
        let foldScores = try grid.map { candidate in try folds.map { try score(candidate, $0) } }
        let means = foldScores.map { $0.reduce(0, +) / Double($0.count) }
        var best = 0
        for c in means.indices where means[c] > means[best] { best = c }
        return GridSearchResult(grid: grid, foldScores: foldScores, meanScores: means, bestIndex: best)
    }
}
