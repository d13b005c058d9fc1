import QuireCore

/// "Hyperplanes and parity" (qml-benchmarks' `generate_hyperplanes_parity`).
///
/// `hyperplanes` random hyperplanes (weights and biases uniform in [0, 1)) live in a space of
/// dimension `dimension`; a standard-normal point there gets class 1 when an odd number of the
/// perceptrons `w·x + b > 0` fire and class 0 when an even number do (qml-benchmarks' final labels
/// +1 and −1). Points are drawn until each class has its half (class 0 gets `samples / 2`), embedded
/// in `features` dimensions by a uniform [0, 1) matrix, standardised per column, and shuffled.
public struct HyperplanesParameters: DatasetParameters {
    /// Number of samples, at least 2.
    public var samples: Int
    /// Number of features of the embedded data, 1 … 1000.
    public var features: Int
    /// Number of hyperplanes whose parity defines the label, 1 … 100.
    public var hyperplanes: Int
    /// Dimension of the space the hyperplanes live in, 1 … 100.
    public var dimension: Int

    /// Parameters with the qml-benchmarks "hyperplanes diff" settings (10 features, 3-dimensional
    /// hyperplanes), 3 hyperplanes and 100 samples.
    public init(samples: Int = 100, features: Int = 10, hyperplanes: Int = 3, dimension: Int = 3) {
        self.samples = samples
        self.features = features
        self.hyperplanes = hyperplanes
        self.dimension = dimension
    }

    /// The generator name a document writes.
    public static let name = "hyperplanes"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [
            .integer("samples", \.samples), .integer("features", \.features), .integer("hyperplanes", \.hyperplanes),
            .integer("dimension", \.dimension),
        ]
    }

    /// The class names, in class order.
    public static let classNames: [String]? = ["even", "odd"]

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, features, 2) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(samples, "samples", of: "hyperplanes", min: 2)
        try Check.integer(features, "features", of: "hyperplanes", min: 1, max: 1000)
        try Check.integer(hyperplanes, "hyperplanes", of: "hyperplanes", min: 1, max: 100)
        try Check.integer(dimension, "dimension", of: "hyperplanes", min: 1, max: 100)
    }

    /// The dataset drawn from `stream` (substreams `hyperplanes/planes`, `hyperplanes/points`,
    /// `hyperplanes/embedding`, `hyperplanes/shuffle`).
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let planes = stream.substream("hyperplanes/planes")
        let weights = (0..<(hyperplanes * dimension)).map { planes.uniform(at: UInt64($0)) }
        let biases = (0..<hyperplanes).map { planes.uniform(at: UInt64(hyperplanes * dimension + $0)) }
        let wanted = [samples / 2, samples - samples / 2]
        var kept: [[Double]] = [[], []]
        var keptCount = [0, 0]
        let points = stream.substream("hyperplanes/points")
        let budget = 100 * samples + 1000
        var draw = 0
        var point = [Double](repeating: 0, count: dimension)
        while keptCount != wanted {
            guard draw < budget else {
                throw LearningError.samplingBudgetExceeded(
                    owner: "hyperplanes", accepted: keptCount[0] + keptCount[1],
                    wanted: samples, hint: "use fewer `hyperplanes` or another seed")
            }
            for j in 0..<dimension { point[j] = points.normal(at: UInt64(draw * dimension + j)) }
            draw += 1
            var firing = 0
            for h in 0..<hyperplanes {
                var activation = biases[h]
                for j in 0..<dimension { activation += weights[h * dimension + j] * point[j] }
                if activation > 0 { firing += 1 }
            }
            let label = firing % 2
            if keptCount[label] < wanted[label] {
                kept[label] += point
                keptCount[label] += 1
            }
        }
        let embeddingStream = stream.substream("hyperplanes/embedding")
        let embedding = (0..<(dimension * features)).map { embeddingStream.uniform(at: UInt64($0)) }
        let low = kept[0] + kept[1]
        var elements = [Double](repeating: 0, count: samples * features)
        for row in 0..<samples {
            for k in 0..<dimension {
                let value = low[row * dimension + k]
                for column in 0..<features { elements[row * features + column] += value * embedding[k * features + column] }
            }
        }
        var matrix = Matrix(rows: samples, columns: features, elements: elements)
        Generation.standardizeColumns(&matrix)
        let labels = Array(repeating: 0, count: wanted[0]) + Array(repeating: 1, count: wanted[1])
        return Dataset(features: matrix, labels: labels, classCount: 2).shuffled(stream.substream("hyperplanes/shuffle"))
    }
}
