import QuireCore

/// A synthetic dataset generator with its parameters: what a `dataset:` field names.
///
/// Generation is a pure function of (parameters, stream): every random number is read from a named
/// substream of the block's Philox stream at a fixed index, so the data never depends on thread
/// count, on other blocks, or on a global generator left unseeded.
public struct DatasetGenerator: Sendable {
    /// The generator's parameters; their type is the generator.
    public let parameters: any DatasetParameters

    /// The generator of `parameters`.
    public init(_ parameters: some DatasetParameters) {
        self.parameters = parameters
    }

    /// Every generator, in the fixed order error hints list them.
    public static let kinds: [any DatasetParameters.Type] = [
        MoonsParameters.self, CirclesParameters.self, BlobsParameters.self, ParityParameters.self,
        LinearlySeparableParameters.self, HyperplanesParameters.self, HiddenManifoldParameters.self,
        TwoCurvesParameters.self, BarsAndStripesParameters.self,
    ]

    /// The generator names as a document writes them, in a fixed order (for error hints).
    public static let names = kinds.map { $0.name }

    /// The parameters type of the generator a document calls `name`, or nil for an unknown name.
    public static func kind(named name: String) -> (any DatasetParameters.Type)? {
        kinds.first { $0.name == name }
    }

    /// The name a document uses for this generator.
    public var name: String { type(of: parameters).name }

    /// The number of samples, features and classes these parameters generate, known before
    /// generating, so that the memory and work a study needs can be bounded first.
    public var shape: (samples: Int, features: Int, classes: Int) { parameters.shape }

    /// What the classes are, in class order, for generators whose classes have a natural name
    /// (`upper moon` / `lower moon`, `even` / `odd` parity, `bars` / `stripes`), so tables and
    /// figures can say more than "class 0"; nil where a class is only an index.
    public var classNames: [String]? { type(of: parameters).classNames }

    /// Every parameter with its value, in documented order (the canonical form for provenance).
    public var values: [(key: String, value: DatasetParameterValue)] { parameters.values }

    /// Throws `LearningError.outOfRange` when a parameter is outside its valid range.
    public func validate() throws { try parameters.validate() }

    /// The dataset for these parameters drawn from `stream` (validated first).
    public func generate(_ stream: RandomStream) throws -> Dataset { try parameters.generate(stream) }
}
