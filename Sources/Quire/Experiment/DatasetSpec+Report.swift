extension DatasetSpec {
    /// The names of the dataset's `count` classes, in class order, for confusion matrices and
    /// figure legends: a dataset block's `classes`, a generator's own names, else `class 0`, `class 1`, ….
    func classNames(count: Int) -> [String] {
        let names: [String]?
        switch source {
        case .block(_, let loaded): names = loaded.classNames
        case .generated(let generator): names = generator.classNames
        }
        guard let names, names.count == count else { return (0..<count).map { "class \($0)" } }
        return names
    }

    /// The number of features every sample has, known before anything runs (a file's columns, or
    /// the generator's `features`, `bits` or `height × width`), so the report can tell early
    /// whether a decision boundary can be drawn.
    var featureCount: Int {
        switch source {
        case .block(_, let loaded): return loaded.dataset.featureCount
        case .generated(let generator): return generator.shape.features
        }
    }
}
