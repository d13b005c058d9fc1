import QuireCore

/// Isotropic Gaussian clusters (scikit-learn's `make_blobs` with an integer number of centers).
///
/// The centers are drawn uniformly from the box `[-10, 10]^features`; center `k` gets
/// `samples / centers` points, the first `samples % centers` centers one more; each point is its
/// center plus `N(0, cluster_std²)` noise per coordinate; class `k` is center `k`; rows shuffled.
public struct BlobsParameters: DatasetParameters {
    /// Number of samples, at least `centers`.
    public var samples: Int
    /// Number of clusters (classes), at least 2.
    public var centers: Int
    /// Number of features, at least 1.
    public var features: Int
    /// Standard deviation of every cluster, ≥ 0.
    public var clusterStd: Double

    /// The side of the box the centers are drawn from, scikit-learn's default `center_box`.
    public static let centerBox: ClosedRange<Double> = -10...10

    /// Parameters with scikit-learn's defaults (100 samples, 3 centers, 2 features, std 1).
    public init(samples: Int = 100, centers: Int = 3, features: Int = 2, clusterStd: Double = 1) {
        self.samples = samples
        self.centers = centers
        self.features = features
        self.clusterStd = clusterStd
    }

    /// The generator name a document writes.
    public static let name = "blobs"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [
            .integer("samples", \.samples), .integer("centers", \.centers), .integer("features", \.features),
            .real("cluster_std", \.clusterStd),
        ]
    }

    /// The class names, in class order (nil: a class is only an index).
    public static let classNames: [String]? = nil

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, features, centers) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(centers, "centers", of: "blobs", min: 2)
        try Check.integer(samples, "samples", of: "blobs", min: centers)
        try Check.integer(features, "features", of: "blobs", min: 1)
        try Check.real(clusterStd, "cluster_std", of: "blobs", lower: 0)
    }

    /// The dataset drawn from `stream` (substreams `blobs/centers`, `blobs/points`, `blobs/shuffle`).
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let centerStream = stream.substream("blobs/centers")
        let pointStream = stream.substream("blobs/points")
        let box = Self.centerBox
        let centerCoordinates = (0..<(centers * features)).map {
            box.lowerBound + (box.upperBound - box.lowerBound) * centerStream.uniform(at: UInt64($0))
        }
        var elements = [Double]()
        var labels = [Int]()
        elements.reserveCapacity(samples * features)
        for center in 0..<centers {
            let count = samples / centers + (center < samples % centers ? 1 : 0)
            for _ in 0..<count {
                let row = labels.count
                for feature in 0..<features {
                    let noise = clusterStd * pointStream.normal(at: UInt64(row * features + feature))
                    elements.append(centerCoordinates[center * features + feature] + noise)
                }
                labels.append(center)
            }
        }
        let ordered = Dataset(
            features: Matrix(rows: samples, columns: features, elements: elements),
            labels: labels, classCount: centers)
        return ordered.shuffled(stream.substream("blobs/shuffle"))
    }
}
