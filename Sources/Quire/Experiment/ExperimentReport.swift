import QuireLearning
import QuireReport

/// The region of an experiment block: what was run, then the metrics table (one row per model) or,
/// with a sweep, one row per sweep point; numbers at the document's precision, repeats as
/// mean ± half-width of the 95% Student-t interval (as `mean [lower, upper]` where the interval is
/// cut at 0 or 1, which no accuracy or F1 score can pass).
struct ExperimentReport {
    var points: [ExperimentBlock.Point]
    var outcomes: [ExperimentRunner.Outcome]
    var axes: [String]
    var format: NumberFormat

    /// Where every metric the report prints lies: accuracies and F1 scores are fractions.
    static let metricRange = 0.0...1.0

    /// The region's Markdown.
    func markdown() -> String {
        let spec = points[0].spec
        let outcome = outcomes[0]
        var text = summary(spec, outcome) + "\n\n"
        if axes.isEmpty {
            text += metricsTable(outcome)
            if spec.report.contains("confusion-matrix") { text += "\n" + confusionTables(outcome) }
        } else {
            text += sweepTable()
        }
        return text
    }

    private func summary(_ spec: ExperimentSpec, _ outcome: ExperimentRunner.Outcome) -> String {
        let scale: String
        switch spec.dataset.scaling {
        case .none: scale = "unscaled"
        case .standard: scale = "standardised on the training set"
        case .minMax(let lower, let upper): scale = "min-max scaled to [\(format.format(lower)), \(format.format(upper))] on the training set"
        }
        var text =
            "Dataset `\(spec.dataset.name)`: \(outcome.trainSize + outcome.testSize) samples "
            + "(\(outcome.trainSize) train / \(outcome.testSize) test, stratified), \(outcome.featureCount) features, \(scale)."
        if !spec.baselines.isEmpty {
            text += " Baselines tuned by stratified \(ExperimentRunner.baselineFolds)-fold cross-validation on the training set."
        }
        guard spec.repeats > 1 else { return text + " One run." }
        text += " \(spec.repeats) repeats with independent seeds; mean ± 95% confidence interval"
        return text + (printsClippedIntervals ? ", shown as [lower, upper] where it is cut at 0 or 1." : ".")
    }

    /// Whether some printed interval reaches past 0 or 1 and is shown cut.
    private var printsClippedIntervals: Bool {
        let metrics: [KeyPath<ExperimentRunner.Measurement, Double>] =
            axes.isEmpty ? [\.trainAccuracy, \.testAccuracy, \.testF1] : [\.testAccuracy]
        return outcomes.contains { outcome in
            outcome.models.contains { model in
                metrics.contains { metric in
                    Summary(model.runs.map { $0[keyPath: metric] }).interval.map { !Self.metricRange.contains($0) } ?? false
                }
            }
        }
    }

    /// `mean ± half-width` over repeats, `mean [lower, upper]` when the interval is cut at 0 or 1,
    /// or the single value.
    private func cell(_ values: [Double]) -> String {
        let summary = Summary(values)
        guard let interval = summary.interval else { return format.format(summary.mean) }
        let halfWidth = (interval.upperBound - interval.lowerBound) / 2
        if Self.metricRange.contains(interval) { return format.interval(summary.mean, halfWidth) }
        return format.interval(summary.mean, halfWidth: halfWidth, clippedTo: Self.metricRange)
    }

    private func metricsTable(_ outcome: ExperimentRunner.Outcome) -> String {
        let rows = outcome.models.map { model in
            [
                model.name, cell(model.runs.map(\.trainAccuracy)), cell(model.runs.map(\.testAccuracy)),
                cell(model.runs.map(\.testF1)), model.runs.first?.settings ?? "",
            ]
        }
        return MarkdownTable(
            columns: [
                .init("model"), .init("train accuracy", alignment: .right), .init("test accuracy", alignment: .right),
                .init("test macro-F1", alignment: .right), .init(points[0].spec.repeats > 1 ? "settings (repeat 1)" : "settings"),
            ],
            rows: rows
        ).render(lineEnding: "\n")
    }

    private func confusionTables(_ outcome: ExperimentRunner.Outcome) -> String {
        outcome.models.map { model in
            guard let confusion = model.runs.first?.confusion else { return "" }
            let classes = 0..<confusion.classCount
            let names = outcome.classNames
            let rows = classes.map { actual in [names[actual]] + classes.map { format.format(confusion.counts[actual][$0]) } }
            return "Confusion matrix of `\(model.name)` on the test set (repeat 1; rows: actual class, columns: predicted):\n\n"
                + MarkdownTable(columns: [.init("actual class")] + classes.map { .init(names[$0], alignment: .right) }, rows: rows)
                .render(lineEnding: "\n")
        }.joined(separator: "\n")
    }

    private func sweepTable() -> String {
        let columns = sweepColumns
        let rows = zip(points, outcomes).map { point, outcome in
            point.values.map(Self.label)
                + columns.map { column in
                    outcome.models.first { $0.key == column.key }.map { cell($0.runs.map(\.testAccuracy)) } ?? "—"
                }
        }
        return "Test accuracy at each sweep point:\n\n"
            + MarkdownTable(
                columns: axes.map { .init("`\($0)`", alignment: .right) } + columns.map { .init($0.title, alignment: .right) },
                rows: rows
            ).render(lineEnding: "\n")
    }

    /// A swept value as the table and the figures show it: a name as written, a number compactly.
    static func label(_ value: CanonicalJSON) -> String {
        if case .string(let text) = value { return text }
        return value.compact()
    }
}
