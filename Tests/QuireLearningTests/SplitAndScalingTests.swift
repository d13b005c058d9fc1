import QuireCore
import QuireTestSupport
import Testing

@testable import QuireLearning

/// Stratified split counts and scaler fitting on the training set only.
struct SplitAndScalingTests {
    static let stream = RandomStream(seed: 7, purpose: "split-tests")

    static func labelled(_ counts: [Int]) -> Dataset {
        let labels = counts.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }
        let features = Matrix(rows: labels.count, columns: 1, elements: labels.indices.map(Double.init))
        return Dataset(features: features, labels: labels, classCount: counts.count)
    }

    /// (class counts, test fraction, expected test counts per class), worked out by hand from the
    /// documented rule: n_test = ⌈f·n⌉, floors of n_test·n_k/n, leftovers by largest remainder.
    static let cases: [([Int], Double, [Int])] = [
        ([100, 100], 0.3, [30, 30]),
        ([50, 30, 20], 0.25, [13, 7, 5]),
        ([7, 3], 0.5, [4, 1]),
        ([70, 31], 0.2, [15, 6]),
    ]

    @Test(arguments: 0..<cases.count)
    func stratifiedCountsAreExact(case index: Int) throws {
        let (counts, fraction, expected) = Self.cases[index]
        let data = Self.labelled(counts)
        let split = try TrainTestSplit.stratified(data, testFraction: fraction, stream: Self.stream)
        #expect(split.test.classCounts == expected)
        #expect(split.train.classCounts == zip(counts, expected).map { $0 - $1 })
        #expect(Set(split.trainIndices).isDisjoint(with: split.testIndices))
        #expect((split.trainIndices + split.testIndices).sorted() == Array(0..<data.sampleCount))
        #expect(split.train.features.elements == split.trainIndices.map(Double.init))
    }

    @Test func splitIsSeeded() throws {
        let data = Self.labelled([40, 40])
        let a = try TrainTestSplit.stratified(data, testFraction: 0.25, stream: Self.stream)
        let b = try TrainTestSplit.stratified(data, testFraction: 0.25, stream: Self.stream)
        let c = try TrainTestSplit.stratified(data, testFraction: 0.25, stream: RandomStream(seed: 8, purpose: "split-tests"))
        #expect(a == b && a.testIndices != c.testIndices)
    }

    @Test func invalidSplitsAreRejected() {
        #expect(throws: LearningError.outOfRange(owner: "split", field: "test_fraction", value: "1.0", valid: "(0.0, 1.0)")) {
            try TrainTestSplit.stratified(Self.labelled([5, 5]), testFraction: 1, stream: Self.stream)
        }
        #expect(throws: LearningError.classTooSmall(owner: "split", classIndex: 1, count: 1, needed: 2)) {
            try TrainTestSplit.stratified(Self.labelled([5, 1]), testFraction: 0.3, stream: Self.stream)
        }
    }

    /// Min-max to [0, π] maps the training extremes exactly and applies the training map to test
    /// rows, which may therefore leave the range (no test statistic is used).
    @Test func minMaxIsFittedOnTrainOnly() {
        let train = Matrix([[1, 10], [3, 10], [2, 30]])
        let test = Matrix([[5, 20], [0, 40]])
        let scaler = Scaling.minMax(lower: 0, upper: .pi).fit(train)
        let scaledTrain = scaler.transform(train)
        #expect(scaledTrain[0, 0] == 0 && scaledTrain[0, 1] == 0)
        #expect(isClose(scaledTrain[1, 0], .pi, tolerance: 1e-15) && isClose(scaledTrain[2, 1], .pi, tolerance: 1e-15))
        let scaledTest = scaler.transform(test)
        #expect(isClose(scaledTest[0, 0], 2 * .pi, tolerance: 1e-15))
        #expect(isClose(scaledTest[1, 0], -.pi / 2, tolerance: 1e-15))
        #expect(isClose(scaledTest[0, 1], .pi / 2, tolerance: 1e-15))
        #expect(isClose(scaledTest[1, 1], 1.5 * .pi, tolerance: 1e-15))
    }

    @Test func standardUsesTrainMeanAndPopulationDeviation() {
        let train = Matrix([[1, 5], [3, 5]])
        let scaler = Scaling.standard.fit(train)
        #expect(scaler.transform(train) == Matrix([[-1, 0], [1, 0]]))
        #expect(scaler.transform(Matrix([[4, 7]])) == Matrix([[2, 2]]))
        #expect(Scaling.none.fit(train).transform(train) == train)
    }

    @Test func scaledSplitUsesTheTrainingStatistics() throws {
        let data = try MoonsParameters(samples: 100, noise: 0.2).generate(Self.stream)
        let split = try TrainTestSplit.stratified(data, testFraction: 0.3, stream: Self.stream)
        let scaled = try split.scaled(.minMax(lower: -1, upper: 1))
        let reference = Scaling.minMax(lower: -1, upper: 1).fit(split.train.features)
        #expect(scaled.test.features == reference.transform(split.test.features))
        #expect(scaled.train.features.elements.min() == -1)
        #expect(isClose(scaled.train.features.elements.max() ?? 0, 1, tolerance: 1e-15))
        #expect(throws: LearningError.self) { try split.scaled(.minMax(lower: 1, upper: 1)) }
    }
}
