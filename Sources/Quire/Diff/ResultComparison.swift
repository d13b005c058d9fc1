import QuireLearning
import QuireReport

/// How two records of an experiment block's results differ, paired by stable keys: sweep points by
/// their swept values, models by their key (`quantum`, `mitigated`, a baseline's name), so a
/// changed setting that a row label shows (`train.epochs`) keeps the rows paired. A change found at
/// several sweep points is one line.
struct ResultComparison {
    /// One line per change: a metric of a model, a model or sweep point only on one side.
    var changes: [String] = []
    /// The keys of models measured on both sides whose every metric is unchanged at every point.
    var unchangedModels: [String] = []

    /// The printed names of the recorded metrics.
    static let metricTitles = ["train_accuracy": "train accuracy", "test_accuracy": "test accuracy", "test_f1": "test macro-F1"]

    /// Compares `old` with `new`, printing numbers with `format`.
    init(old: ExperimentResults, new: ExperimentResults, format: NumberFormat) {
        func key(_ point: ExperimentResults.Point) -> String { CanonicalJSON.object(point.sweep).compact() }
        func label(_ point: ExperimentResults.Point) -> String {
            point.sweep.map { "\($0.key)=\(ExperimentReport.label($0.value))" }.joined(separator: ", ")
        }
        let oldPoints = Dictionary(old.points.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.points.map(key))
        let pairs = new.points.compactMap { point in oldPoints[key(point)].map { (label: label(point), old: $0, new: point) } }
        changes += new.points.filter { oldPoints[key($0)] == nil }.map { "sweep point \(label($0)) added" }
        changes += old.points.filter { !newKeys.contains(key($0)) }.map { "sweep point \(label($0)) removed" }
        var models: [String] = []
        for point in new.points + old.points {
            for entry in point.repeats { for model in entry.models where !models.contains(model.key) { models.append(model.key) } }
        }
        func values(_ point: ExperimentResults.Point, _ model: String, _ metric: String) -> [Double] {
            point.repeats.flatMap { $0.models.filter { $0.key == model } }.compactMap { $0.metrics.first { $0.name == metric }?.value }
        }
        let measured = { (results: ExperimentResults, model: String) in
            results.points.contains { point in point.repeats.contains { $0.models.contains { $0.key == model } } }
        }
        for model in models {
            switch (measured(old, model), measured(new, model)) {
            case (false, _): changes.append("model \(model) added")
            case (_, false): changes.append("model \(model) removed")
            default:
                var changed = false
                for metric in ["train_accuracy", "test_accuracy", "test_f1"] {
                    let moved = pairs.compactMap { pair -> (label: String, old: [Double], new: [Double])? in
                        let before = values(pair.old, model, metric), after = values(pair.new, model, metric)
                        return before.isEmpty || after.isEmpty || before == after ? nil : (pair.label, before, after)
                    }
                    guard !moved.isEmpty else { continue }
                    changed = true
                    changes.append(Self.line("\(Self.metricTitles[metric]!) of \(model)", moved, of: pairs.count, format: format))
                }
                if !changed { unchangedModels.append(model) }
            }
        }
    }

    /// One line for a metric that moved at the points `moved`, of `count` paired points.
    private static func line(_ what: String, _ moved: [(label: String, old: [Double], new: [Double])], of count: Int, format: NumberFormat) -> String
    {
        func mean(_ values: [Double]) -> Double { Summary(values).mean }
        func change(_ entry: (label: String, old: [Double], new: [Double])) -> String {
            "\(format.format(mean(entry.old))) → \(format.format(mean(entry.new)))"
        }
        func signed(_ delta: Double) -> String { (delta >= 0 ? "+" : "−") + DocumentDiff.delta(abs(delta)) }
        let deltas = moved.map { mean($0.new) - mean($0.old) }
        guard moved.count > 1 else {
            let entry = moved[0]
            // Against the run-to-run spread the repeats measured: the larger of the two 95% half-widths.
            let widths = [entry.old, entry.new].compactMap { Summary($0).interval.map { ($0.upperBound - $0.lowerBound) / 2 } }
            let spread = widths.max().map { abs(deltas[0]) <= $0 ? ", within the repeats' 95% interval" : ", beyond the repeats' 95% interval" } ?? ""
            let place = entry.label.isEmpty ? "" : " at \(entry.label)"
            return "\(what)\(place): \(change(entry)) (\(signed(deltas[0]))\(spread))"
        }
        let low = deltas.min()!, high = deltas.max()!
        return "\(what) changed at \(moved.count) of \(count) sweep points: \(change(moved[0])) at \(moved[0].label) … "
            + "\(change(moved[moved.count - 1])) at \(moved[moved.count - 1].label) (\(signed(low)) to \(signed(high)))"
    }
}
