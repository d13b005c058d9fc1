import Foundation
import QuireCore

/// Histogram gradient-boosted trees, computing what scikit-learn's `HistGradientBoostingClassifier`
/// computes (continuous features, no missing values, no early stopping).
///
/// Features are binned once (`HistogramBinning`); the raw score starts at the prior's log odds (two
/// classes) or its symmetric multinomial logit (more), and every iteration fits one tree to the
/// log loss's gradients and hessians per score (one score for two classes, one per class above),
/// rounded to single precision as scikit-learn stores them. Prediction follows the trees' splits
/// on the raw values; class 1 wins where its probability exceeds class 0's, else the most probable.
public struct HistGradientBoostingClassifier: Classifier {
    /// The number of classes.
    public let classCount: Int
    /// The parameters it was fitted with.
    public let parameters: HistGradientBoostingParameters
    /// The raw score before any tree, per score.
    let baseline: [Double]
    /// `trees[iteration][score]`.
    let trees: [[HistogramTree]]

    /// The number of trees fitted.
    public var treeCount: Int { trees.count * baseline.count }

    /// Fits on `data`.
    ///
    /// - Throws: `LearningError.outOfRange` for invalid parameters, `LearningError.unusableData`
    ///   when a class has no samples.
    public static func fit(_ data: Dataset, parameters: HistGradientBoostingParameters = .init()) throws -> HistGradientBoostingClassifier {
        try parameters.validate()
        try data.requireEveryClass(for: "hist-gbt")
        let n = data.sampleCount
        let scores = data.classCount == 2 ? 1 : data.classCount
        let binning = HistogramBinning(data.features, maxBins: parameters.maxBins)
        var grower = HistogramTreeGrower(bins: binning.bins(data.features), sampleCount: n, binning: binning, parameters: parameters)
        let baseline = Self.baseline(data.classCounts, samples: n)
        var raw = (0..<n).flatMap { _ in baseline }
        var gradients = [[Float]](repeating: [Float](repeating: 0, count: n), count: scores)
        var hessians = gradients
        var trees = [[HistogramTree]]()
        trees.reserveCapacity(parameters.maxIterations)
        for _ in 0..<parameters.maxIterations {
            LogLossGradients.fill(raw: raw, labels: data.labels, scores: scores, gradients: &gradients, hessians: &hessians)
            trees.append(
                (0..<scores).map { k in
                    grower.grow(gradients: gradients[k], hessians: hessians[k], raw: &raw, rawStride: scores, rawOffset: k)
                })
        }
        return HistGradientBoostingClassifier(classCount: data.classCount, parameters: parameters, baseline: baseline, trees: trees)
    }

    /// scikit-learn's intercept-only raw score: `logit(p₁)` for two classes (SciPy's `logit`, with
    /// its `log1p` form between 0.3 and 0.65), else `log(p_k / gmean(p))`.
    static func baseline(_ counts: [Int], samples: Int) -> [Double] {
        let priors = counts.map { Double($0) / Double(samples) }
        if counts.count == 2 {
            let p = priors[1]
            if p < 0.3 || p > 0.65 { return [Elementary.log(p / (1 - p))] }
            let s = 2 * (p - 0.5)
            return [Elementary.log1p(s) - Elementary.log1p(-s)]
        }
        let clipped = priors.map { min(max($0, Double.ulpOfOne), 1 - Double.ulpOfOne) }
        let meanLog = clipped.reduce(0) { $0 + Elementary.log($1) } / Double(clipped.count)
        let geometricMean = Elementary.exp(meanLog)
        return clipped.map { Elementary.log($0 / geometricMean) }
    }

    /// The raw scores of every row (row-major, one per score).
    func rawScores(_ features: Matrix) -> [Double] {
        var raw = (0..<features.rows).flatMap { _ in baseline }
        let scores = baseline.count
        for iteration in trees {
            for (k, tree) in iteration.enumerated() {
                for row in 0..<features.rows { raw[row * scores + k] += tree.value(features, row: row) }
            }
        }
        return raw
    }

    /// Class probabilities: the logistic of the score (two classes) or the softmax of the scores.
    public func probabilities(_ features: Matrix) -> Matrix? {
        let raw = rawScores(features)
        if classCount == 2 {
            return Matrix(
                rows: features.rows, columns: 2,
                elements: raw.flatMap { score in
                    let p = 1 / (1 + Elementary.exp(-score))  // SciPy's expit, as scikit-learn's predict_proba
                    return [1 - p, p]
                })
        }
        var elements = [Double]()
        elements.reserveCapacity(raw.count)
        for row in 0..<features.rows {
            let scores = raw[(row * classCount)..<((row + 1) * classCount)]
            let top = scores.max()!
            let exps = scores.map { Elementary.exp($0 - top) }
            let total = exps.reduce(0, +)
            elements += exps.map { $0 / total }
        }
        return Matrix(rows: features.rows, columns: classCount, elements: elements)
    }

    /// The most probable class of every row, ties to the smaller class.
    public func predict(_ features: Matrix) -> [Int] {
        guard let p = probabilities(features) else { return [] }
        return (0..<p.rows).map { i in
            var best = 0
            for k in 1..<classCount where p[i, k] > p[i, best] { best = k }
            return best
        }
    }
}

/// The gradients and hessians of scikit-learn's half binomial and multinomial log losses,
/// computed in double precision and stored in single, as its `_loss` module does.
enum LogLossGradients {
    /// Fills `gradients[k][i]` and `hessians[k][i]` from the row-major `raw` scores.
    static func fill(raw: [Double], labels: [Int], scores: Int, gradients: inout [[Float]], hessians: inout [[Float]]) {
        if scores == 1 {
            for (i, label) in labels.enumerated() {
                let y = Double(label)
                let score = raw[i]
                if score > -37 {
                    let e = Elementary.exp(-score)
                    gradients[0][i] = Float(((1 - y) - y * e) / (1 + e))
                    hessians[0][i] = Float(e / ((1 + e) * (1 + e)))
                } else {
                    let e = Elementary.exp(score)
                    gradients[0][i] = Float(e - y)
                    hessians[0][i] = Float(e)
                }
            }
            return
        }
        var p = [Double](repeating: 0, count: scores)
        for (i, label) in labels.enumerated() {
            let row = raw[(i * scores)..<((i + 1) * scores)]
            var top = row[row.startIndex]
            for value in row.dropFirst() where top < value { top = value }
            var total = 0.0
            for k in 0..<scores {
                p[k] = Elementary.exp(row[row.startIndex + k] - top)
                total += p[k]
            }
            for k in 0..<scores {
                p[k] /= total
                gradients[k][i] = Float(p[k] - (label == k ? 1 : 0))
                hessians[k][i] = Float(p[k] * (1 - p[k]))
            }
        }
    }
}
