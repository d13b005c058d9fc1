import QuireCore

/// Points in the hypercube separated by the hyperplane `Σ x_j = 0` with a margin
/// (qml-benchmarks' `generate_linearly_separable`, Bowles, Ahmed & Schuld 2024).
///
/// Points are drawn uniformly from `[-1, 1]^features`; a point is kept only when `|Σ x_j| > margin`,
/// until `samples` are kept. Class 0 is `Σ x_j > 0` (qml-benchmarks' label −1), class 1 the other
/// side (+1). qml-benchmarks draws a fixed surplus of `2·samples` points and may return fewer;
/// here drawing continues until `samples` are accepted, within a budget that only extreme margins hit.
public struct LinearlySeparableParameters: DatasetParameters {
    /// Number of samples, at least 2.
    public var samples: Int
    /// Dimension of the hypercube, 1 … 1000.
    public var features: Int
    /// Half-width of the empty band around the hyperplane, in `[0, √(features/3)]` (one standard
    /// deviation of `Σ x_j`, so at least about a third of the draws are accepted). The qml-benchmarks
    /// study uses `0.02 · features`; the default 0.04 is that value for the default 2 features.
    public var margin: Double

    /// Parameters with defaults 100 samples, 2 features, margin 0.04.
    public init(samples: Int = 100, features: Int = 2, margin: Double = 0.04) {
        self.samples = samples
        self.features = features
        self.margin = margin
    }

    /// The generator name a document writes.
    public static let name = "linearly-separable"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [.integer("samples", \.samples), .integer("features", \.features), .real("margin", \.margin)]
    }

    /// The class names, in class order (nil: a class is only an index).
    public static let classNames: [String]? = nil

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, features, 2) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(samples, "samples", of: "linearly-separable", min: 2)
        try Check.integer(features, "features", of: "linearly-separable", min: 1, max: 1000)
        try Check.real(margin, "margin", of: "linearly-separable", lower: 0, upper: (Double(features) / 3).squareRoot())
    }

    /// The dataset drawn from `stream` (substream `linearly-separable/points`, point `k` using
    /// indices `k·features …`); rows are in draw order, which is already random.
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let points = stream.substream("linearly-separable/points")
        var elements = [Double]()
        var labels = [Int]()
        elements.reserveCapacity(samples * features)
        var candidate = [Double](repeating: 0, count: features)
        let budget = 100 * samples + 1000
        var draw = 0
        while labels.count < samples {
            guard draw < budget else {
                throw LearningError.samplingBudgetExceeded(
                    owner: "linearly-separable", accepted: labels.count, wanted: samples,
                    hint: "use a smaller `margin`")
            }
            var sum = 0.0
            for j in 0..<features {
                candidate[j] = 2 * points.uniform(at: UInt64(draw * features + j)) - 1
                sum += candidate[j]
            }
            draw += 1
            if abs(sum) > margin {
                elements += candidate
                labels.append(sum > 0 ? 0 : 1)
            }
        }
        return Dataset(features: Matrix(rows: samples, columns: features, elements: elements), labels: labels, classCount: 2)
    }
}
