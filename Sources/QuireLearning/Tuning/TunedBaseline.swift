import QuireCore

/// A baseline tuned by cross-validation on the training set and refitted on all of it.
public struct TunedBaseline: Sendable {
    /// The grid searched.
    public let grid: BaselineGrid
    /// Validation accuracy of every grid point on every fold.
    public let foldScores: [[Double]]
    /// Mean validation accuracy of every grid point.
    public let meanScores: [Double]
    /// The chosen grid point (highest mean; ties to the first in grid order).
    public let bestIndex: Int
    /// The model with the chosen settings trained on the whole training set.
    public let model: any Classifier

    /// The chosen settings, for provenance.
    public var chosen: [Hyperparameter] { grid.points[bestIndex] }

    /// Tunes `grid` by stratified `folds`-fold cross-validation on `train` (never on test data),
    /// then refits the best point on all of `train`. The MLP's randomness comes from `stream`
    /// (the same substream for every fit, so candidates differ only in their settings). The fits
    /// run on the workers `budget` gives, with the same result for any number.
    public static func tune(
        _ grid: BaselineGrid, on train: Dataset, folds: Int = 5, budget: JobBudget = .serial, stream: RandomStream
    ) throws -> TunedBaseline {
        switch grid {
        case .logisticRegression(let candidates):
            let search = try GridSearch.run(grid: candidates, labels: train.labels, folds: folds, budget: budget) { parameters, fold in
                try LogisticRegression.fit(train.selecting(fold.train), parameters: parameters)
                    .accuracy(on: train.selecting(fold.validation))
            }
            return TunedBaseline(grid: grid, search: search, model: try LogisticRegression.fit(train, parameters: search.best))
        case .rbfSVM(let candidates):
            let search = try tuneSVM(candidates, train: train, folds: folds, budget: budget)
            return TunedBaseline(grid: grid, search: search, model: try RBFSupportVectorClassifier.fit(train, parameters: search.best))
        case .mlp(let candidates):
            let mlpStream = stream.substream("baseline/mlp")
            let search = try GridSearch.run(
                grid: candidates, labels: train.labels, folds: folds, budget: budget, cost: MLPClassifier.relativeCost
            ) { parameters, fold in
                try MLPClassifier.fit(train.selecting(fold.train), parameters: parameters, stream: mlpStream)
                    .accuracy(on: train.selecting(fold.validation))
            }
            return TunedBaseline(
                grid: grid, search: search,
                model: try MLPClassifier.fit(train, parameters: search.best, stream: mlpStream))
        case .knn(let candidates):
            let search = try tuneKNN(candidates, train: train, folds: folds)
            return TunedBaseline(grid: .knn(search.grid), search: search, model: try KNNClassifier.fit(train, parameters: search.best))
        case .histGBT(let candidates):
            let search = try GridSearch.run(grid: candidates, labels: train.labels, folds: folds, budget: budget) { parameters, fold in
                try HistGradientBoostingClassifier.fit(train.selecting(fold.train), parameters: parameters)
                    .accuracy(on: train.selecting(fold.validation))
            }
            return TunedBaseline(grid: grid, search: search, model: try HistGradientBoostingClassifier.fit(train, parameters: search.best))
        }
    }

    private init<Candidate>(grid: BaselineGrid, search: GridSearchResult<Candidate>, model: any Classifier) {
        self.grid = grid
        foldScores = search.foldScores
        meanScores = search.meanScores
        bestIndex = search.bestIndex
        self.model = model
    }

    /// The kNN search over the candidates whose k fits every fold's training rows (the result's grid):
    /// each validation row's distances to its fold's training rows are computed once, the neighbours
    /// once per distinct k, and every candidate votes on them.
    private static func tuneKNN(_ grid: [KNNParameters], train: Dataset, folds: Int) throws -> GridSearchResult<KNNParameters> {
        let splits = try StratifiedKFold(labels: train.labels, count: folds).folds
        let fewest = splits.map(\.train.count).min() ?? 0
        let candidates = grid.filter { $0.neighbors <= fewest }
        let ks = Set(candidates.map(\.neighbors)).sorted()
        var predictions = [StratifiedKFold.Fold: [[Int]]]()
        for fold in splits {
            let training = train.selecting(fold.train)
            var predicted = [[Int]](repeating: [], count: candidates.count)
            for v in fold.validation {
                let distances = NeighborVote.squaredDistances(train.features, row: v, to: training.features)
                for k in ks {
                    let neighbors = NeighborVote.nearest(distances, count: k)
                    for (c, candidate) in candidates.enumerated() where candidate.neighbors == k {
                        let votes = NeighborVote.votes(
                            neighbors, squaredDistances: distances, labels: training.labels,
                            classCount: train.classCount, weights: candidate.weights)
                        predicted[c].append(NeighborVote.winner(votes))
                    }
                }
            }
            predictions[fold] = predicted
        }
        let votes = predictions
        let search = try GridSearch.run(grid: Array(candidates.indices), labels: train.labels, folds: folds) { c, fold in
            Metrics.accuracy(predicted: votes[fold]![c], actual: fold.validation.map { train.labels[$0] })
        }
        return GridSearchResult(grid: candidates, foldScores: search.foldScores, meanScores: search.meanScores, bestIndex: search.bestIndex)
    }

    /// The SVM search, computing squared distances once and each γ's Gram matrix once, before the
    /// fits; folds train and validate on sub-blocks of it.
    private static func tuneSVM(
        _ candidates: [RBFSVMParameters], train: Dataset, folds: Int, budget: JobBudget
    ) throws -> GridSearchResult<RBFSVMParameters> {
        for candidate in candidates { try candidate.validate() }
        let distances = RBFSupportVectorClassifier.squaredDistances(train.features, train.features)
        var grams: [(gamma: Double, gram: Matrix)] = []
        for gamma in candidates.map(\.gamma) where !grams.contains(where: { $0.gamma == gamma }) {
            grams.append((gamma, RBFSupportVectorClassifier.rbf(distances, gamma: gamma)))
        }
        return try GridSearch.run(grid: candidates, labels: train.labels, folds: folds, budget: budget) { [grams] parameters, fold in
            let gram = grams.first { $0.gamma == parameters.gamma }!.gram
            let svm = try KernelSVM.fit(
                gram: KernelSVM.subGram(gram, fold.train), labels: fold.train.map { train.labels[$0] },
                classCount: train.classCount, c: parameters.c, tolerance: parameters.tolerance)
            var cross = [Double]()
            cross.reserveCapacity(fold.validation.count * fold.train.count)
            for v in fold.validation {
                for t in fold.train { cross.append(gram.elements[v * gram.columns + t]) }
            }
            let predicted = svm.predict(crossKernel: Matrix(rows: fold.validation.count, columns: fold.train.count, elements: cross))
            return Metrics.accuracy(predicted: predicted, actual: fold.validation.map { train.labels[$0] })
        }
    }
}
