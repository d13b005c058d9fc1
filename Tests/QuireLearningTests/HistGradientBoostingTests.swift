import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireLearning

/// The histogram gradient-boosted trees against scikit-learn's `HistGradientBoostingClassifier` and
/// `GridSearchCV` (Reference/hist_gbt.json), and their conventions on hand-built cases.
struct HistGradientBoostingTests {
    struct Fit: Decodable { var learningRate: Double, maxLeafNodes: Int, predicted: [Int], decision: [[Double]] }
    struct Problem: Decodable {
        var name: String, x: [[Double]], y: [Int], train: Int, fits: [Fit], thresholds: [[Double]]
        var meanScores: [Double], bestIndex: Int, testAccuracy: Double
    }
    struct Fixture: Decodable { var problems: [Problem] }

    static func problem(_ index: Int) throws -> (Problem, train: Dataset, test: Dataset) {
        let p = try fixture("hist_gbt.json", as: Fixture.self).problems[index]
        let (train, test) = fixtureSplit(x: p.x, y: p.y, train: p.train)
        return (p, train, test)
    }

    /// Midpoints of distinct values (moons, blobs: fewer than 255) and percentiles (300 rows of
    /// continuous values): scikit-learn's thresholds exactly.
    @Test(arguments: 0..<3)
    func binThresholdsEqualScikitLearn(problemIndex: Int) throws {
        let (p, train, _) = try Self.problem(problemIndex)
        #expect(HistogramBinning(train.features, maxBins: 255).thresholds == p.thresholds, "\(p.name)")
    }

    /// Moons, three blobs and eight features: every grid point's test predictions are scikit-learn's,
    /// and its raw scores agree to 1e-9 (the same sums in the same order; the tolerance only covers
    /// `exp` and `log` of another libm).
    @Test(arguments: 0..<3)
    func predictionsEqualScikitLearn(problemIndex: Int) throws {
        let (p, train, test) = try Self.problem(problemIndex)
        #expect(p.fits.count == 9)
        for fit in p.fits {
            let model = try HistGradientBoostingClassifier.fit(
                train, parameters: HistGradientBoostingParameters(learningRate: fit.learningRate, maxLeafNodes: fit.maxLeafNodes))
            let label = "\(p.name) rate=\(fit.learningRate) leaves=\(fit.maxLeafNodes)"
            #expect(model.predict(test.features) == fit.predicted, "\(label)")
            let raw = model.rawScores(test.features)
            let theirs = fit.decision.flatMap { $0 }
            let worst = zip(raw, theirs).map { abs($0 - $1) }.max() ?? 0
            #expect(raw.count == theirs.count && worst < 1e-9, "\(label): largest raw-score difference \(worst)")
        }
    }

    /// The tuned baseline searches scikit-learn's grid in its order, scores every point as
    /// `GridSearchCV(cv=5)` does (exactly: equal fold predictions give equal means), chooses the same
    /// and refits to the same test accuracy.
    @Test(arguments: 0..<3)
    func gridSearchEqualsScikitLearn(problemIndex: Int) throws {
        let (p, train, test) = try Self.problem(problemIndex)
        let grid = BaselineGrid.standard(.histGBT)
        #expect(
            grid.points.map { [$0[0].description, $0[2].description] }
                == p.fits.map { ["learning_rate=\($0.learningRate)", "max_leaf_nodes=\($0.maxLeafNodes)"] })
        let tuned = try TunedBaseline.tune(grid, on: train, stream: RandomStream(seed: 1, purpose: "tests"))
        #expect(tuned.meanScores == p.meanScores, "\(p.name)")
        #expect(tuned.bestIndex == p.bestIndex)
        #expect(tuned.model.accuracy(on: test) == p.testAccuracy)
    }

    /// Too few samples for two leaves of 20, or a constant feature: every tree is one leaf of value 0,
    /// so the model predicts the prior's log odds (logit(2/3) for 20 of 30 samples in class 1).
    @Test func unsplittableDataPredictsThePrior() throws {
        let labels = (0..<30).map { $0 < 10 ? 0 : 1 }
        for column in [(0..<30).map(Double.init), [Double](repeating: 1, count: 30)] {
            let data = Dataset(features: Matrix(column.map { [$0] }), labels: labels, classCount: 2)
            let minimum = column[0] == column[1] ? 5 : 20
            let model = try HistGradientBoostingClassifier.fit(
                data, parameters: HistGradientBoostingParameters(maxIterations: 3, minSamplesLeaf: minimum))
            #expect(model.treeCount == 3)
            #expect(isClose(model.baseline[0], log(2.0), tolerance: 1e-15))
            #expect(model.rawScores(data.features) == [Double](repeating: model.baseline[0], count: 30))
            #expect(model.predict(data.features) == [Int](repeating: 1, count: 30))
        }
    }

    /// Invalid settings are refused with the field scikit-learn names.
    @Test func invalidSettingsAreRefused() throws {
        let data = Dataset(features: Matrix([[0], [1], [2], [3]]), labels: [0, 1, 0, 1], classCount: 2)
        #expect(throws: LearningError.outOfRange(owner: "hist-gbt", field: "learning_rate", value: "0.0", valid: "(0.0, ∞)")) {
            try HistGradientBoostingClassifier.fit(data, parameters: HistGradientBoostingParameters(learningRate: 0))
        }
        #expect(throws: LearningError.outOfRange(owner: "hist-gbt", field: "max_leaf_nodes", value: "1", valid: "[2, ∞)")) {
            try HistGradientBoostingClassifier.fit(data, parameters: HistGradientBoostingParameters(maxLeafNodes: 1))
        }
    }

    /// The cost model: per fit, 100 iterations of one tree (two classes) of histogram passes over
    /// (1 + log₂ leaves) levels plus two split scans of 256 bins per leaf; memory is the histograms of
    /// the largest tree's leaves beside the per-sample arrays.
    @Test func costCountsTreesHistogramsAndScans() throws {
        let grid = BaselineGrid.standard(.histGBT)
        var perRate = 0.0
        for leaves in [7.0, 15, 31] {
            let histograms: Double = 2 * 100 * (1 + log2(leaves))
            let scans: Double = 2 * leaves * 2 * 256
            perRate += 100 * (histograms + scans)
        }
        #expect(isClose(grid.estimatedOperations(samples: 100, features: 2, classes: 2, folds: 5), 6 * 3 * perRate, tolerance: 1e-6))
        let bytes: Double = 24 * 31 * 2 * 256 + 8 * 100 * (9 + 2)
        #expect(grid.estimatedBytes(samples: 100, features: 2, classes: 3) == bytes)
        #expect(BaselineKind(rawValue: grid.name) == grid.kind)
    }
}
