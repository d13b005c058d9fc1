import Foundation
import QuireCore

/// A multilayer-perceptron classifier trained with Adam, after scikit-learn's `MLPClassifier`.
///
/// Same model, loss, regularisation, Glorot-uniform initialisation, mini-batching, Adam update and
/// stopping rule as scikit-learn; the random numbers come from the given stream (substreams
/// `mlp/init` and `mlp/shuffle`, epoch `e` shuffled by `mlp/shuffle` substream `e`), so results are
/// reproducible but not bit-identical to scikit-learn's, whose generator differs.
public struct MLPClassifier: Classifier {
    /// The number of classes.
    public let classCount: Int
    /// The parameters it was trained with.
    public let parameters: MLPParameters
    /// The mean training loss of every epoch (with the L2 term), for loss curves.
    public let lossCurve: [Double]
    var network: MLPNetwork

    /// Layer weights (`fanIn × fanOut`, row-major), input layer first.
    public var weights: [[Double]] { network.weights }
    /// Layer biases, input layer first.
    public var biases: [[Double]] { network.biases }
    /// The number of trainable parameters (weights and biases).
    public var parameterCount: Int { network.weights.reduce(0) { $0 + $1.count } + network.biases.reduce(0) { $0 + $1.count } }

    /// Trains on `data` with randomness from `stream`.
    ///
    /// - Throws: `LearningError.outOfRange` for invalid parameters, `LearningError.unusableData`
    ///   when a class has no samples.
    public static func fit(_ data: Dataset, parameters: MLPParameters = .init(), stream: RandomStream) throws -> MLPClassifier {
        try parameters.validate()
        try data.requireEveryClass(for: "mlp")
        let widths = [data.featureCount] + parameters.hiddenLayerSizes + [data.classCount == 2 ? 1 : data.classCount]
        var network = initialNetwork(widths: widths, activation: parameters.activation, stream: stream.substream("mlp/init"))
        let n = data.sampleCount
        let batchSize = min(parameters.batchSize ?? min(200, n), n)
        var optimizer = AdamState(network: network, learningRate: parameters.learningRate)
        var lossCurve = [Double]()
        var bestLoss = Double.infinity
        var stalled = 0
        let shuffles = stream.substream("mlp/shuffle")
        for epoch in 0..<parameters.maxEpochs {
            let order = shuffles.substream(index: UInt64(epoch)).permutation(count: n)
            var accumulated = 0.0
            var start = 0
            while start < n {
                let batch = Array(order[start..<min(start + batchSize, n)])
                let (loss, weightGradients, biasGradients) = network.lossAndGradient(
                    data.features, labels: data.labels, rows: batch, alpha: parameters.alpha)
                accumulated += loss * Double(batch.count)
                optimizer.step(&network, weightGradients: weightGradients, biasGradients: biasGradients)
                start += batchSize
            }
            let epochLoss = accumulated / Double(n)
            lossCurve.append(epochLoss)
            stalled = epochLoss > bestLoss - parameters.tolerance ? stalled + 1 : 0
            bestLoss = min(bestLoss, epochLoss)
            if stalled > parameters.patience { break }
        }
        return MLPClassifier(classCount: data.classCount, parameters: parameters, lossCurve: lossCurve, network: network)
    }

    /// Glorot-uniform weights and biases in `±√(6 / (fanIn + fanOut))`, layer `l` reading
    /// substream index `l` (weights first, then biases).
    static func initialNetwork(widths: [Int], activation: MLPParameters.Activation, stream: RandomStream) -> MLPNetwork {
        var weights = [[Double]]()
        var biases = [[Double]]()
        for l in 0..<(widths.count - 1) {
            let fanIn = widths[l]
            let fanOut = widths[l + 1]
            let bound = (6 / Double(fanIn + fanOut)).squareRoot()
            let layer = stream.substream(index: UInt64(l))
            weights.append((0..<(fanIn * fanOut)).map { bound * (2 * layer.uniform(at: UInt64($0)) - 1) })
            biases.append((0..<fanOut).map { bound * (2 * layer.uniform(at: UInt64(fanIn * fanOut + $0)) - 1) })
        }
        return MLPNetwork(widths: widths, weights: weights, biases: biases, activation: activation)
    }

    /// Class probabilities (two columns for two classes).
    public func probabilities(_ features: Matrix) -> Matrix? {
        let output = network.forward(features, rows: Array(0..<features.rows)).last ?? []
        if network.isBinary {
            return Matrix(rows: features.rows, columns: 2, elements: output.flatMap { [1 - $0, $0] })
        }
        return Matrix(rows: features.rows, columns: classCount, elements: output)
    }

    /// Class 1 where its probability exceeds ½ (two classes), else the first most probable class.
    public func predict(_ features: Matrix) -> [Int] {
        guard let p = probabilities(features) else { return [] }
        return (0..<p.rows).map { i in
            if classCount == 2 { return p[i, 1] > 0.5 ? 1 : 0 }
            var best = 0
            for k in 1..<classCount where p[i, k] > p[i, best] { best = k }
            return best
        }
    }
}

/// Adam (Kingma & Ba 2015) with scikit-learn's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and its
/// bias correction folded into the step size.
struct AdamState {
    let learningRate: Double
    let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
    var t = 0
    var firstWeights: [[Double]], secondWeights: [[Double]]
    var firstBiases: [[Double]], secondBiases: [[Double]]

    init(network: MLPNetwork, learningRate: Double) {
        self.learningRate = learningRate
        firstWeights = network.weights.map { [Double](repeating: 0, count: $0.count) }
        secondWeights = firstWeights
        firstBiases = network.biases.map { [Double](repeating: 0, count: $0.count) }
        secondBiases = firstBiases
    }

    mutating func step(_ network: inout MLPNetwork, weightGradients: [[Double]], biasGradients: [[Double]]) {
        t += 1
        let rate = learningRate * (1 - pow(beta2, Double(t))).squareRoot() / (1 - pow(beta1, Double(t)))
        for l in network.weights.indices {
            Self.update(&network.weights[l], weightGradients[l], &firstWeights[l], &secondWeights[l], rate, beta1, beta2, epsilon)
            Self.update(&network.biases[l], biasGradients[l], &firstBiases[l], &secondBiases[l], rate, beta1, beta2, epsilon)
        }
    }

    private static func update(
        _ values: inout [Double], _ gradient: [Double], _ m: inout [Double], _ v: inout [Double],
        _ rate: Double, _ beta1: Double, _ beta2: Double, _ epsilon: Double
    ) {
        for k in values.indices {
            m[k] = beta1 * m[k] + (1 - beta1) * gradient[k]
            v[k] = beta2 * v[k] + (1 - beta2) * gradient[k] * gradient[k]
            values[k] -= rate * m[k] / (v[k].squareRoot() + epsilon)
        }
    }
}
