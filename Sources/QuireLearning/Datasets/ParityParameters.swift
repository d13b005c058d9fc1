import QuireCore

/// Parity of random bit strings; with 2 bits this is XOR.
///
/// Each sample's features are `bits` values in {0, 1} (plus optional Gaussian noise); its class is
/// their parity (1 when an odd number of bits is set). Classes are balanced exactly: sample `i`
/// gets class `i mod 2`, its first `bits − 1` bits are uniform, the last bit completes the parity —
/// a uniform draw conditioned on the label. Rows are then shuffled.
public struct ParityParameters: DatasetParameters {
    /// Number of samples, at least 2.
    public var samples: Int
    /// Number of bits (features), 1 … 30.
    public var bits: Int
    /// Standard deviation of Gaussian noise added to every bit, ≥ 0 (0: exact binary features).
    public var noise: Double

    /// Parameters with defaults 100 samples, 2 bits (XOR), no noise.
    public init(samples: Int = 100, bits: Int = 2, noise: Double = 0) {
        self.samples = samples
        self.bits = bits
        self.noise = noise
    }

    /// The generator name a document writes.
    public static let name = "parity"

    /// Every field as a document writes it, in documented order.
    public static var fields: [DatasetField<Self>] {
        [.integer("samples", \.samples), .integer("bits", \.bits), .real("noise", \.noise)]
    }

    /// The class names, in class order.
    public static let classNames: [String]? = ["even", "odd"]

    /// The parameters with every field at its default.
    public static var defaults: Self { Self() }

    /// The number of samples, features and classes these parameters generate.
    public var shape: (samples: Int, features: Int, classes: Int) { (samples, bits, 2) }

    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    public func validate() throws {
        try Check.integer(samples, "samples", of: "parity", min: 2)
        try Check.integer(bits, "bits", of: "parity", min: 1, max: 30)
        try Check.real(noise, "noise", of: "parity", lower: 0)
    }

    /// The dataset drawn from `stream` (substreams `parity/bits`, `parity/shuffle`, `parity/noise`).
    public func generate(_ stream: RandomStream) throws -> Dataset {
        try validate()
        let bitStream = stream.substream("parity/bits")
        var elements = [Double]()
        var labels = [Int]()
        elements.reserveCapacity(samples * bits)
        for sample in 0..<samples {
            let label = sample % 2
            var parity = 0
            for bit in 0..<(bits - 1) {
                let value = bitStream.uniform(at: UInt64(sample * bits + bit)) < 0.5 ? 0 : 1
                parity ^= value
                elements.append(Double(value))
            }
            elements.append(Double(parity ^ label))
            labels.append(label)
        }
        let ordered = Dataset(features: Matrix(rows: samples, columns: bits, elements: elements), labels: labels, classCount: 2)
        return ordered.shuffled(stream.substream("parity/shuffle")).addingNoise(noise, stream.substream("parity/noise"))
    }
}
