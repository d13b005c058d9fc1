import Foundation
import QuireCore

/// Two concentric circles (scikit-learn's `make_circles`).
///
/// Class 0 lies on the unit circle, class 1 on the circle of radius `factor`, both at evenly
/// spaced angles `linspace(0, 2π, endpoint: false)`; rows are shuffled, then Gaussian noise of
/// standard deviation `noise` is added to each coordinate, as scikit-learn does.
public struct CirclesParameters: DatasetParameters {
    /// Number of samples, at least 2; class 0 gets `samples / 2` (rounded down), class 1 the rest.
    public var samples: Int
    /// Standard deviation of the Gaussian noise added to each coordinate, ≥ 0.
    public var noise: Double
    /// Radius of the inner circle relative to the outer one, in [0, 1).
    public var factor: Double

    /// Parameters with scikit-learn's defaults (100 samples, no noise, factor 0.8) unless given.
    public init(samples: Int = 100, noise: Double = 0, factor: Double = 0.8) {
        self.samples = samples
        self.noise = noise
        self.factor = factor
    }

    /// The generator name a document writes.
    public static let name = "circles"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [.integer("samples", \.samples), .real("noise", \.noise), .real("factor", \.factor)]
    }

    /// The class names, in class order.
    public static let classNames: [String]? = ["outer circle", "inner circle"]

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, 2, 2) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(samples, "samples", of: "circles", min: 2)
        try Check.real(noise, "noise", of: "circles", lower: 0)
        try Check.real(factor, "factor", of: "circles", lower: 0, upper: 1, upperClosed: false)
    }

    /// The dataset drawn from `stream` (substreams `circles/shuffle` and `circles/noise`).
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let outer = samples / 2
        let inner = samples - outer
        var points = [Double]()
        points.reserveCapacity(2 * samples)
        for angle in Generation.linspace(0, 2 * .pi, count: outer, endpoint: false) {
            points += [Elementary.cos(angle), Elementary.sin(angle)]
        }
        for angle in Generation.linspace(0, 2 * .pi, count: inner, endpoint: false) {
            points += [Elementary.cos(angle) * factor, Elementary.sin(angle) * factor]
        }
        let labels = Array(repeating: 0, count: outer) + Array(repeating: 1, count: inner)
        let ordered = Dataset(features: Matrix(rows: samples, columns: 2, elements: points), labels: labels, classCount: 2)
        return ordered.shuffled(stream.substream("circles/shuffle")).addingNoise(noise, stream.substream("circles/noise"))
    }
}
