import Foundation
import QuireCore

/// The hidden manifold model (qml-benchmarks' `generate_hidden_manifold_model`, after Goldt et al. 2020).
///
/// Latent points `c ∈ R^m` (m = `manifoldDimension`, standard normal) are embedded as
/// `x = tanh(c·F/√m − b)` with a standard-normal `m × features` matrix `F` and biases uniform in
/// [−1, 1); the label comes from a one-hidden-layer network on the latent point,
/// `v · tanh(W c)/√m`, thresholded at its median over the sample: class 1 at or above the median
/// (qml-benchmarks' +1), class 0 below (−1), so the classes are balanced.
public struct HiddenManifoldParameters: DatasetParameters {
    /// Number of samples, at least 2.
    public var samples: Int
    /// Number of features of the embedded data, 1 … 1000.
    public var features: Int
    /// Dimension of the latent manifold, 1 … 100.
    public var manifoldDimension: Int

    /// Parameters with the qml-benchmarks settings (6-dimensional manifold), 10 features, 100 samples.
    public init(samples: Int = 100, features: Int = 10, manifoldDimension: Int = 6) {
        self.samples = samples
        self.features = features
        self.manifoldDimension = manifoldDimension
    }

    /// The generator name a document writes.
    public static let name = "hidden-manifold"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [.integer("samples", \.samples), .integer("features", \.features), .integer("manifold_dimension", \.manifoldDimension)]
    }

    /// The class names, in class order (nil: a class is only an index).
    public static let classNames: [String]? = nil

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, features, 2) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(samples, "samples", of: "hidden-manifold", min: 2)
        try Check.integer(features, "features", of: "hidden-manifold", min: 1, max: 1000)
        try Check.integer(manifoldDimension, "manifold_dimension", of: "hidden-manifold", min: 1, max: 100)
    }

    /// The dataset drawn from `stream` (substreams `hidden-manifold/embedding`, `…/latent`,
    /// `…/biases`, `…/teacher`); rows are in draw order, which is already random.
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let m = manifoldDimension
        let rootM = Double(m).squareRoot()
        let embeddingStream = stream.substream("hidden-manifold/embedding")
        let embedding = (0..<(m * features)).map { embeddingStream.normal(at: UInt64($0)) }
        let latentStream = stream.substream("hidden-manifold/latent")
        let latent = (0..<(samples * m)).map { latentStream.normal(at: UInt64($0)) }
        let biasStream = stream.substream("hidden-manifold/biases")
        let biases = (0..<features).map { 2 * biasStream.uniform(at: UInt64($0)) - 1 }
        let teacher = stream.substream("hidden-manifold/teacher")
        let hiddenWeights = (0..<(m * m)).map { teacher.normal(at: UInt64($0)) }
        let outputWeights = (0..<m).map { teacher.normal(at: UInt64(m * m + $0)) }

        var elements = [Double](repeating: 0, count: samples * features)
        var scores = [Double](repeating: 0, count: samples)
        for row in 0..<samples {
            for column in 0..<features {
                var projection = 0.0
                for k in 0..<m { projection += latent[row * m + k] * embedding[k * features + column] }
                elements[row * features + column] = Elementary.tanh(projection / rootM - biases[column])
            }
            var score = 0.0
            for i in 0..<m {
                var hidden = 0.0
                for k in 0..<m { hidden += hiddenWeights[i * m + k] * latent[row * m + k] }
                score += outputWeights[i] * Elementary.tanh(hidden) / rootM
            }
            scores[row] = score
        }
        let sorted = scores.sorted()
        let median = samples % 2 == 1 ? sorted[samples / 2] : (sorted[samples / 2 - 1] + sorted[samples / 2]) / 2
        let labels = scores.map { $0 - median < 0 ? 0 : 1 }
        return Dataset(features: Matrix(rows: samples, columns: features, elements: elements), labels: labels, classCount: 2)
    }
}
