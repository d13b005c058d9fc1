/// A labelled classification dataset: one feature row per sample and a class index per sample.
///
/// Labels are class indices `0 ..< classCount`, so every consumer (metrics, stratification,
/// one-vs-one voting) can index arrays by label; generators document which of their classes is 0.
public struct Dataset: Hashable, Sendable {
    /// The features, one row per sample.
    public var features: Matrix
    /// The class index of every sample, `labels.count == features.rows`.
    public var labels: [Int]
    /// The number of classes; labels lie in `0 ..< classCount`.
    public var classCount: Int
    /// Optional feature names (`featureNames.count == features.columns` when present).
    public var featureNames: [String]?

    /// A dataset from its parts.
    ///
    /// - Precondition: one label per row, every label in `0 ..< classCount`, and as many names as
    ///   columns when names are given.
    public init(features: Matrix, labels: [Int], classCount: Int, featureNames: [String]? = nil) {
        precondition(labels.count == features.rows, "Dataset: \(labels.count) labels for \(features.rows) rows")
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classCount }, "Dataset: a label is outside 0..<\(classCount)")
        precondition(featureNames.map { $0.count == features.columns } ?? true, "Dataset: feature name count")
        self.features = features
        self.labels = labels
        self.classCount = classCount
        self.featureNames = featureNames
    }

    /// The number of samples.
    public var sampleCount: Int { features.rows }

    /// The number of features per sample.
    public var featureCount: Int { features.columns }

    /// How many samples each class has, indexed by class.
    public var classCounts: [Int] {
        var counts = Array(repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The dataset made of the samples at `indices`, in that order; class count and names kept.
    public func selecting(_ indices: [Int]) -> Dataset {
        Dataset(
            features: features.selectingRows(indices), labels: indices.map { labels[$0] },
            classCount: classCount, featureNames: featureNames)
    }
}
