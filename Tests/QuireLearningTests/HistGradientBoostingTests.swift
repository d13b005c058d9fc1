import QuireCore
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
        let classes = (p.y.max() ?? 0) + 1
        let train = Dataset(features: Matrix(Array(p.x[..<p.train])), labels: Array(p.y[..<p.train]), classCount: classes)
        let test = Dataset(features: Matrix(Array(p.x[p.train...])), labels: Array(p.y[p.train...]), classCount: classes)
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
        let grid = try #require(BaselineGrid.standard("hist-gbt"))
        #expect(grid.points.map { [$0[0].description, $0[2].description] } == p.fits.map { ["learning_rate=\($0.learningRate)", "max_leaf_nodes=\($0.maxLeafNodes)"] })
        let tuned = try TunedBaseline.tune(grid, on: train, stream: RandomStream(seed: 1, purpose: "tests"))
        #expect(tuned.meanScores == p.meanScores, "\(p.name)")
        #expect(tuned.bestIndex == p.bestIndex)
        #expect(tuned.model.accuracy(on: test) == p.testAccuracy)
    }
}
