import Foundation
import QuireCore

/// Two interleaving half circles (scikit-learn's `make_moons`).
///
/// Class 0 is the upper half circle of radius 1 centred at (0, 0); class 1 the lower half circle
/// centred at (1, 0.5). Points sit at evenly spaced angles (`linspace(0, π)`), the rows are
/// shuffled, then Gaussian noise of standard deviation `noise` is added to every coordinate — the
/// order of scikit-learn's steps, so `noise: 0` puts every point exactly on its curve.
public struct MoonsParameters: DatasetParameters {
    /// Number of samples, at least 2; class 0 gets `samples / 2` (rounded down), class 1 the rest.
    public var samples: Int = 100
    /// Standard deviation of the Gaussian noise added to each coordinate, ≥ 0.
    public var noise: Double = 0

    /// Parameters with scikit-learn's defaults (100 samples, no noise) unless given.
    public init(samples: Int = 100, noise: Double = 0) {
        self.samples = samples
        self.noise = noise
    }

    /// The generator name a document writes.
    public static let name = "moons"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [.integer("samples", \.samples), .real("noise", \.noise)]
    }

    /// The class names, in class order.
    public static let classNames: [String]? = ["upper moon", "lower moon"]

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, 2, 2) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(samples, "samples", of: "moons", min: 2)
        try Check.real(noise, "noise", of: "moons", lower: 0)
    }

    /// The dataset drawn from `stream` (substreams `moons/shuffle` and `moons/noise`).
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let outer = samples / 2
        let inner = samples - outer
        var points = [Double]()
        points.reserveCapacity(2 * samples)
        for angle in Generation.linspace(0, .pi, count: outer) {
            points += [Elementary.cos(angle), Elementary.sin(angle)]
        }
        for angle in Generation.linspace(0, .pi, count: inner) {
            points += [1 - Elementary.cos(angle), 1 - Elementary.sin(angle) - 0.5]
        }
        let labels = Array(repeating: 0, count: outer) + Array(repeating: 1, count: inner)
        let ordered = Dataset(features: Matrix(rows: samples, columns: 2, elements: points), labels: labels, classCount: 2)
        return ordered.shuffled(stream.substream("moons/shuffle")).addingNoise(noise, stream.substream("moons/noise"))
    }
}

extension Dataset {
    /// The dataset with rows permuted by a permutation drawn from `stream`.
    func shuffled(_ stream: RandomStream) -> Dataset { Generation.shuffled(self, stream) }

    /// The dataset with independent `N(0, standardDeviation²)` noise added to every entry; entry
    /// (r, c) uses index `r · columns + c` of `stream`. Zero deviation returns the data unchanged.
    func addingNoise(_ standardDeviation: Double, _ stream: RandomStream) -> Dataset {
        guard standardDeviation > 0 else { return self }
        var copy = self
        for index in copy.features.elements.indices {
            copy.features.elements[index] += standardDeviation * stream.normal(at: UInt64(index))
        }
        return copy
    }
}
