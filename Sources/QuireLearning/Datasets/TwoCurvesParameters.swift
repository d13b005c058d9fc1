import Foundation
import QuireCore

/// Two parallel curves in feature space (qml-benchmarks' `generate_two_curves`).
///
/// Each feature `i` is a Fourier series in `t ∈ [0, 1)`,
/// `f_i(t) = a_i0 + b_i0 + Σ_{k=1}^{degree} a_ik cos(kπt) + b_ik sin(kπt)`, with all coefficients
/// uniform in [0, 1) and then divided by the Euclidean norm of the whole coefficient tensor. Class 0
/// samples `f(t)` at uniform `t` plus `N(0, noise²)` per coordinate; class 1 does the same and adds
/// `offset` to every coordinate. Columns are standardised, then rows shuffled.
public struct TwoCurvesParameters: DatasetParameters {
    /// Number of samples, at least 2; class 0 gets `samples / 2` (rounded down).
    public var samples: Int
    /// Number of features (curve components), 1 … 1000.
    public var features: Int
    /// Highest frequency of the Fourier series, 0 … 100.
    public var degree: Int
    /// Shift of the second curve along every axis, ≥ 0.
    public var offset: Double
    /// Standard deviation of the Gaussian noise per coordinate, ≥ 0.
    public var noise: Double

    /// Parameters with the qml-benchmarks "two curves" settings (degree 5, offset 0.1, noise 0.01),
    /// 10 features and 100 samples.
    public init(samples: Int = 100, features: Int = 10, degree: Int = 5, offset: Double = 0.1, noise: Double = 0.01) {
        self.samples = samples
        self.features = features
        self.degree = degree
        self.offset = offset
        self.noise = noise
    }

    /// The generator name a document writes.
    public static let name = "two-curves"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [
            .integer("samples", \.samples), .integer("features", \.features), .integer("degree", \.degree),
            .real("offset", \.offset), .real("noise", \.noise),
        ]
    }

    /// The class names, in class order.
    public static let classNames: [String]? = ["curve", "offset curve"]

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, features, 2) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(samples, "samples", of: "two-curves", min: 2)
        try Check.integer(features, "features", of: "two-curves", min: 1, max: 1000)
        try Check.integer(degree, "degree", of: "two-curves", min: 0, max: 100)
        try Check.real(offset, "offset", of: "two-curves", lower: 0)
        try Check.real(noise, "noise", of: "two-curves", lower: 0)
    }

    /// The dataset drawn from `stream` (substreams `two-curves/coefficients`, `…/positions`,
    /// `…/noise`, `…/shuffle`).
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let terms = degree + 1
        let coefficientStream = stream.substream("two-curves/coefficients")
        var coefficients = (0..<(features * terms * 2)).map { coefficientStream.uniform(at: UInt64($0)) }
        let norm = coefficients.reduce(0) { $0 + $1 * $1 }.squareRoot()
        coefficients = coefficients.map { $0 / norm }
        let positions = stream.substream("two-curves/positions")
        let firstHalf = samples / 2
        var elements = [Double](repeating: 0, count: samples * features)
        for row in 0..<samples {
            let t = positions.uniform(at: UInt64(row))
            for i in 0..<features {
                let c = i * terms * 2
                var value = coefficients[c] + coefficients[c + 1]
                for k in 1..<terms {
                    let angle = Double(k) * .pi * t
                    value += coefficients[c + 2 * k] * Elementary.cos(angle) + coefficients[c + 2 * k + 1] * Elementary.sin(angle)
                }
                elements[row * features + i] = value + (row < firstHalf ? 0 : offset)
            }
        }
        let labels = (0..<samples).map { $0 < firstHalf ? 0 : 1 }
        var noisy = Dataset(features: Matrix(rows: samples, columns: features, elements: elements), labels: labels, classCount: 2)
            .addingNoise(noise, stream.substream("two-curves/noise"))
        Generation.standardizeColumns(&noisy.features)
        return noisy.shuffled(stream.substream("two-curves/shuffle"))
    }
}
