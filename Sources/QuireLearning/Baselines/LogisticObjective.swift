import Foundation
import QuireCore

/// The penalised negative log-likelihood of logistic regression with its gradient and Hessian.
///
/// Parameters are laid out one output row after another, each row `[w_0 … w_{d−1}, b]`; there is
/// one row for two classes (sigmoid) and one per class otherwise (softmax).
struct LogisticObjective {
    let features: Matrix
    let labels: [Int]
    let classCount: Int
    let c: Double

    init(data: Dataset, c: Double) {
        features = data.features
        labels = data.labels
        classCount = data.classCount
        self.c = c
    }

    var outputs: Int { classCount == 2 ? 1 : classCount }
    var rowWidth: Int { features.columns + 1 }
    var parameterCount: Int { outputs * rowWidth }

    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + Elementary.exp(-z)) : Elementary.exp(z) / (1 + Elementary.exp(z))
    }

    /// `log(1 + e^z)` without overflow.
    static func softplus(_ z: Double) -> Double {
        z > 0 ? z + Elementary.log1p(Elementary.exp(-z)) : Elementary.log1p(Elementary.exp(z))
    }

    /// Objective value, gradient and (when asked) Hessian at `theta`; samples summed in order.
    func evaluate(_ theta: [Double], withHessian: Bool) -> (value: Double, gradient: [Double], hessian: [Double]) {
        let d = features.columns
        let width = rowWidth
        let count = parameterCount
        let k = outputs
        var value = 0.0
        var gradient = [Double](repeating: 0, count: count)
        var hessian = withHessian ? [Double](repeating: 0, count: count * count) : []
        for row in 0..<k {
            for j in 0..<d {
                value += 0.5 * theta[row * width + j] * theta[row * width + j]
                gradient[row * width + j] = theta[row * width + j]
                if withHessian { hessian[(row * width + j) * count + row * width + j] = 1 }
            }
        }
        var extended = [Double](repeating: 1, count: width)
        var scores = [Double](repeating: 0, count: k)
        var residual = [Double](repeating: 0, count: k)
        var probability = [Double](repeating: 0, count: k)
        for i in 0..<features.rows {
            for j in 0..<d { extended[j] = features.elements[i * d + j] }
            for row in 0..<k {
                var z = 0.0
                for j in 0..<width { z += theta[row * width + j] * extended[j] }
                scores[row] = z
            }
            let label = labels[i]
            if k == 1 {
                let y = Double(label)
                value += c * (Self.softplus(scores[0]) - y * scores[0])
                probability[0] = Self.sigmoid(scores[0])
                residual[0] = probability[0] - y
            } else {
                let top = scores.max() ?? 0
                var total = 0.0
                for row in 0..<k {
                    probability[row] = Elementary.exp(scores[row] - top)
                    total += probability[row]
                }
                for row in 0..<k { probability[row] /= total }
                value += c * (top + Elementary.log(total) - scores[label])
                for row in 0..<k { residual[row] = probability[row] - (row == label ? 1 : 0) }
            }
            for row in 0..<k {
                for j in 0..<width { gradient[row * width + j] += c * residual[row] * extended[j] }
            }
            guard withHessian else { continue }
            for a in 0..<k {
                for b in 0..<k {
                    let weight =
                        k == 1
                        ? probability[0] * (1 - probability[0])
                        : (a == b ? probability[a] : 0) - probability[a] * probability[b]
                    let scaled = c * weight
                    if scaled == 0 { continue }
                    for p in 0..<width {
                        let base = (a * width + p) * count + b * width
                        let factor = scaled * extended[p]
                        for q in 0..<width { hessian[base + q] += factor * extended[q] }
                    }
                }
            }
        }
        return (value, gradient, hessian)
    }

    /// The Newton step `−H⁻¹ g`. For softmax the Hessian is singular along "shift every intercept
    /// equally", where the gradient has no component; adding curvature in that direction only
    /// leaves the step unchanged elsewhere and keeps the intercepts' sum where it is (zero).
    func newtonStep(gradient: [Double], hessian: [Double]) -> [Double]? {
        let count = parameterCount
        let width = rowWidth
        let k = outputs
        var matrix = hessian
        if k > 1 {
            let scale = c * Double(features.rows) / Double(k)
            let interceptIndices = (0..<k).map { $0 * width + width - 1 }
            for a in interceptIndices {
                for b in interceptIndices { matrix[a * count + b] += scale }
            }
        }
        var jitter = 0.0
        for _ in 0..<8 {
            var attempt = matrix
            if jitter > 0 { for i in 0..<count { attempt[i * count + i] += jitter } }
            if let solution = SymmetricSolver.solve(attempt, gradient.map { -$0 }, size: count) { return solution }
            jitter = jitter == 0 ? 1e-12 * (1 + c * Double(features.rows)) : jitter * 100
        }
        return nil
    }

    /// The fitted model from the parameter vector.
    func model(_ theta: [Double], iterations: Int, parameters: LogisticRegressionParameters) -> LogisticRegression {
        let d = features.columns
        let width = rowWidth
        var weights = [Double]()
        var intercepts = [Double]()
        for row in 0..<outputs {
            weights += theta[(row * width)..<(row * width + d)]
            intercepts.append(theta[row * width + d])
        }
        if outputs > 1 {
            let mean = intercepts.reduce(0, +) / Double(outputs)
            intercepts = intercepts.map { $0 - mean }
        }
        return LogisticRegression(
            classCount: classCount, coefficients: Matrix(rows: outputs, columns: d, elements: weights),
            intercepts: intercepts, iterations: iterations, parameters: parameters)
    }
}
