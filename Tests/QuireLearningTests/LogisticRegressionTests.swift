import QuireTestSupport
import Testing

@testable import QuireLearning

/// Logistic regression against scikit-learn's lbfgs solution (Reference/logistic.json, fitted there
/// with tol 1e-12 so both sides sit at the unique optimum).
struct LogisticRegressionTests {
    struct Fixture: Decodable {
        struct Fit: Decodable {
            var c: Double, coef: [[Double]], intercept: [Double], decision: JSONMatrixOrVector
            var probability1: [Double]?
            var probabilities: [[Double]]?
        }
        struct Problem: Decodable { var xTrain: [[Double]], yTrain: [Int], xTest: [[Double]], fits: [Fit] }
        var binary: Problem
        var multiclass: Problem
    }

    /// Decision values are a vector for two classes and a matrix otherwise.
    enum JSONMatrixOrVector: Decodable {
        case vector([Double])
        case matrix([[Double]])
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let vector = try? container.decode([Double].self) {
                self = .vector(vector)
            } else {
                self = .matrix(try container.decode([[Double]].self))
            }
        }
        var flat: [Double] {
            switch self {
            case .vector(let v): v
            case .matrix(let m): m.flatMap { $0 }
            }
        }
    }

    /// Relative agreement of 1e-6 (scaled by max(1, |value|)): both solvers converge to the same
    /// strictly convex optimum; the bound covers lbfgs's residual gradient at tol 1e-12.
    static func agree(_ ours: [Double], _ theirs: [Double]) -> Bool {
        ours.count == theirs.count && zip(ours, theirs).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) }
    }

    @Test(arguments: ["binary", "multiclass"])
    func decisionValuesMatchScikitLearn(problemName: String) throws {
        let fixture = try fixture("logistic.json", as: Fixture.self)
        let problem = problemName == "binary" ? fixture.binary : fixture.multiclass
        let classes = (problem.yTrain.max() ?? 0) + 1
        let train = Dataset(features: Matrix(problem.xTrain), labels: problem.yTrain, classCount: classes)
        for fit in problem.fits {
            let model = try LogisticRegression.fit(train, parameters: LogisticRegressionParameters(c: fit.c))
            #expect(Self.agree(model.coefficients.elements, fit.coef.flatMap { $0 }), "C = \(fit.c)")
            #expect(Self.agree(model.intercepts, fit.intercept), "C = \(fit.c)")
            let test = Matrix(problem.xTest)
            #expect(Self.agree(model.decisionFunction(test).elements, fit.decision.flat), "C = \(fit.c)")
            let probabilities = try #require(model.probabilities(test))
            if let p1 = fit.probability1 {
                #expect(Self.agree((0..<test.rows).map { probabilities[$0, 1] }, p1))
            }
            if let p = fit.probabilities {
                #expect(Self.agree(probabilities.elements, p.flatMap { $0 }))
            }
            #expect(model.iterations < 30)
        }
    }

    @Test func rejectsBadInput() {
        let data = Dataset(features: Matrix([[0], [1]]), labels: [0, 0], classCount: 2)
        #expect(throws: LearningError.unusableData(owner: "logistic-regression", message: "class 1 has no training samples")) {
            try LogisticRegression.fit(data)
        }
        #expect(throws: LearningError.self) {
            try LogisticRegression.fit(data, parameters: LogisticRegressionParameters(c: 0))
        }
    }
}
