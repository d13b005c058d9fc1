import QuireCore
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

/// Optimality without a reference: at the optimum the gradient of `½‖w‖² + C Σ loss` vanishes,
/// i.e. `w = −C Σ (σ(z_i) − y_i) x_i` and `Σ (σ(z_i) − y_i) = 0`, even on separable data with a
/// large C, where the weights grow large and the Hessian is badly conditioned.
struct LogisticOptimalityTests {
    @Test(arguments: [1e-3, 1.0, 1e3])
    func stationarityOnSeparableData(c: Double) throws {
        let data = try LinearlySeparableParameters(samples: 80, features: 3, margin: 0.2).generate(RandomStream(seed: 4, purpose: "logistic"))
        let model = try LogisticRegression.fit(data, parameters: LogisticRegressionParameters(c: c))
        let p = try #require(model.probabilities(data.features))
        var residualSum = 0.0
        var weightGradient = model.coefficients.elements
        for i in 0..<data.sampleCount {
            let residual = p[i, 1] - Double(data.labels[i])
            residualSum += residual
            for j in 0..<3 { weightGradient[j] += c * residual * data.features[i, j] }
        }
        let scale = max(1, model.coefficients.elements.map(abs).max() ?? 0)
        #expect(abs(c * residualSum) < 1e-8 * scale)
        #expect(weightGradient.allSatisfy { abs($0) < 1e-8 * scale }, "\(weightGradient)")
        #expect(model.accuracy(on: data) == 1 || c < 1)
    }
}
