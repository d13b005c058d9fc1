import CQuireKernels
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
    public var weights: [[Double]] { (0..<network.layerCount).map(network.weights) }
    /// Layer biases, input layer first.
    public var biases: [[Double]] { (0..<network.layerCount).map(network.biases) }
    /// The number of trainable parameters (weights and biases).
    public var parameterCount: Int { network.parameters.count }

    /// Trains on `data` with randomness from `stream`.
    ///
    /// - Throws: `LearningError.outOfRange` for invalid parameters, `LearningError.unusableData`
    ///   when a class has no samples.
    public static func fit(_ data: Dataset, parameters: MLPParameters = .init(), stream: RandomStream) throws -> MLPClassifier {
        try fit(data, parameters: parameters, stream: stream, path: quire_simd_preferred_path())
    }

    /// `fit` with the C kernels on `path` (tests force each; the result never depends on it).
    static func fit(_ data: Dataset, parameters: MLPParameters, stream: RandomStream, path: quire_simd_path) throws -> MLPClassifier {
        try parameters.validate()
        try data.requireEveryClass(for: "mlp")
        let widths = [data.featureCount] + parameters.hiddenLayerSizes + [data.classCount == 2 ? 1 : data.classCount]
        var network = initialNetwork(widths: widths, activation: parameters.activation, stream: stream.substream("mlp/init"))
        let n = data.sampleCount
        let batchSize = min(parameters.batchSize ?? min(200, n), n)
        var optimizer = AdamState(count: network.parameters.count, learningRate: parameters.learningRate)
        let workspace = MLPNetwork.Workspace(widths: widths, capacity: batchSize, path: path)
        var gradient = [Double](repeating: 0, count: network.parameters.count)
        var lossCurve = [Double]()
        var bestLoss = Double.infinity
        var stalled = 0
        let shuffles = stream.substream("mlp/shuffle")
        for epoch in 0..<parameters.maxEpochs {
            let order = shuffles.substream(index: UInt64(epoch)).permutation(count: n)
            var accumulated = 0.0
            var start = 0
            while start < n {
                let batch = order[start..<min(start + batchSize, n)]
                let loss = network.lossAndGradient(
                    data.features, labels: data.labels, rows: batch, alpha: parameters.alpha, workspace: workspace, gradient: &gradient)
                accumulated += loss * Double(batch.count)
                optimizer.step(&network.parameters, gradient: gradient, path: workspace.path)
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
        var parameters = [Double]()
        parameters.reserveCapacity(MLPNetwork.parameterCount(widths))
        for l in 0..<(widths.count - 1) {
            let fanIn = widths[l]
            let fanOut = widths[l + 1]
            let bound = (6 / Double(fanIn + fanOut)).squareRoot()
            let layer = stream.substream(index: UInt64(l))
            parameters += (0..<((fanIn + 1) * fanOut)).map { bound * (2 * layer.uniform(at: UInt64($0)) - 1) }
        }
        return MLPNetwork(widths: widths, activation: activation, parameters: parameters)
    }

    /// Class probabilities (two columns for two classes).
    public func probabilities(_ features: Matrix) -> Matrix? {
        let workspace = MLPNetwork.Workspace(widths: network.widths, capacity: features.rows)
        network.forward(features, rows: Array(0..<features.rows)[...], workspace: workspace)
        let output = Array(UnsafeBufferPointer(start: workspace.activations[network.layerCount], count: features.rows * network.widths.last!))
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
    let beta1 = 0.9
    let beta2 = 0.999
    let epsilon = 1e-8
    var t = 0
    var first: [Double]
    var second: [Double]

    init(count: Int, learningRate: Double) {
        self.learningRate = learningRate
        first = [Double](repeating: 0, count: count)
        second = first
    }

    mutating func step(_ values: inout [Double], gradient: [Double], path: quire_simd_path) {
        t += 1
        let rate = learningRate * (1 - Elementary.pow(beta2, Double(t))).squareRoot() / (1 - Elementary.pow(beta1, Double(t)))
        // Element-wise in C, where the square root and division vectorise; the same operations in the same order.
        quire_mlp_adam_step(Int64(values.count), &values, &first, &second, gradient, beta1, beta2, epsilon, rate, path)
    }
}

extension MLPClassifier {
    /// A rough relative cost of fitting with `parameters`, for starting the longest fits first: the
    /// epoch cap over √(step size). On the default grid a step of 0.001 runs about ten times the
    /// epochs of one of 0.1 before the loss stops improving, whatever the layers.
    static func relativeCost(_ parameters: MLPParameters) -> Double {
        Double(parameters.maxEpochs) / parameters.learningRate.squareRoot()
    }
}
