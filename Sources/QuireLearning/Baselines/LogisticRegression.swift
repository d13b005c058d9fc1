import Foundation
import QuireCore

/// Hyperparameters of L2-regularised logistic regression, with scikit-learn's meaning of `C`.
public struct LogisticRegressionParameters: Hashable, Sendable {
    /// Inverse regularisation strength: the objective is `½‖W‖² + C · Σ_i loss_i` (intercepts
    /// unpenalised), exactly scikit-learn's `LogisticRegression(C=…)`. Must be > 0.
    public var c: Double
    /// Newton iterations stop when the largest step component falls below this (relative to the
    /// largest parameter), far tighter than scikit-learn's default so the optimum itself is found.
    public var tolerance: Double
    /// Newton iteration cap; 100 is never reached on well-posed data (convergence is quadratic).
    public var maxIterations: Int

    /// Parameters with scikit-learn's default `C = 1`.
    public init(c: Double = 1, tolerance: Double = 1e-12, maxIterations: Int = 100) {
        self.c = c
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// Throws `LearningError.outOfRange` for a non-positive `C`, tolerance or iteration cap.
    public func validate() throws {
        try Check.real(c, "C", of: "logistic-regression", lower: 0, lowerClosed: false)
        try Check.real(tolerance, "tolerance", of: "logistic-regression", lower: 0, lowerClosed: false)
        try Check.integer(maxIterations, "max_iterations", of: "logistic-regression", min: 1)
    }
}

/// L2-regularised logistic regression solved by Newton's method with a backtracking line search.
///
/// Two classes: one weight vector and the sigmoid (scikit-learn's binary model; the decision value
/// is `w·x + b`, positive for class 1). More classes: the multinomial (softmax) model with one
/// weight row per class, as scikit-learn's lbfgs solver fits it. The objective is strictly convex in
/// the weights, so the optimum is unique and matches scikit-learn's to its solver tolerance; the
/// multinomial intercepts are unique up to a common shift, fixed here (as lbfgs started from zero
/// leaves them) by making them sum to zero.
public struct LogisticRegression: Classifier {
    /// The number of classes.
    public let classCount: Int
    /// Weights: one row for two classes, one row per class otherwise.
    public let coefficients: Matrix
    /// One intercept per row of `coefficients`.
    public let intercepts: [Double]
    /// Newton iterations used.
    public let iterations: Int
    /// The parameters it was fitted with.
    public let parameters: LogisticRegressionParameters

    /// Fits the model to `data`.
    ///
    /// - Throws: `LearningError.outOfRange` for invalid parameters, `LearningError.unusableData`
    ///   when a class has no samples.
    public static func fit(_ data: Dataset, parameters: LogisticRegressionParameters = .init()) throws -> LogisticRegression {
        try parameters.validate()
        try data.requireEveryClass(for: "logistic-regression")
        let problem = LogisticObjective(data: data, c: parameters.c)
        var theta = [Double](repeating: 0, count: problem.parameterCount)
        var iterations = 0
        while iterations < parameters.maxIterations {
            iterations += 1
            let (value, gradient, hessian) = problem.evaluate(theta, withHessian: true)
            guard let step = problem.newtonStep(gradient: gradient, hessian: hessian) else { break }
            let slope = zip(gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            var length = 1.0
            var candidate = theta
            while true {
                for i in theta.indices { candidate[i] = theta[i] + length * step[i] }
                if problem.evaluate(candidate, withHessian: false).value <= value + 1e-4 * length * slope || length < 1e-10 { break }
                length /= 2
            }
            let largestStep = step.reduce(0) { max($0, abs($1)) } * length
            theta = candidate
            if largestStep <= parameters.tolerance * max(1, theta.reduce(0) { max($0, abs($1)) }) { break }
        }
        return problem.model(theta, iterations: iterations, parameters: parameters)
    }

    /// The decision values: one column (`w·x + b`) for two classes, one column per class otherwise.
    public func decisionFunction(_ features: Matrix) -> Matrix {
        precondition(features.columns == coefficients.columns, "LogisticRegression: feature count differs from training")
        let d = features.columns
        let outputs = coefficients.rows
        var values = [Double](repeating: 0, count: features.rows * outputs)
        for i in 0..<features.rows {
            for k in 0..<outputs {
                var z = intercepts[k]
                for j in 0..<d { z += coefficients.elements[k * d + j] * features.elements[i * d + j] }
                values[i * outputs + k] = z
            }
        }
        return Matrix(rows: features.rows, columns: outputs, elements: values)
    }

    /// Class 1 where the decision value is positive (two classes); otherwise the first class with
    /// the largest decision value.
    public func predict(_ features: Matrix) -> [Int] {
        let z = decisionFunction(features)
        return (0..<z.rows).map { i in
            if classCount == 2 { return z[i, 0] > 0 ? 1 : 0 }
            return (0..<z.columns).max { z[i, $0] < z[i, $1] || (z[i, $0] == z[i, $1] && $0 > $1) } ?? 0
        }
    }

    /// The sigmoid (two classes) or softmax of the decision values.
    public func probabilities(_ features: Matrix) -> Matrix? {
        let z = decisionFunction(features)
        if classCount == 2 {
            let p1 = z.elements.map(LogisticObjective.sigmoid)
            return Matrix(rows: z.rows, columns: 2, elements: p1.flatMap { [1 - $0, $0] })
        }
        var out = z
        for i in 0..<z.rows {
            let row = z.row(i)
            let top = row.max() ?? 0
            let exps = row.map { Elementary.exp($0 - top) }
            let total = exps.reduce(0, +)
            for k in 0..<z.columns { out[i, k] = exps[k] / total }
        }
        return out
    }
}
