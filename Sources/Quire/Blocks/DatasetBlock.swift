import OrderedCollections
import QuireCore
import QuireLearning
import QuireMarkdown
import QuireReport

/// A `dataset` block: data declared once and referred to by id from experiments (`dataset: iris`),
/// so that several experiments compare on the very same samples. Either a CSV file inside the
/// project, pinned by SHA-256, with its label column, feature columns and classes:
///
///     file: data/iris.csv
///     sha256: b6b8efc8…
///     label: species
///     features: [petal_length_cm, petal_width_cm]   # default: every other column
///     classes: [versicolor, virginica]              # default: every label value, sorted
///
/// or a generator with its parameters (as an experiment's inline `dataset:` takes them), run once
/// with the block's own seed (`seed=`, else derived from the document seed and the block's id):
///
///     generator: moons
///     samples: 200
///     noise: 0.1
enum DatasetBlock {
    /// A loaded dataset and the spec that pins it.
    struct Loaded: Sendable {
        var dataset: Dataset
        var classNames: [String]
        /// SHA-256 of the file's bytes, or of the generated samples (`ExperimentRunner.digest`).
        var sha256: String
        var canonical: CanonicalJSON
        /// The generator's name, or nil for a file.
        var generator: String?

        /// The key an experiment's record holds `canonical` under: `file` or `generated`.
        var recordKey: String { generator == nil ? "file" : "generated" }
    }

    /// Attributes a dataset block accepts.
    static let attributes = ["id", "seed"]

    /// Reads, verifies and decodes the file `block` declares, relative to `folder`, or runs its
    /// generator with the block's seed under `context`'s memory limit.
    static func load(_ block: RunnableBlock, folder: String?, context: BlockContext) throws -> Loaded {
        let origin = YAMLOrigin(yaml: block.body) { block.documentLocation(bodyLine: $0, column: $1) }
        guard let root = try SpecNode.parse(block.body, origin: origin) else {
            throw LocatedError(
                block.location, "dataset block '\(block.id)' is empty",
                hint: "declare a file (file, sha256, label) or a generator (generator: moons, samples: 200)")
        }
        if case .mapping(let mapping) = root.node, mapping["generator"] != nil {
            return try generated(root, block: block, context: context)
        }
        let map = try root.mapping(allowed: ["file", "sha256", "label", "features", "classes"])
        guard let fileNode = map["file"] else {
            throw root.error("a dataset block needs 'file'", hint: "a CSV file inside the project, e.g. file: data/iris.csv")
        }
        let (path, bytes) = try PinnedFile.read(fileNode, folder: folder, what: "a CSV file", limit: maxFileBytes)
        let digest = try PinnedFile.verify(bytes, path: path, pin: map["sha256"]) {
            root.error("a dataset block must pin its file by sha256", hint: "add sha256: \($0)")
        }
        let table = try CSVTable.parse(bytes) { SourceLocation(file: path, line: $0, column: 1) }
        guard let labelNode = map["label"] else {
            throw root.error("a dataset block needs 'label', the column holding the class", hint: "columns: \(table.header.joined(separator: ", "))")
        }
        let label = try column(labelNode, in: table)
        let features =
            try map["features"].map { try $0.sequence().map { try column($0, in: table) } }
            ?? table.header.indices.filter { $0 != label }
        guard !features.isEmpty else { throw root.error("no feature columns") }
        var classNames = Array(Set(table.rows.map { $0[label] })).sorted()
        if let classesNode = map["classes"] {
            classNames = try classesNode.sequence().map { node in
                let name = try node.string()
                guard table.rows.contains(where: { $0[label] == name }) else { throw node.error("no row has \(table.header[label]) = '\(name)'") }
                return name
            }
        }
        guard classNames.count >= 2 else { throw (map["classes"] ?? labelNode).error("a classification dataset needs at least two classes") }
        var elements: [Double] = []
        var labels: [Int] = []
        for (offset, row) in table.rows.enumerated() {
            guard let classIndex = classNames.firstIndex(of: row[label]) else { continue }
            for column in features {
                guard let value = Double(row[column]), value.isFinite else {
                    throw LocatedError(
                        SourceLocation(file: path, line: offset + 2, column: 1),
                        "'\(row[column])' in column \(table.header[column]) is not a finite number")
                }
                elements.append(value)
            }
            labels.append(classIndex)
        }
        let dataset = Dataset(
            features: Matrix(rows: labels.count, columns: features.count, elements: elements), labels: labels,
            classCount: classNames.count, featureNames: features.map { table.header[$0] })
        let canonical = CanonicalJSON.object([
            "file": .string(path), "sha256": .string(digest), "label": .string(table.header[label]),
            "features": .array(features.map { .string(table.header[$0]) }), "classes": .array(classNames.map(CanonicalJSON.string)),
        ])
        return Loaded(dataset: dataset, classNames: classNames, sha256: digest, canonical: canonical, generator: nil)
    }

    /// The samples of the generator `root` declares, drawn once from the block's seed (stream
    /// purpose `dataset`), refused before allocation when they would not fit the memory limit.
    private static func generated(_ root: SpecNode, block: RunnableBlock, context: BlockContext) throws -> Loaded {
        let (generator, map) = try DatasetSpec.decodeGenerator(root, nameKey: "generator", otherKeys: [], what: "a dataset block")
        let shape = generator.shape
        let bytes = 8 * Double(shape.samples) * Double(shape.features + 1)
        guard bytes <= Double(context.limits.memoryBytes) else {
            throw (map["samples"] ?? root).error(
                "the dataset (\(shape.samples) samples × \(shape.features) features) would need about "
                    + "\(ExperimentSpec.gibibytes(bytes)) of memory, more than the limit of \(ExperimentSpec.gibibytes(Double(context.limits.memoryBytes)))",
                hint: "use fewer samples or features, or raise the limit with --max-memory-gib")
        }
        let seed = try context.seed(of: block)
        let dataset: Dataset
        do { dataset = try generator.generate(RandomStream(seed: seed, purpose: "dataset")) } catch let error as LearningError {
            throw DatasetSpec.locate(error, in: map, node: root)
        }
        let digest = ExperimentRunner.digest(dataset)
        var canonical: OrderedDictionary<String, CanonicalJSON> = ["generator": .string(generator.name)]
        for (key, value) in DatasetSpec.canonicalParameters(of: generator) { canonical[key] = value }
        canonical["seed"] = .unsigned(seed)
        canonical["sha256"] = .string(digest)
        let classNames = generator.classNames ?? (0..<dataset.classCount).map { "class \($0)" }
        return Loaded(dataset: dataset, classNames: classNames, sha256: digest, canonical: .object(canonical), generator: generator.name)
    }

    /// The record and summary table of a loaded dataset block.
    static func prepare(_ block: RunnableBlock, loaded: Loaded, context: BlockContext) throws -> PreparedBlock {
        try Attributes.check(block, allowed: attributes)
        let record = BlockRecord(id: block.id, kind: block.kind.rawValue, spec: loaded.canonical, seed: try context.seed(of: block))
        let format = NumberFormat(precision: context.settings.precision)
        return PreparedBlock(block: block, record: record) { _ in
            let counts = loaded.dataset.classCounts
            let rows = zip(loaded.classNames, counts).map { [$0, format.format($1)] }
            let columns = loaded.dataset.featureNames.map { " (" + $0.map(MarkdownText.codeSpan).joined(separator: ", ") + ")" } ?? ""
            let origin =
                loaded.generator.map { "generated by `\($0)` with seed \(record.seed), samples sha256 `\(loaded.sha256.prefix(12))`" }
                ?? "file pinned by sha256 `\(loaded.sha256.prefix(12))`"
            let text =
                "Dataset `\(block.id)`: \(loaded.dataset.sampleCount) samples, \(loaded.dataset.featureCount) features\(columns), \(origin).\n\n"
                + MarkdownTable(columns: [.init("class"), .init("samples", alignment: .right)], rows: rows).render(lineEnding: "\n")
            return BlockResult(markdown: text, record: record)
        }
    }

    /// Largest dataset file read, in bytes (README, Limits): refused before it is read.
    static let maxFileBytes = 64 << 20

    private static func column(_ node: SpecNode, in table: CSVTable) throws -> Int {
        let name = try node.string()
        guard let index = table.header.firstIndex(of: name) else {
            throw node.error("no column named '\(name)'", hint: "columns: \(table.header.joined(separator: ", "))")
        }
        return index
    }
}
