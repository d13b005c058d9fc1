import QuireCore

/// Noisy bars-and-stripes images (qml-benchmarks' `generate_bars_and_stripes`).
///
/// Every pixel starts at −1. With probability ½ an image is a stripe pattern (class 1,
/// qml-benchmarks' +1): each row is set to +1 with probability ½; otherwise it is a bar pattern
/// (class 0, −1): each column set to +1 with probability ½. Gaussian noise of standard deviation
/// `noise` is added to every pixel. Features are the pixels row by row (`height × width` of them).
/// As in qml-benchmarks, an image with no line or every line set is ambiguous and keeps its draw's class.
public struct BarsAndStripesParameters: DatasetParameters {
    /// Number of images, at least 2.
    public var samples: Int
    /// Image height in pixels, 1 … 64.
    public var height: Int
    /// Image width in pixels, 1 … 64.
    public var width: Int
    /// Standard deviation of the pixel noise, ≥ 0 (qml-benchmarks uses 0.5).
    public var noise: Double

    /// Parameters with defaults 100 images of 4 × 4 pixels and the qml-benchmarks noise 0.5.
    public init(samples: Int = 100, height: Int = 4, width: Int = 4, noise: Double = 0.5) {
        self.samples = samples
        self.height = height
        self.width = width
        self.noise = noise
    }

    /// The generator name a document writes.
    public static let name = "bars-and-stripes"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [.integer("samples", \.samples), .integer("height", \.height), .integer("width", \.width), .real("noise", \.noise)]
    }

    /// The class names, in class order.
    public static let classNames: [String]? = ["bars", "stripes"]

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, height * width, 2) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(samples, "samples", of: "bars-and-stripes", min: 2)
        try Check.integer(height, "height", of: "bars-and-stripes", min: 1, max: 64)
        try Check.integer(width, "width", of: "bars-and-stripes", min: 1, max: 64)
        try Check.real(noise, "noise", of: "bars-and-stripes", lower: 0)
    }

    /// The dataset drawn from `stream` (substreams `bars-and-stripes/kind`, `…/lines`, `…/noise`);
    /// images are independent draws, so rows are already in random order.
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let kinds = stream.substream("bars-and-stripes/kind")
        let lines = stream.substream("bars-and-stripes/lines")
        let pixels = height * width
        let lineSlots = max(height, width)
        var elements = [Double](repeating: -1, count: samples * pixels)
        var labels = [Int]()
        labels.reserveCapacity(samples)
        for image in 0..<samples {
            let isStripe = kinds.uniform(at: UInt64(image)) > 0.5
            for line in 0..<(isStripe ? height : width) where lines.uniform(at: UInt64(image * lineSlots + line)) > 0.5 {
                for along in 0..<(isStripe ? width : height) {
                    let (r, c) = isStripe ? (line, along) : (along, line)
                    elements[image * pixels + r * width + c] = 1
                }
            }
            labels.append(isStripe ? 1 : 0)
        }
        let names = (0..<pixels).map { "pixel_\($0 / width)_\($0 % width)" }
        return Dataset(
            features: Matrix(rows: samples, columns: pixels, elements: elements), labels: labels,
            classCount: 2, featureNames: names
        )
        .addingNoise(noise, stream.substream("bars-and-stripes/noise"))
    }
}
