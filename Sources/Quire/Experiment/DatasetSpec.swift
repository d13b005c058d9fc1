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
        let everyKey = DatasetGenerator.kinds.flatMap { $0.keys }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let nameNode = try node.mapping(allowed: [nameKey] + otherKeys + everyKey)[nameKey]
        guard let nameNode else { throw node.error("\(what) needs a '\(nameKey)'", hint: generators) }
        let name = try nameNode.string()
        guard let kind = DatasetGenerator.kind(named: name) else {
            throw nameNode.error("unknown dataset generator '\(name)'", hint: generators)
        }
        let map = try node.mapping(allowed: [nameKey] + otherKeys + kind.keys)
        let generator = DatasetGenerator(
            try kind.init(
                integer: { try map[$0]?.integer(in: 0...10_000_000) },
                real: { try map[$0]?.double(in: -1e12...1e12) }))
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
            for (key, value) in canonicalParameters(of: generator) { canonical[key] = value }
        case .block(let id, let loaded):
            canonical["ref"] = .string(id)
            canonical[loaded.recordKey] = loaded.canonical
        }
        canonical["test_fraction"] = .number(testFraction)
        canonical["scale"] = .string(scaleName)
        if !scaleRange.isEmpty { canonical["scale_range"] = .array(scaleRange.map(CanonicalJSON.number)) }
        return DatasetSpec(source: source, testFraction: testFraction, scaling: scaling, canonical: .object(canonical))
    }

    /// Every parameter of `generator` with its value, in the documented order, as provenance records it.
    static func canonicalParameters(of generator: DatasetGenerator) -> [(String, CanonicalJSON)] {
        generator.values.map { key, value in
            switch value {
            case .integer(let number): (key, .integer(Int64(number)))
            case .real(let number): (key, .number(number))
            }
        }
    }

    /// A learning error moved to the document: at the offending field when it was written.
    static func locate(_ error: LearningError, in map: SpecMapping, node: SpecNode) -> LocatedError {
        var at = node
        if case .outOfRange(_, let field, _, _) = error, let fieldNode = map[field] { at = fieldNode }
        return LocatedError(at.location, error.diagnostic.message, hint: error.diagnostic.hint)
    }
}
