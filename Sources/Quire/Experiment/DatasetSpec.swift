import OrderedCollections
import QuireCore
import QuireLearning

/// The `dataset:` of an experiment: a generator with its parameters, the train/test split and the
/// feature scaling, every default written out in `canonical`.
///
///     dataset: {name: moons, samples: 200, noise: 0.1, test_fraction: 0.3, scale: minmax}
struct DatasetSpec: Sendable {
    /// Where the samples come from.
    enum Source: Sendable {
        /// A seeded generator with its parameters.
        case generated(DatasetGenerator)
        /// The data a `dataset` block declares (a pinned file or a generator run once), by the block's id.
        case block(id: String, DatasetBlock.Loaded)
    }

    /// Where the samples come from.
    var source: Source
    /// Fraction of samples held out for testing (stratified).
    var testFraction: Double
    /// Feature scaling, fitted on the training set only.
    var scaling: Scaling
    /// The spec with defaults filled in, for provenance.
    var canonical: CanonicalJSON

    /// Keys shared by every generator.
    static let commonKeys = ["name", "test_fraction", "scale", "scale_range"]
    /// Keys of a reference to a dataset block.
    static let referenceKeys = ["ref", "test_fraction", "scale", "scale_range"]

    /// The samples of repeat stream `stream` (generated, or the dataset block's, the same at every repeat).
    func samples(_ stream: RandomStream) throws -> Dataset {
        switch source {
        case .generated(let generator): try generator.generate(stream.substream("dataset"))
        case .block(_, let loaded): loaded.dataset
        }
    }

    /// The number of samples (before the split), features and classes, known before any data is
    /// generated (for memory and work estimates).
    var shape: (samples: Int, features: Int, classes: Int) {
        switch source {
        case .block(_, let loaded): (loaded.dataset.sampleCount, loaded.dataset.featureCount, loaded.dataset.classCount)
        case .generated(let generator): generator.shape
        }
    }

    /// The name the report uses: the generator's or the dataset block's id.
    var name: String {
        switch source {
        case .generated(let generator): generator.name
        case .block(let id, _): id
        }
    }
    /// Each generator's parameters as written, integer-valued ones marked.
    static let parameterKeys: [String: [(key: String, integer: Bool)]] = [
        "moons": [("samples", true), ("noise", false)],
        "circles": [("samples", true), ("noise", false), ("factor", false)],
        "blobs": [("samples", true), ("centers", true), ("features", true), ("cluster_std", false)],
        "parity": [("samples", true), ("bits", true), ("noise", false)],
        "linearly-separable": [("samples", true), ("features", true), ("margin", false)],
        "hyperplanes": [("samples", true), ("features", true), ("hyperplanes", true), ("dimension", true)],
        "hidden-manifold": [("samples", true), ("features", true), ("manifold_dimension", true)],
        "two-curves": [("samples", true), ("features", true), ("degree", true), ("offset", false), ("noise", false)],
        "bars-and-stripes": [("samples", true), ("height", true), ("width", true), ("noise", false)],
    ]

    /// Decodes and validates `node`.
    ///
    /// - Throws: located errors for unknown generators or keys, wrong types, out-of-range values.
    static func decode(_ node: SpecNode, datasets: (String, SpecNode) throws -> DatasetBlock.Loaded) throws -> DatasetSpec {
        if case .scalar = node.node {
            let id = try node.string()
            return try splitAndScale(source: .block(id: id, try datasets(id, node)), map: nil, node: node)
        }
        guard case .mapping(let mapping) = node.node else {
            throw node.error(
                "'dataset' must be a dataset block id or a mapping such as {name: moons, samples: 200}",
                hint: "generators: \(DatasetGenerator.names.joined(separator: ", "))")
        }
        if mapping["ref"] != nil {
            let map = try node.mapping(allowed: referenceKeys)
            let refNode = map["ref"]!
            let id = try refNode.string()
            return try splitAndScale(source: .block(id: id, try datasets(id, refNode)), map: map, node: node)
        }
        let (generator, map) = try decodeGenerator(node, nameKey: "name", otherKeys: commonKeys.filter { $0 != "name" }, what: "'dataset'")
        return try splitAndScale(source: .generated(generator), map: map, node: node)
    }

    /// Decodes the generator that `node`'s `nameKey` names, with its parameters (defaults for those
    /// absent), validated; `otherKeys` may appear beside them. Shared by an experiment's `dataset:`
    /// (`name: moons`) and a dataset block (`generator: moons`).
    ///
    /// - Throws: located errors for a missing or unknown generator, unknown keys, wrong types and
    ///   out-of-range values.
    static func decodeGenerator(_ node: SpecNode, nameKey: String, otherKeys: [String], what: String) throws -> (DatasetGenerator, SpecMapping) {
        let generators = "generators: \(DatasetGenerator.names.joined(separator: ", "))"
        let nameNode = try node.mapping(allowed: [nameKey] + otherKeys + parameterKeys.values.flatMap { $0.map(\.key) })[nameKey]
        guard let nameNode else { throw node.error("\(what) needs a '\(nameKey)'", hint: generators) }
        let name = try nameNode.string()
        guard let keys = parameterKeys[name] else { throw nameNode.error("unknown dataset generator '\(name)'", hint: generators) }
        let map = try node.mapping(allowed: [nameKey] + otherKeys + keys.map(\.key))
        var values: [String: Double] = [:]
        for (key, integer) in keys {
            if let value = map[key] { values[key] = integer ? Double(try value.integer(in: 0...10_000_000)) : try value.double(in: -1e12...1e12) }
        }
        let generator = Self.generator(name, values)
        do { try generator.validate() } catch let error as LearningError {
            throw locate(error, in: map, node: node)
        }
        return (generator, map)
    }

    /// The split and scaling options in `map` (defaults when absent) around `source`.
    private static func splitAndScale(source: Source, map: SpecMapping?, node: SpecNode) throws -> DatasetSpec {
        let map = map ?? SpecMapping(owner: node, entries: [])
        let testFraction = try map["test_fraction"]?.double(in: 0.01...0.99) ?? 0.3
        let scaleName = try map["scale"]?.string() ?? "minmax"
        let scaling: Scaling
        var scaleRange: [Double] = []
        switch scaleName {
        case "minmax":
            var range: [Double] = [0, Double.pi]
            if let rangeNode = map["scale_range"] {
                let items = try rangeNode.sequence()
                guard items.count == 2 else {
                    throw rangeNode.error("'scale_range' must be two numbers [lower, upper]", hint: "e.g. scale_range: [-1, 1]")
                }
                range = try items.map { try $0.double(in: -1e6...1e6) }
            }
            guard range[0] < range[1] else { throw (map["scale_range"] ?? node).error("'scale_range' needs lower < upper") }
            scaling = .minMax(lower: range[0], upper: range[1])
            scaleRange = range
        case "standard": scaling = .standard
        case "none": scaling = .none
        default:
            throw (map["scale"] ?? node).error("unknown scale '\(scaleName)'", hint: "use minmax, standard or none")
        }
        var canonical: OrderedDictionary<String, CanonicalJSON> = [:]
        switch source {
        case .generated(let generator):
            canonical["name"] = .string(generator.name)
            for (key, value) in parameters(of: generator) { canonical[key] = value }
        case .block(let id, let loaded):
            canonical["ref"] = .string(id)
            canonical[loaded.recordKey] = loaded.canonical
        }
        canonical["test_fraction"] = .number(testFraction)
        canonical["scale"] = .string(scaleName)
        if !scaleRange.isEmpty { canonical["scale_range"] = .array(scaleRange.map(CanonicalJSON.number)) }
        return DatasetSpec(source: source, testFraction: testFraction, scaling: scaling, canonical: .object(canonical))
    }

    /// The generator named `name` with `values` over its defaults.
    private static func generator(_ name: String, _ v: [String: Double]) -> DatasetGenerator {
        func int(_ key: String, _ fallback: Int) -> Int { v[key].map { Int($0) } ?? fallback }
        func real(_ key: String, _ fallback: Double) -> Double { v[key] ?? fallback }
        switch name {
        case "moons":
            let d = MoonsParameters()
            return .moons(MoonsParameters(samples: int("samples", d.samples), noise: real("noise", d.noise)))
        case "circles":
            let d = CirclesParameters()
            return .circles(CirclesParameters(samples: int("samples", d.samples), noise: real("noise", d.noise), factor: real("factor", d.factor)))
        case "blobs":
            let d = BlobsParameters()
            return .blobs(
                BlobsParameters(
                    samples: int("samples", d.samples), centers: int("centers", d.centers),
                    features: int("features", d.features), clusterStd: real("cluster_std", d.clusterStd)))
        case "parity":
            let d = ParityParameters()
            return .parity(ParityParameters(samples: int("samples", d.samples), bits: int("bits", d.bits), noise: real("noise", d.noise)))
        case "linearly-separable":
            let d = LinearlySeparableParameters()
            return .linearlySeparable(
                LinearlySeparableParameters(
                    samples: int("samples", d.samples), features: int("features", d.features),
                    margin: real("margin", d.margin)))
        case "hyperplanes":
            let d = HyperplanesParameters()
            return .hyperplanes(
                HyperplanesParameters(
                    samples: int("samples", d.samples), features: int("features", d.features),
                    hyperplanes: int("hyperplanes", d.hyperplanes), dimension: int("dimension", d.dimension)))
        case "hidden-manifold":
            let d = HiddenManifoldParameters()
            return .hiddenManifold(
                HiddenManifoldParameters(
                    samples: int("samples", d.samples), features: int("features", d.features),
                    manifoldDimension: int("manifold_dimension", d.manifoldDimension)))
        case "two-curves":
            let d = TwoCurvesParameters()
            return .twoCurves(
                TwoCurvesParameters(
                    samples: int("samples", d.samples), features: int("features", d.features),
                    degree: int("degree", d.degree), offset: real("offset", d.offset), noise: real("noise", d.noise)))
        default:
            let d = BarsAndStripesParameters()
            return .barsAndStripes(
                BarsAndStripesParameters(
                    samples: int("samples", d.samples), height: int("height", d.height),
                    width: int("width", d.width), noise: real("noise", d.noise)))
        }
    }

    /// Every parameter of `generator` with its value, in the documented order.
    static func parameters(of generator: DatasetGenerator) -> [(String, CanonicalJSON)] {
        func i(_ value: Int) -> CanonicalJSON { .integer(Int64(value)) }
        switch generator {
        case .moons(let p): return [("samples", i(p.samples)), ("noise", .number(p.noise))]
        case .circles(let p): return [("samples", i(p.samples)), ("noise", .number(p.noise)), ("factor", .number(p.factor))]
        case .blobs(let p):
            return [("samples", i(p.samples)), ("centers", i(p.centers)), ("features", i(p.features)), ("cluster_std", .number(p.clusterStd))]
        case .parity(let p): return [("samples", i(p.samples)), ("bits", i(p.bits)), ("noise", .number(p.noise))]
        case .linearlySeparable(let p): return [("samples", i(p.samples)), ("features", i(p.features)), ("margin", .number(p.margin))]
        case .hyperplanes(let p):
            return [("samples", i(p.samples)), ("features", i(p.features)), ("hyperplanes", i(p.hyperplanes)), ("dimension", i(p.dimension))]
        case .hiddenManifold(let p): return [("samples", i(p.samples)), ("features", i(p.features)), ("manifold_dimension", i(p.manifoldDimension))]
        case .twoCurves(let p):
            return [
                ("samples", i(p.samples)), ("features", i(p.features)), ("degree", i(p.degree)), ("offset", .number(p.offset)),
                ("noise", .number(p.noise)),
            ]
        case .barsAndStripes(let p): return [("samples", i(p.samples)), ("height", i(p.height)), ("width", i(p.width)), ("noise", .number(p.noise))]
        }
    }

    /// A learning error moved to the document: at the offending field when it was written.
    static func locate(_ error: LearningError, in map: SpecMapping, node: SpecNode) -> LocatedError {
        var at = node
        if case .outOfRange(_, let field, _, _) = error, let fieldNode = map[field] { at = fieldNode }
        return LocatedError(at.location, error.diagnostic.message, hint: error.diagnostic.hint)
    }
}
