import Foundation
import QuireCore

/// Classification scores, with scikit-learn's definitions and edge-case conventions so that a
/// reader who knows `sklearn.metrics` reads the numbers the same way.
public enum Metrics {
    /// The fraction of samples whose predicted class equals the true class.
    ///
    /// - Precondition: equally long, non-empty arrays.
    public static func accuracy(predicted: [Int], actual: [Int]) -> Double {
        precondition(predicted.count == actual.count && !actual.isEmpty, "accuracy: mismatched or empty labels")
        return Double(zip(predicted, actual).count { $0 == $1 }) / Double(actual.count)
    }

    /// The F1 score of `positiveClass`: `2·TP / (2·TP + FP + FN)`, and 0 when that class is
    /// neither present nor predicted (scikit-learn's `zero_division` result).
    public static func f1(predicted: [Int], actual: [Int], positiveClass: Int = 1) -> Double {
        precondition(predicted.count == actual.count, "f1: mismatched labels")
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        for (p, a) in zip(predicted, actual) {
            if p == positiveClass && a == positiveClass {
                truePositives += 1
            } else if p == positiveClass {
                falsePositives += 1
            } else if a == positiveClass {
                falseNegatives += 1
            }
        }
        let denominator = 2 * truePositives + falsePositives + falseNegatives
        return denominator == 0 ? 0 : Double(2 * truePositives) / Double(denominator)
    }

    /// The unweighted mean of the per-class F1 scores over the classes that occur in `actual` or
    /// `predicted` (scikit-learn's `average="macro"` with its default label set).
    public static func macroF1(predicted: [Int], actual: [Int]) -> Double {
        let classes = Set(predicted).union(actual).sorted()
        guard !classes.isEmpty else { return 0 }
        return classes.map { f1(predicted: predicted, actual: actual, positiveClass: $0) }.reduce(0, +) / Double(classes.count)
    }

    /// The mean negative log-likelihood of the true classes, `−(1/n) Σ log p_i,y_i`, with each
    /// probability clipped to `[ε, 1 − ε]` (ε = `Double.ulpOfOne`, as scikit-learn's `log_loss`).
    ///
    /// - Parameter probabilities: one row per sample, one column per class, rows summing to 1.
    public static func logLoss(probabilities: Matrix, actual: [Int]) -> Double {
        precondition(probabilities.rows == actual.count && !actual.isEmpty, "logLoss: one probability row per label")
        let epsilon = Double.ulpOfOne
        var total = 0.0
        for (row, label) in actual.enumerated() {
            total -= Elementary.log(min(max(probabilities[row, label], epsilon), 1 - epsilon))
        }
        return total / Double(actual.count)
    }

    /// The binary log loss from the probabilities of class 1 (class 0 has `1 − p`).
    public static func logLoss(probabilityOfClass1: [Double], actual: [Int]) -> Double {
        let rows = probabilityOfClass1.flatMap { [1 - $0, $0] }
        return logLoss(probabilities: Matrix(rows: probabilityOfClass1.count, columns: 2, elements: rows), actual: actual)
    }
}
