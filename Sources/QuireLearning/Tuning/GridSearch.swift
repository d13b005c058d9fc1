import Foundation
import QuireCore

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
    /// The (candidate, fold) scores are computed on the workers `budget` gives (the run's, shared
    /// with everything else running), the most `cost`ly candidates first so that no long fit starts
    /// last; `score` may run on several threads at once. Each score is a pure function of its
    /// inputs and lands in its own slot, so the result never depends on scheduling or the number of
    /// workers; the first error in grid order is thrown.
    public static func run<Candidate: Sendable>(
        grid: [Candidate], labels: [Int], folds count: Int = 5, budget: JobBudget = .serial,
        cost: (Candidate) -> Double = { _ in 0 }, score: @escaping @Sendable (Candidate, StratifiedKFold.Fold) throws -> Double
    ) throws -> GridSearchResult<Candidate> {
        guard !grid.isEmpty else {
            throw LearningError.outOfRange(owner: "grid-search", field: "grid", value: "[]", valid: "at least one candidate")
        }
        let folds = try StratifiedKFold(labels: labels, count: count).folds
        let costs = grid.map(cost)
        // Stable: equal costs keep grid order.
        let order = grid.indices.sorted { costs[$0] > costs[$1] || (costs[$0] == costs[$1] && $0 < $1) }
            .flatMap { c in folds.indices.map { (candidate: c, fold: $0) } }
        let results = ParallelMap.map(count: order.count, budget: budget) { job in
            Result { try score(grid[order[job].candidate], folds[order[job].fold]) }
        }
        var foldScores = [[Double]](repeating: [Double](repeating: 0, count: folds.count), count: grid.count)
        var failures: [(candidate: Int, fold: Int, error: any Error)] = []
        for (job, result) in zip(order, results) {
            switch result {
            case .success(let accuracy): foldScores[job.candidate][job.fold] = accuracy
            case .failure(let error): failures.append((job.candidate, job.fold, error))
            }
        }
        if let first = failures.min(by: { ($0.candidate, $0.fold) < ($1.candidate, $1.fold) }) { throw first.error }
        let means = foldScores.map { $0.reduce(0, +) / Double($0.count) }
        var best = 0
        for c in means.indices where means[c] > means[best] { best = c }
        return GridSearchResult(grid: grid, foldScores: foldScores, meanScores: means, bestIndex: best)
    }
}
