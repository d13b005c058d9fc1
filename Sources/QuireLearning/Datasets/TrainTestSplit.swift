import QuireCore

/// A stratified, seeded partition of a dataset into a training and a test set.
///
/// The test set has `⌈test_fraction · n⌉` samples (scikit-learn's `train_test_split` count). Each
/// class gets its proportional share of the test set, `⌊n_test · n_k / n⌋`, and the samples left
/// over go to the classes with the largest remainders (ties: lower class index) — exact integer
/// arithmetic, so the counts never depend on rounding. Which samples of a class go to the test set
/// is decided by one random permutation of all rows: walking it, a row goes to the test set while its
/// class still needs test samples, else to the training set. Both sets come out in that random order.
public struct TrainTestSplit: Hashable, Sendable {
    /// The training set.
    public var train: Dataset
    /// The test set.
    public var test: Dataset
    /// Row indices (into the original dataset) of the training samples, in training-set order.
    public var trainIndices: [Int]
    /// Row indices (into the original dataset) of the test samples, in test-set order.
    public var testIndices: [Int]

    /// Splits `data` with `testFraction` ∈ (0, 1) of its samples in the test set, the permutation
    /// drawn from `stream` (substream `split`).
    ///
    /// - Throws: `LearningError.outOfRange` for a fraction outside (0, 1) or one leaving either set
    ///   empty; `LearningError.classTooSmall` when a class has fewer than 2 samples.
    public static func stratified(_ data: Dataset, testFraction: Double, stream: RandomStream) throws -> TrainTestSplit {
        try Check.real(testFraction, "test_fraction", of: "split", lower: 0, lowerClosed: false, upper: 1, upperClosed: false)
        let n = data.sampleCount
        let testCount = Int((testFraction * Double(n)).rounded(.up))
        guard testCount >= 1, testCount < n else {
            throw LearningError.outOfRange(
                owner: "split", field: "test_fraction", value: "\(testFraction)",
                valid: "a fraction leaving both sets non-empty for \(n) samples")
        }
        let counts = data.classCounts
        for (classIndex, count) in counts.enumerated() where count < 2 {
            throw LearningError.classTooSmall(owner: "split", classIndex: classIndex, count: count, needed: 2)
        }
        var need = counts.map { testCount * $0 / n }
        let remainders = counts.map { testCount * $0 % n }
        let byRemainder = counts.indices.sorted { (remainders[$0], -$0) > (remainders[$1], -$1) }
        for classIndex in byRemainder.prefix(testCount - need.reduce(0, +)) { need[classIndex] += 1 }

        var trainIndices = [Int]()
        var testIndices = [Int]()
        for row in stream.substream("split").permutation(count: n) {
            let label = data.labels[row]
            if need[label] > 0 {
                need[label] -= 1
                testIndices.append(row)
            } else {
                trainIndices.append(row)
            }
        }
        return TrainTestSplit(
            train: data.selecting(trainIndices), test: data.selecting(testIndices),
            trainIndices: trainIndices, testIndices: testIndices)
    }
}
