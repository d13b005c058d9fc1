/// Counts of (true class, predicted class) pairs: row `i`, column `j` counts samples of class `i`
/// predicted as `j` (scikit-learn's `confusion_matrix` orientation).
public struct ConfusionMatrix: Hashable, Sendable {
    /// The number of classes (rows and columns).
    public let classCount: Int
    /// `counts[trueClass][predictedClass]`.
    public let counts: [[Int]]

    /// Tallies `predicted` against `actual`; every label must lie in `0 ..< classCount`.
    public init(predicted: [Int], actual: [Int], classCount: Int) {
        precondition(predicted.count == actual.count, "ConfusionMatrix: mismatched labels")
        var counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        for (p, a) in zip(predicted, actual) { counts[a][p] += 1 }
        self.classCount = classCount
        self.counts = counts
    }

    /// The number of samples tallied.
    public var total: Int { counts.joined().reduce(0, +) }
}
