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
    private static func repeatRuns(of parent: MLflowRunPlan, point: PointRecord, pointIndex: Int?) -> [MLflowRunPlan] {
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
        var sums: OrderedDictionary<String, (total: Double, count: Int)> = [:]
        for (name, value) in repeats.flatMap({ $0.models.flatMap(\.named) }) {
            let sum = sums[name] ?? (0, 0)
            sums[name] = (sum.total + value, sum.count + 1)
        }
        let curve = ExperimentBlock.meanCurve(repeats.compactMap(\.lossCurve))
        return metrics(sums.map { ($0.key, $0.value.total / Double($0.value.count)) }, lossCurve: curve)
    }

    /// One sweep point as recorded.
    private struct PointRecord {
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
    private struct RepeatRecord {
        var number: Int
        var modelSeed: String?
        var models: [ModelRecord] = []
        var lossCurve: [Double]?

        init(_ json: CanonicalJSON, index: Int) {
            number = json["repeat"]?.double.map { Int($0) } ?? index + 1
            modelSeed = json["model_seed"].map { $0.compact() }
            if case .array(let items)? = json["models"] { models = items.map(ModelRecord.init) }
            lossCurve = json["loss_curve"]?.doubles
        }
    }

    /// One model's numbers in one repeat.
    private struct ModelRecord {
        var name: String
        var values: [(column: String, value: Double)] = []

        init(_ json: CanonicalJSON) {
            if case .string(let text)? = json["model"] { name = text } else { name = "model" }
            for (key, column) in [("train_accuracy", "train accuracy"), ("test_accuracy", "test accuracy"), ("test_f1", "test macro-F1")] {
                if let value = json[key]?.double { values.append((column, value)) }
            }
        }

        /// `model / column` names with their values, as the region's tables name them.
        var named: [(name: String, value: Double)] { values.map { ("\(name) / \($0.column)", $0.value) } }
    }
}

extension CanonicalJSON {
    /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
    subscript(key: String) -> CanonicalJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
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
