import QuireLearning
import QuireReport

/// The region of an experiment block: what was run, then the metrics table (one row per model) or,
/// with a sweep, one row per sweep point; numbers at the document's precision, repeats as
/// mean ± half-width of the 95% Student-t interval.
struct ExperimentReport {
    var points: [ExperimentBlock.Point]
    var outcomes: [ExperimentRunner.Outcome]
    var axes: [String]
    var format: NumberFormat

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
        text += " Baselines tuned by stratified 5-fold cross-validation on the training set."
        text += spec.repeats > 1 ? " \(spec.repeats) repeats with independent seeds; mean ± 95% confidence interval." : " One run."
        return text
    }

    /// `mean ± half-width` over repeats, or the single value.
    private func cell(_ values: [Double]) -> String {
        let summary = Summary(values)
        guard let interval = summary.interval else { return format.format(summary.mean) }
        return format.interval(summary.mean, (interval.upperBound - interval.lowerBound) / 2)
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
                .init("test F1", alignment: .right), .init(points[0].spec.repeats > 1 ? "settings (repeat 1)" : "settings"),
            ],
            rows: rows
        ).render(lineEnding: "\n")
    }

    private func confusionTables(_ outcome: ExperimentRunner.Outcome) -> String {
        outcome.models.map { model in
            guard let confusion = model.runs.first?.confusion else { return "" }
            let classes = 0..<confusion.classCount
            let rows = classes.map { actual in ["actual \(actual)"] + classes.map { format.format(confusion.counts[actual][$0]) } }
            return "Confusion matrix of `\(model.name)` on the test set (repeat 1):\n\n"
                + MarkdownTable(columns: [.init("")] + classes.map { .init("predicted \($0)", alignment: .right) }, rows: rows).render(
                    lineEnding: "\n")
        }.joined(separator: "\n")
    }

    private func sweepTable() -> String {
        let models = outcomes[0].models.map(\.name)
        let rows = zip(points, outcomes).map { point, outcome in
            point.values.map { value in
                if case .string(let text) = value { return text }
                return value.compact()
            } + outcome.models.map { cell($0.runs.map(\.testAccuracy)) }
        }
        return "Test accuracy at each sweep point:\n\n"
            + MarkdownTable(
                columns: axes.map { .init("`\($0)`", alignment: .right) } + models.map { .init($0, alignment: .right) },
                rows: rows
            ).render(lineEnding: "\n")
    }
}
