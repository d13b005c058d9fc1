import OrderedCollections
import QuireCore
import QuireLearning
import QuireMarkdown
import QuireReport

/// A `dataset` block: a CSV file inside the project, pinned by SHA-256, with its label column,
/// feature columns and classes; experiments refer to it by id (`dataset: iris`).
///
///     file: data/iris.csv
///     sha256: b6b8efc8…
///     label: species
///     features: [petal_length_cm, petal_width_cm]   # default: every other column
///     classes: [versicolor, virginica]              # default: every label value, sorted
enum DatasetBlock {
    /// A loaded dataset and the spec that pins it.
    struct Loaded: Sendable {
        var dataset: Dataset
        var classNames: [String]
        /// SHA-256 of the file's bytes.
        var sha256: String
        var canonical: CanonicalJSON
    }

    /// Reads, verifies and decodes the file `block` declares, relative to `folder`.
    static func load(_ block: RunnableBlock, folder: String?) throws -> Loaded {
        let origin = YAMLOrigin(yaml: block.body) { block.documentLocation(bodyLine: $0, column: $1) }
        guard let root = try SpecNode.parse(block.body, origin: origin) else {
            throw LocatedError(block.location, "dataset block '\(block.id)' is empty", hint: "declare file, sha256 and label")
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
        return Loaded(dataset: dataset, classNames: classNames, sha256: digest, canonical: canonical)
    }

    /// The record and summary table of a loaded dataset block.
    static func prepare(_ block: RunnableBlock, loaded: Loaded, context: BlockContext) throws -> PreparedBlock {
        try Attributes.check(block, allowed: ["id"])
        let record = BlockRecord(id: block.id, kind: block.kind.rawValue, spec: loaded.canonical, seed: try context.seed(of: block))
        let format = NumberFormat(precision: context.settings.precision)
        return PreparedBlock(block: block, record: record) { _ in
            let counts = loaded.dataset.classCounts
            let rows = zip(loaded.classNames, counts).map { [$0, format.format($1)] }
            let text =
                "Dataset `\(block.id)`: \(loaded.dataset.sampleCount) samples, \(loaded.dataset.featureCount) features "
                + "(\(loaded.dataset.featureNames?.map(MarkdownText.codeSpan).joined(separator: ", ") ?? "")), file pinned by sha256 `\(loaded.sha256.prefix(12))`.\n\n"
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
