import QuireCore

/// A synthetic dataset generator with its parameters: what a `dataset:` field names.
///
/// Generation is a pure function of (parameters, stream): every random number is read from a named
/// substream of the block's Philox stream at a fixed index, so the data never depends on thread
/// count, on other blocks, or on a global generator left unseeded.
public enum DatasetGenerator: Hashable, Sendable {
    /// Two interleaving half circles.
    case moons(MoonsParameters)
    /// Two concentric circles.
    case circles(CirclesParameters)
    /// Isotropic Gaussian clusters.
    case blobs(BlobsParameters)
    /// Parity of bit strings (XOR for two bits).
    case parity(ParityParameters)
    /// A hyperplane with an empty margin (qml-benchmarks).
    case linearlySeparable(LinearlySeparableParameters)
    /// Parity of several hyperplanes (qml-benchmarks).
    case hyperplanes(HyperplanesParameters)
    /// The hidden manifold model (qml-benchmarks).
    case hiddenManifold(HiddenManifoldParameters)
    /// Two offset Fourier curves (qml-benchmarks).
    case twoCurves(TwoCurvesParameters)
    /// Noisy bars-and-stripes images (qml-benchmarks).
    case barsAndStripes(BarsAndStripesParameters)

    /// The generator names as a document writes them, in a fixed order (for error hints).
    public static let names = [
        "moons", "circles", "blobs", "parity", "linearly-separable", "hyperplanes",
        "hidden-manifold", "two-curves", "bars-and-stripes",
    ]

    /// The name a document uses for this generator.
    public var name: String {
        switch self {
        case .moons: "moons"
        case .circles: "circles"
        case .blobs: "blobs"
        case .parity: "parity"
        case .linearlySeparable: "linearly-separable"
        case .hyperplanes: "hyperplanes"
        case .hiddenManifold: "hidden-manifold"
        case .twoCurves: "two-curves"
        case .barsAndStripes: "bars-and-stripes"
        }
    }

    /// The number of samples, features and classes these parameters generate, known before
    /// generating, so that the memory and work a study needs can be bounded first.
    public var shape: (samples: Int, features: Int, classes: Int) {
        switch self {
        case .moons(let p): (p.samples, 2, 2)
        case .circles(let p): (p.samples, 2, 2)
        case .blobs(let p): (p.samples, p.features, p.centers)
        case .parity(let p): (p.samples, p.bits, 2)
        case .linearlySeparable(let p): (p.samples, p.features, 2)
        case .hyperplanes(let p): (p.samples, p.features, 2)
        case .hiddenManifold(let p): (p.samples, p.features, 2)
        case .twoCurves(let p): (p.samples, p.features, 2)
        case .barsAndStripes(let p): (p.samples, p.height * p.width, 2)
        }
    }

    /// Throws `LearningError.outOfRange` when a parameter is outside its valid range.
    public func validate() throws {
        switch self {
        case .moons(let p): try p.validate()
        case .circles(let p): try p.validate()
        case .blobs(let p): try p.validate()
        case .parity(let p): try p.validate()
        case .linearlySeparable(let p): try p.validate()
        case .hyperplanes(let p): try p.validate()
        case .hiddenManifold(let p): try p.validate()
        case .twoCurves(let p): try p.validate()
        case .barsAndStripes(let p): try p.validate()
        }
    }

    /// The dataset for these parameters drawn from `stream` (validated first).
    public func generate(_ stream: RandomStream) throws -> Dataset {
        switch self {
        case .moons(let p): try p.generate(stream)
        case .circles(let p): try p.generate(stream)
        case .blobs(let p): try p.generate(stream)
        case .parity(let p): try p.generate(stream)
        case .linearlySeparable(let p): try p.generate(stream)
        case .hyperplanes(let p): try p.generate(stream)
        case .hiddenManifold(let p): try p.generate(stream)
        case .twoCurves(let p): try p.generate(stream)
        case .barsAndStripes(let p): try p.generate(stream)
        }
    }
}
