import Foundation
import QuireTestSupport
import Testing

@testable import QuireLearning

/// Metrics against scikit-learn, the t quantiles and intervals against SciPy (Reference/*.json).
struct MetricsTests {
    struct MetricsFixture: Decodable {
        struct Multiclass: Decodable {
            var actual: [Int], predicted: [Int], accuracy: Double, macroF1: Double, confusion: [[Int]]
            var probabilities: [[Double]], actualForLoss: [Int], logLoss: Double
        }
        struct Binary: Decodable {
            var actual: [Int], predicted: [Int], accuracy: Double, f1: Double, macroF1: Double
        }
        var multiclass: Multiclass
        var binary: Binary
    }

    struct StudentTFixture: Decodable {
        struct Quantile: Decodable { var p: Double, df: Double, t: Double }
        struct Summary: Decodable { var values: [Double], mean: Double, std: Double, lower: Double, upper: Double }
        var quantiles: [Quantile]
        var summaries: [Summary]
    }

    /// Counting metrics are ratios of the same integers scikit-learn forms: equal to the last bit.
    @Test func countingMetricsEqualScikitLearnExactly() throws {
        let f = try fixture("metrics.json", as: MetricsFixture.self)
        let m = f.multiclass
        #expect(Metrics.accuracy(predicted: m.predicted, actual: m.actual) == m.accuracy)
        #expect(Metrics.macroF1(predicted: m.predicted, actual: m.actual) == m.macroF1)
        #expect(ConfusionMatrix(predicted: m.predicted, actual: m.actual, classCount: 3).counts == m.confusion)
        let b = f.binary
        #expect(Metrics.accuracy(predicted: b.predicted, actual: b.actual) == b.accuracy)
        #expect(Metrics.f1(predicted: b.predicted, actual: b.actual) == b.f1)
        #expect(Metrics.macroF1(predicted: b.predicted, actual: b.actual) == b.macroF1)
    }

    /// Log loss sums 40 logarithms; numpy's pairwise summation may round differently from our
    /// sequential sum, so agreement is to 1e-14 relative (a few ulps of the sum), clipping included.
    @Test func logLossMatchesScikitLearn() throws {
        let m = try fixture("metrics.json", as: MetricsFixture.self).multiclass
        let loss = Metrics.logLoss(probabilities: Matrix(m.probabilities), actual: m.actualForLoss)
        #expect(isClose(loss, m.logLoss, tolerance: 1e-14 * m.logLoss))
        #expect(loss > 36.04 / 40)  // the clipped zero probability contributes −log(ε) ≈ 36.04
    }

    @Test func edgeCases() {
        #expect(Metrics.f1(predicted: [0, 0], actual: [0, 0]) == 0)
        #expect(Metrics.logLoss(probabilityOfClass1: [0.8, 0.25], actual: [1, 0]) == -(log(0.8) + log(0.75)) / 2)
        #expect(ConfusionMatrix(predicted: [1, 1, 0], actual: [0, 1, 0], classCount: 2).counts == [[1, 1], [0, 1]])
    }

    /// Quantiles by bisection on the incomplete-beta CDF agree with SciPy to 1e-12 relative.
    @Test func studentTQuantilesMatchSciPy() throws {
        for q in try fixture("student_t.json", as: StudentTFixture.self).quantiles {
            let t = StudentT.quantile(q.p, degreesOfFreedom: q.df)
            #expect(isClose(t, q.t, tolerance: 1e-12 * q.t), "p \(q.p) df \(q.df): \(t) vs \(q.t)")
            #expect(isClose(StudentT.quantile(1 - q.p, degreesOfFreedom: q.df), -t, tolerance: 1e-12 * q.t))
        }
    }

    @Test func summariesMatchSciPy() throws {
        for s in try fixture("student_t.json", as: StudentTFixture.self).summaries {
            let summary = Summary(s.values)
            #expect(isClose(summary.mean, s.mean, tolerance: 1e-15))
            #expect(isClose(summary.standardDeviation ?? .nan, s.std, tolerance: 1e-14))
            #expect(isClose(summary.interval?.lowerBound ?? .nan, s.lower, tolerance: 1e-12))
            #expect(isClose(summary.interval?.upperBound ?? .nan, s.upper, tolerance: 1e-12))
        }
        let single = Summary([0.5])
        #expect(single.mean == 0.5 && single.standardDeviation == nil && single.interval == nil)
    }
}

/// `ClassificationScores` combines the metrics with the conventions stated on it.
struct ClassificationScoresTests {
    @Test func binaryAndMulticlassRows() throws {
        let data = Dataset(features: Matrix([[-2], [-1], [1], [2], [0.5]]), labels: [0, 0, 1, 1, 0], classCount: 2)
        let model = try LogisticRegression.fit(data)
        let evaluation = ClassificationScores(model: model, data: data)
        let predicted = model.predict(data.features)
        #expect(evaluation.accuracy == Metrics.accuracy(predicted: predicted, actual: data.labels))
        #expect(evaluation.f1 == Metrics.f1(predicted: predicted, actual: data.labels))
        #expect(evaluation.logLoss == Metrics.logLoss(probabilities: model.probabilities(data.features)!, actual: data.labels))
        #expect(evaluation.confusion.total == 5)
        let svm = try RBFSupportVectorClassifier.fit(data)
        #expect(ClassificationScores(model: svm, data: data).logLoss == nil)
        let three = Dataset(features: Matrix([[0], [1], [2], [0.1], [1.1], [2.1]]), labels: [0, 1, 2, 0, 1, 2], classCount: 3)
        let multiModel = try LogisticRegression.fit(three, parameters: LogisticRegressionParameters(c: 100))
        let multi = ClassificationScores(model: multiModel, data: three)
        #expect(multi.f1 == Metrics.macroF1(predicted: multiModel.predict(three.features), actual: three.labels))
        #expect(multi.accuracy == 1 && multi.confusion.counts == [[2, 0, 0], [0, 2, 0], [0, 0, 2]])
    }
}
