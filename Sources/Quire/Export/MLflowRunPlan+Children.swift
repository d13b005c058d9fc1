import OrderedCollections

/// The nested runs of an experiment block, from the `points` detail its provenance records (each
/// sweep point's swept values and each repeat's seed, metrics and loss per epoch).
///
/// Layout, chosen so the MLflow UI's run tree reads like the study: under the block's run, one run
/// per sweep point, and under each point one run per repeat. Comparing points (what a sweep is
/// for) then means comparing a point's runs, whose metrics are already the means over its repeats,
/// and the spread of one point is one level down; a flat list of (point, repeat) runs would mix
/// the two and leave the averaging to the reader. Without a sweep the repeats hang directly under
/// the block; a level with a single run (one repeat, or no sweep) is left out, since its run would
/// repeat its parent's numbers.
extension MLflowRunPlan {
    /// The nested runs of `parent`, read from its record's `points` detail (none when absent or
    /// unreadable: the appendix is untrusted text).
    static func nestedRuns(of parent: MLflowRunPlan, points: CanonicalJSON?) -> [MLflowRunPlan] {
        guard case .array(let entries)? = points else { return [] }
        let swept = entries.count > 1 || entries.contains { $0["sweep"] != nil }
        let records = entries.map(PointRecord.init)
        guard swept else { return records.first.map { repeatRuns(of: parent, point: $0, pointIndex: nil) } ?? [] }
        // One point of one repeat has no nested runs: the block's run is the model's entry.
        return records.enumerated().map { index, point in
            var run = child(
                of: parent,
                name: ([parent.blockID] + point.sweep.map { "\($0.key.split(separator: ".").last ?? "")=\($0.value)" })
                    .joined(separator: " · "),
                position: ["quire.sweep_point": String(index + 1)], params: point.sweep)
            run.metrics = metrics(meanOf: point.repeats)
            run.children = repeatRuns(of: run, point: point, pointIndex: index + 1)
            return run
        }
    }

    /// One run per repeat of `point` under `parent` (none for a single repeat).
    static func repeatRuns(of parent: MLflowRunPlan, point: PointRecord, pointIndex: Int?) -> [MLflowRunPlan] {
        guard point.repeats.count > 1 else { return [] }
        return point.repeats.map { record in
            var params = point.sweep
            params["repeat"] = String(record.number)
            params["random_stream"] = "Philox4x32-10 seed \(parent.tags["quire.seed"] ?? "?"), purpose experiment, substream \(record.number - 1)"
            if let seed = record.modelSeed { params["model_seed"] = seed }
            var position: OrderedDictionary<String, String> = [:]
            if let pointIndex { position["quire.sweep_point"] = String(pointIndex) }
            position["quire.repeat"] = String(record.number)
            var run = child(of: parent, name: "\(parent.name) · repeat \(record.number)", position: position, params: params)
            run.metrics = metrics(record.models.flatMap(\.named), lossCurve: record.lossCurve)
            run.addModels(of: record)
            return run
        }
    }

    /// A nested run under `parent`: its identity plus `position`, its descriptive tags, `params`.
    private static func child(
        of parent: MLflowRunPlan, name: String, position: OrderedDictionary<String, String>,
        params: OrderedDictionary<String, String>
    ) -> MLflowRunPlan {
        let identity = parent.identity.filter { !positionTags.contains($0.key) }.merging(position) { $1 }
        let tags = parent.tags.filter { !positionTags.contains($0.key) && $0.key != "quire.result_sha256" }.merging(position) { $1 }
        return MLflowRunPlan(
            blockID: parent.blockID, name: name, identity: identity, tags: tags,
            params: OrderedDictionary(uniqueKeysWithValues: params.map { (metricName($0.key), String($0.value.prefix(maxValueLength))) }),
            metrics: [], figures: [])
    }

    /// A point's metrics: every model's numbers and the loss per epoch, each the mean over the
    /// repeats that have it.
    private static func metrics(meanOf repeats: [RepeatRecord]) -> [MLflowRequest.Metric] {
        metrics(means(of: repeats), lossCurve: ExperimentBlock.meanCurve(repeats.compactMap(\.lossCurve)))
    }

    /// Every model's numbers (`model / column`), each the mean over the repeats that have it.
    private static func means(of repeats: [RepeatRecord]) -> [(name: String, value: Double)] {
        var sums: OrderedDictionary<String, (total: Double, count: Int)> = [:]
        for (name, value) in repeats.flatMap({ $0.models.flatMap(\.named) }) {
            let sum = sums[name] ?? (0, 0)
            sums[name] = (sum.total + value, sum.count + 1)
        }
        return sums.map { ($0.key, $0.value.total / Double($0.value.count)) }
    }

    /// An experiment block's own numbers at step 0, from the typed `points` record rather than the
    /// region's tables (which a reader may reformat or edit): each model's mean over its repeats,
    /// named `model / column`, behind `path=value · ` for each swept value at a sweep point, as the
    /// region's rows are labelled. `nil` for a block without a readable `points` record.
    static func stepZeroValues(points: CanonicalJSON?) -> [(name: String, value: Double)]? {
        guard case .array(let entries)? = points, !entries.isEmpty else { return nil }
        return entries.map(PointRecord.init).flatMap { point in
            let label = point.sweep.map { "\($0.key)=\($0.value) · " }.joined()
            return means(of: point.repeats).map { (label + $0.name, $0.value) }
        }
    }

    /// One sweep point as recorded.
    struct PointRecord {
        /// The swept field paths and values, as text.
        var sweep: OrderedDictionary<String, String> = [:]
        var repeats: [RepeatRecord] = []

        init(_ json: CanonicalJSON) {
            if case .object(let values)? = json["sweep"] {
                sweep = values.mapValues { value in
                    if case .string(let text) = value { return text }
                    return value.compact()
                }
            }
            if case .array(let items)? = json["repeats"] { repeats = items.enumerated().map { RepeatRecord($1, index: $0) } }
        }
    }

    /// One repeat as recorded.
    struct RepeatRecord {
        var number: Int
        var modelSeed: String?
        var splitSHA256: String?
        var models: [ModelRecord] = []
        var lossCurve: [Double]?

        init(_ json: CanonicalJSON, index: Int) {
            number = json["repeat"]?.double.map { Int($0) } ?? index + 1
            modelSeed = json["model_seed"].map { $0.compact() }
            if case .string(let digest)? = json["split_sha256"] { splitSHA256 = digest }
            if case .array(let items)? = json["models"] { models = items.map(ModelRecord.init) }
            lossCurve = json["loss_curve"]?.doubles
        }
    }

    /// One model's numbers in one repeat, with what it learned: a baseline's chosen
    /// hyperparameters, a variational model's trained parameters (θ, then the bias).
    struct ModelRecord {
        var name: String
        var values: [(column: String, value: Double)] = []
        var hyperparameters: CanonicalJSON?
        var parameters: [Double]?

        init(_ json: CanonicalJSON) {
            if case .string(let text)? = json["model"] { name = text } else { name = "model" }
            for (key, column) in [("train_accuracy", "train accuracy"), ("test_accuracy", "test accuracy"), ("test_f1", "test macro-F1")] {
                if let value = json[key]?.double { values.append((column, value)) }
            }
            if case .object? = json["hyperparameters"] { hyperparameters = json["hyperparameters"] }
            parameters = json["parameters"]?.doubles
        }

        /// `model / column` names with their values, as the region's tables name them.
        var named: [(name: String, value: Double)] { values.map { ("\(name) / \($0.column)", $0.value) } }
    }
}

extension MLflowRunPlan {
    /// Whether a run carrying `tags` is this plan's run: every identity tag equal, and no
    /// position tag (`quire.sweep_point`, `quire.repeat`) the plan does not have, so a block's own
    /// run is never taken for one of its nested runs.
    func matches(_ tags: [String: String]) -> Bool {
        identity.allSatisfy { tags[$0.key] == $0.value } && Self.positionTags.allSatisfy { identity[$0] != nil || tags[$0] == nil }
    }
}

extension MLflowRunPlan {
    /// Makes this run a model registry entry for `record`: the split's digest and each baseline's
    /// chosen hyperparameters as params (`hyperparameters.<model>.<name>`), and `model.json`, an
    /// artifact holding every model's hyperparameters and trained parameters as recorded.
    mutating func addModels(of record: RepeatRecord) {
        if let digest = record.splitSHA256 { params["split_sha256"] = digest }
        var entries: [CanonicalJSON] = []
        for model in record.models where model.hyperparameters != nil || model.parameters != nil {
            var entry: OrderedDictionary<String, CanonicalJSON> = ["model": .string(model.name)]
            if let hyperparameters = model.hyperparameters {
                entry["hyperparameters"] = hyperparameters
                for leaf in hyperparameters.leaves(prefix: "hyperparameters." + model.name) {
                    params[Self.metricName(leaf.path)] = String(leaf.value.trimmed(of: "\"").prefix(Self.maxValueLength))
                }
            }
            if let parameters = model.parameters { entry["parameters"] = .array(parameters.map(CanonicalJSON.number)) }
            entries.append(.object(entry))
        }
        guard !entries.isEmpty else { return }
        var document: OrderedDictionary<String, CanonicalJSON> = [:]
        if let digest = record.splitSHA256 { document["split_sha256"] = .string(digest) }
        document["models"] = .array(entries)
        artifacts.append(
            Artifact(file: "model.json", bytes: Array((CanonicalJSON.object(document).rendered() + "\n").utf8), contentType: "application/json"))
    }
}
