import QuireCore
import QuireLearning

extension ExperimentRunner {
    /// Baseline `kind` tuned on `split`'s training set with the repeat's `baseline/<name>`
    /// substream of `stream`, measured on both sets, and with its decision boundary when it
    /// `drawsBoundary`; taken from `sharedBaselines` when another sweep point of the repeat has the
    /// same inputs (`BaselineMemo.Key`), so a sweep that leaves the data alone tunes it once.
    func tune(_ kind: BaselineKind, split: TrainTestSplit, stream: RandomStream, drawsBoundary: Bool) throws -> BaselineMemo.Tuned {
        let (grid, name, baselineStream) = (BaselineGrid.standard(kind), kind.rawValue, stream.substream("baseline/\(kind.rawValue)"))
        let compute = { () throws -> BaselineMemo.Tuned in
            let tuned = try TunedBaseline.tune(grid, on: split.train, folds: Self.baselineFolds, budget: budget, stream: baselineStream)
            var result = BaselineMemo.Tuned(
                chosen: tuned.chosen,
                measurement: Self.measure(tuned.model, split: split, settings: tuned.chosen.map(\.description).joined(separator: ", ")))
            if drawsBoundary, split.train.classCount > 2 {
                result.boundary = try Self.classBoundary(name, tuned.model, split: split)
            } else if drawsBoundary {
                result.boundary = try Self.boundary(name, "P(class 1) − ½", split: split) { grid in
                    if let probabilities = tuned.model.probabilities(grid) { return probabilities.column(1).map { $0 - 0.5 } }
                    return tuned.model.predict(grid).map { Double($0) - 0.5 }
                }
            }
            return result
        }
        guard let sharedBaselines else { return try compute() }
        let key = BaselineMemo.Key(split: split, grid: grid, folds: Self.baselineFolds, stream: baselineStream, boundary: drawsBoundary)
        return try sharedBaselines.value(for: key, compute: compute)
    }
}
