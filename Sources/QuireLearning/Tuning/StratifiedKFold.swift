/// Stratified k-fold cross-validation folds, exactly as scikit-learn's `StratifiedKFold` without
/// shuffling (what `GridSearchCV(cv=5)` uses for a classifier), so a grid search on the same data
/// evaluates the same folds.
///
/// Classes are numbered by first appearance; the sorted encoded labels are dealt round-robin to
/// the folds to decide how many samples of each class every fold receives; then each class's
/// samples, in data order, fill fold 0, fold 1, … in blocks of those sizes. No randomness is needed:
/// the training set is already in the random order of the seeded split.
public struct StratifiedKFold: Hashable, Sendable {
    /// One fold: the samples held out and the samples trained on, both ascending.
    public struct Fold: Hashable, Sendable {
        /// Indices trained on.
        public let train: [Int]
        /// Indices held out for validation.
        public let validation: [Int]
    }

    /// The folds, in order.
    public let folds: [Fold]

    /// Folds of `labels` into `count` ≥ 2 parts.
    ///
    /// - Throws: `LearningError.outOfRange` for fewer than 2 folds; `LearningError.classTooSmall`
    ///   when a class has fewer samples than folds (every validation fold must see every class).
    public init(labels: [Int], count: Int) throws {
        try Check.integer(count, "folds", of: "cross-validation", min: 2)
        var encoding = [Int: Int]()
        var firstAppearance = [Int]()
        for label in labels where encoding[label] == nil {
            encoding[label] = firstAppearance.count
            firstAppearance.append(label)
        }
        let encoded = labels.map { encoding[$0]! }
        var sizes = [Int](repeating: 0, count: firstAppearance.count)
        for e in encoded { sizes[e] += 1 }
        for (e, size) in sizes.enumerated() where size < count {
            throw LearningError.classTooSmall(owner: "cross-validation", classIndex: firstAppearance[e], count: size, needed: count)
        }
        let sorted = encoded.sorted()
        var allocation = Array(repeating: [Int](repeating: 0, count: sizes.count), count: count)
        for (position, e) in sorted.enumerated() { allocation[position % count][e] += 1 }
        var foldOf = [Int](repeating: 0, count: labels.count)
        var fold = [Int](repeating: 0, count: sizes.count)
        var used = [Int](repeating: 0, count: sizes.count)
        for (index, e) in encoded.enumerated() {
            while used[e] == allocation[fold[e]][e] {
                fold[e] += 1
                used[e] = 0
            }
            foldOf[index] = fold[e]
            used[e] += 1
        }
        folds = (0..<count).map { f in
            Fold(train: labels.indices.filter { foldOf[$0] != f }, validation: labels.indices.filter { foldOf[$0] == f })
        }
    }
}
