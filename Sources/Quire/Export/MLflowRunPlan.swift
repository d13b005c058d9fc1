import Foundation
import OrderedCollections
import QuireCore
import QuireMarkdown

/// What one block of a run document becomes in MLflow, read from the document alone (its regions
/// and provenance appendix; nothing is executed): the tags that identify its run, the params,
/// the tags describing the result, the metrics, the figures, and the nested runs of an
/// experiment's sweep points and repeats.
struct MLflowRunPlan: Hashable, Sendable {
    /// The block id.
    var blockID: String
    /// The run's name: the block id, then the sweep point's values and the repeat for a nested run.
    var name: String
    /// Tags that identify the run: document, block id and spec hash, and for a nested run its
    /// `quire.sweep_point` and `quire.repeat`. MLflow params are immutable, so a block whose spec
    /// changed gets new runs; an unchanged one is updated in place.
    var identity: OrderedDictionary<String, String>
    /// Every `quire.*` tag (the identity included).
    var tags: OrderedDictionary<String, String>
    /// The recorded canonical spec flattened to dotted keys.
    var params: OrderedDictionary<String, String>
    /// Every number in the region's tables (step 0), then the training loss per epoch (step = epoch).
    var metrics: [MLflowRequest.Metric]
    /// Figure paths relative to the document, as recorded.
    var figures: [String]
    /// Nested runs (MLflow tag `mlflow.parentRunId`): a block's sweep points, or its repeats; a
    /// point's repeats.
    var children: [MLflowRunPlan] = []
    /// Files made from the record rather than read from the folder (`model.json`).
    var artifacts: [Artifact] = []

    /// A file uploaded as an artifact of the run.
    struct Artifact: Hashable, Sendable {
        /// Its name in the run's artifacts.
        var file: String
        var bytes: [UInt8]
        var contentType: String
    }

    /// The tags naming where a nested run sits in its block; a block's own run has neither.
    static let positionTags = ["quire.sweep_point", "quire.repeat"]

    /// MLflow's limits on a param's value and on any key's length.
    static let maxValueLength = 6000, maxKeyLength = 250

    /// The runs of every recorded block of `document`, in document order; `notes` receives a line
    /// per block skipped because it has no recorded run.
    ///
    /// - Throws: `MLflowError.notRun` when the document has no readable provenance appendix.
    static func plans(for document: QuireDocument, named name: String, notes: inout [String]) throws -> [MLflowRunPlan] {
        let provenance = RecordedProvenance(document)
        guard !provenance.blocks.isEmpty else { throw MLflowError.notRun(file: name) }
        var plans: [MLflowRunPlan] = []
        for block in document.blocks {
            guard let record = provenance.blocks[block.id] else {
                notes.append("block \(block.id) has no recorded run and was skipped; run `quire run \(name)` first")
                continue
            }
            let region =
                document.regions.first { $0.id == block.id }
                .map { String(decoding: document.source.bytes[$0.contentRange], as: UTF8.self) } ?? ""
            plans.append(plan(id: block.id, record: record, region: region, document: name, version: provenance.quireVersion))
        }
        return plans
    }

    /// The run of block `id` recorded as `record`, whose region reads `region`.
    static func plan(id: String, record: BlockRecord, region: String, document: String, version: String?) -> MLflowRunPlan {
        let identity: OrderedDictionary<String, String> = [
            "quire.document": document, "quire.block_id": id, "quire.spec_sha256": record.specSHA256,
        ]
        var tags = identity
        tags["quire.kind"] = record.kind
        tags["quire.seed"] = String(record.seed)
        tags["quire.result_sha256"] = record.resultSHA256
        tags["quire.version"] = version ?? "unknown"
        if let engine = record.engine { tags["quire.engine"] = engine }
        var plan = MLflowRunPlan(
            blockID: id, name: id, identity: identity, tags: tags, params: params(record.spec),
            metrics: [], figures: record.figures)
        let recorded = stepZeroValues(points: record.details["points"])
        plan.metrics =
            recorded.map { metrics($0, lossCurve: record.details["loss_curve"]?.doubles) }
            ?? metrics(region: region, lossCurve: record.details["loss_curve"])
        plan.children = nestedRuns(of: plan, points: record.details["points"])
        if plan.children.isEmpty, case .array(let points)? = record.details["points"], points.count == 1,
            case .array(let repeats)? = points[0]["repeats"], repeats.count == 1
        {
            plan.addModels(of: RepeatRecord(repeats[0], index: 0))
        }
        return plan
    }

    /// `spec` flattened to dotted keys (`train.epochs`, `sweep.encoding.kind.0`), strings unquoted,
    /// keys made valid for MLflow, values cut to `maxValueLength` characters.
    static func params(_ spec: CanonicalJSON) -> OrderedDictionary<String, String> {
        var params: OrderedDictionary<String, String> = [:]
        for leaf in spec.leaves() {
            let key = metricName(leaf.path.isEmpty ? "spec" : leaf.path)
            let text = leaf.value.hasPrefix("\"") ? (try? JSONDecoder().decode(String.self, from: Data(leaf.value.utf8))) ?? leaf.value : leaf.value
            if params[key] == nil { params[key] = String(text.prefix(maxValueLength)) }
        }
        return params
    }

    /// The numbers of `region`'s tables at step 0 (named `row / column`, the first of any names
    /// that coincide once made valid), then `lossCurve`'s entries as `loss` at steps 1, 2, ….
    static func metrics(region: String, lossCurve: CanonicalJSON?) -> [MLflowRequest.Metric] {
        metrics(RegionTables(region).cells.map { ($0.name, $0.value) }, lossCurve: lossCurve.flatMap(\.doubles))
    }

    /// `values` at step 0 (names made valid, the first of any that coincide, non-finite values
    /// dropped), then `lossCurve` as `loss` at steps 1, 2, ….
    static func metrics(_ values: [(name: String, value: Double)], lossCurve: [Double]?) -> [MLflowRequest.Metric] {
        var seen = Set<String>()
        var metrics: [MLflowRequest.Metric] = []
        for (name, value) in values where value.isFinite {
            let key = metricName(name)
            if seen.insert(key).inserted { metrics.append(.init(key: key, value: value, step: 0)) }
        }
        for (epoch, value) in (lossCurve ?? []).enumerated() where value.isFinite {
            metrics.append(.init(key: "loss", value: value, step: Int64(epoch + 1)))
        }
        return metrics
    }

    /// `name` in the characters MLflow allows in metric and param names (letters, digits, `_ - . /`
    /// and space; anything else becomes `_`), with no empty, `.` or `..` path segment (MLflow refuses
    /// names that normalise to another path), at most `maxKeyLength` characters.
    static func metricName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./ ")
        let mapped = String(name.map { allowed.contains($0) ? $0 : "_" })
        let segments = mapped.split(separator: "/", omittingEmptySubsequences: true).map { $0 == "." || $0 == ".." ? "_" : String($0) }
        let joined = segments.joined(separator: "/")
        let key = joined.prefix(maxKeyLength).trimmed(of: "/")
        return key.isEmpty ? "value" : key
    }
}
