import QuireCore
import QuireLearning
import QuireReport

extension ExperimentReport {
    /// The SVG figures the block's `report:` asks for, with their captions: test and train accuracy
    /// per model (`metrics`), a confusion matrix per model (`confusion-matrix`), accuracy over the
    /// sweep (`sweep`: a line along one numeric axis; every repeat's spread over devices, compilers,
    /// several axes or named values with repeats; else grouped bars over named values).
    /// File names are slugs (`FigureName`); accuracy axes span exactly 0…1 and intervals are cut there.
    func figures(id: String) throws -> [(figure: Figure, caption: String)] {
        let spec = points[0].spec
        var figures: [(figure: Figure, caption: String)] = []
        func add(_ name: String, _ caption: String, _ svg: () throws -> String) rethrows {
            figures.append((Figure(fileName: name + ".svg", svg: try svg()), caption))
        }
        let overRepeats = spec.repeats > 1 ? ", mean and 95% confidence interval over \(spec.repeats) repeats" : ""
        do {
            if axes.isEmpty, spec.report.contains("metrics") {
                let name = FigureName.name(block: id, "accuracy")
                try add(name, "Accuracy of every model" + overRepeats) { try accuracyChart(name).svg() }
            }
            if axes.isEmpty, spec.report.contains("loss-curve"), let plot = lossPlot(FigureName.name(block: id, "loss")) {
                let band = spec.repeats > 1 ? ", mean and 95% confidence band over \(spec.repeats) repeats" : ""
                try add(plot.name, "Training loss of the quantum model per epoch" + band) { try plot.svg() }
            }
            if axes.isEmpty, let boundary = outcomes[0].boundary {
                let name = FigureName.name(block: id, "boundary")
                let shown = boundary.classes ? "Predicted class" : "Decision function"
                try add(name, "\(shown) of \(boundary.model) over the scaled features (repeat 1); filled markers train, open markers test") {
                    try boundaryPlot(name, boundary).svg()
                }
            }
            if axes.isEmpty, spec.report.contains("confusion-matrix") {
                let models = outcomes[0].models
                for (model, slug) in zip(models, FigureName.unique(models.map(\.name))) {
                    guard let confusion = model.runs.first?.confusion else { continue }
                    let name = FigureName.name(block: id, "confusion", slug)
                    try add(name, "Confusion matrix of \(model.name) on the test set") {
                        try QuireReport.ConfusionMatrix(name: name, classes: outcomes[0].classNames, counts: confusion.counts).svg()
                    }
                }
            }
            if !axes.isEmpty, spec.report.contains("sweep") {
                let name = FigureName.name(block: id, "sweep")
                let swept = axes.map { "`\($0)`" }.joined(separator: " × ")
                if let plot = sweepPlot(name) {
                    try add(name, "Test accuracy along `\(axes[0])`") { try plot.svg() }
                } else if points.count >= 2, showsSpread {
                    let caption =
                        "Test accuracy at each value of \(swept): a dot per repeat, the mean as a dark tick, "
                        + "a whisker from the lowest to the highest"
                    try add(name, caption) { try sweepSpread(name).svg() }
                } else if points.count >= 2 {
                    try add(name, "Test accuracy at each value of `\(axes[0])`" + overRepeats) { try sweepBars(name).svg() }
                }
            }
        } catch {
            throw LocatedError(nil, "cannot draw the figures of '\(id)': \(error)")
        }
        return figures
    }

    /// The value axis of every accuracy figure: exactly 0…1, the range an accuracy can take.
    private static func accuracyAxis(_ title: String) -> PlotAxis {
        PlotAxis(title, bounds: metricRange)
    }

    private func accuracyChart(_ name: String) -> BarChart {
        let models = outcomes[0].models
        func series(_ label: String, _ value: (ExperimentRunner.Measurement) -> Double) -> BarChart.Series {
            let summaries = models.map { Summary($0.runs.map(value)) }
            return .init(label, values: summaries.map(\.mean), errors: Self.intervals(summaries, within: Self.metricRange))
        }
        return BarChart(
            name: name, categories: models.map(\.name),
            series: [series("test", \.testAccuracy), series("train", \.trainAccuracy)], yAxis: Self.accuracyAxis("accuracy"))
    }

    private func boundaryPlot(_ name: String, _ boundary: ExperimentRunner.DecisionBoundary) -> ScatterPlot {
        func points(_ data: Dataset, _ split: ScatterPlot.Split) -> [ScatterPlot.Point] {
            (0..<data.sampleCount).map { .init(x: data.features[$0, 0], y: data.features[$0, 1], classIndex: data.labels[$0], split: split) }
        }
        let names = boundary.train.featureNames ?? ["feature 1", "feature 2"]
        return ScatterPlot(
            name: name, classes: outcomes[0].classNames,
            points: points(boundary.train, .train) + points(boundary.test, .test),
            heatMap: .init(
                xRange: boundary.xRange, yRange: boundary.yRange, values: boundary.values, title: boundary.title,
                shading: boundary.classes ? .classes : .diverging),
            xAxis: PlotAxis(names[0] + " (scaled)"), yAxis: PlotAxis(names[1] + " (scaled)"))
    }

    /// The 95% intervals of `summaries` as error bars or a band, cut to `range` when given (an
    /// accuracy's interval never reaches past 0 or 1); nil unless every one has an interval (a
    /// single repeat has none).
    private static func intervals(_ summaries: [Summary], within range: ClosedRange<Double>? = nil) -> Intervals? {
        let ranges = summaries.compactMap(\.interval).map { $0.clamped(to: range ?? $0) }
        guard ranges.count == summaries.count else { return nil }
        return Intervals(lower: ranges.map(\.lowerBound), upper: ranges.map(\.upperBound))
    }

    private func lossPlot(_ name: String) -> LinePlot? {
        let curves = outcomes[0].lossCurves
        guard let epochs = curves.first?.count, epochs > 0 else { return nil }
        let summaries = (0..<epochs).map { epoch in Summary(curves.map { $0[epoch] }) }
        let band = Self.intervals(summaries)
        let loss = points[0].spec.train.loss
        return LinePlot(
            name: name, xAxis: PlotAxis("epoch", integers: true), yAxis: PlotAxis("\(loss.rawValue) loss on the training set"),
            series: [.init(outcomes[0].models[0].name, x: (1...epochs).map(Double.init), y: summaries.map(\.mean), band: band, markers: epochs <= 40)]
        )
    }

    /// Each sweep column's test accuracy of every repeat at every sweep point that has the model,
    /// by point index, in sweep order: what every form of the sweep figure draws.
    private var sweepRepeats: [(title: String, points: [Int], repeats: [[Double]])] {
        sweepColumns.map { column in
            let present = outcomes.indices.compactMap { index in
                outcomes[index].models.first { $0.key == column.key }.map { (index, $0.runs.map(\.testAccuracy)) }
            }
            return (column.title, present.map(\.0), present.map(\.1))
        }
    }

    /// `sweepRepeats` as mean and interval per point.
    private var sweepSummaries: [(title: String, points: [Int], summaries: [Summary])] {
        sweepRepeats.map { ($0.title, $0.points, $0.repeats.map { Summary($0) }) }
    }

    /// The execution fields that choose the device or the compiler: their values are settings to
    /// compare, not a quantity to draw a line along, even when they are numbers.
    static let compilationAxes: Set<String> = [
        "execution.device", "execution.layout", "execution.optimization", "execution.routing_seed",
    ]

    /// Whether the sweep figure shows every repeat's spread: over devices and compilers, over more
    /// than one axis, or over named values with repeats (bars of the mean would hide the seeds).
    private var showsSpread: Bool {
        axes.contains(where: Self.compilationAxes.contains) || axes.count > 1 || points[0].spec.repeats > 1
    }

    /// A sweep point's name along the x axis: its values joined by " · ", an optimisation level as
    /// `O2` and a routing seed as `seed 1` so bare numbers say what they are.
    private func pointLabel(_ point: ExperimentBlock.Point) -> String {
        zip(axes, point.values).map { axis, value in
            switch axis {
            case "execution.optimization": "O" + Self.label(value)
            case "execution.routing_seed": "seed " + Self.label(value)
            default: Self.label(value)
            }
        }.joined(separator: " · ")
    }

    /// Every repeat's test accuracy per model at each sweep point, with mean and min–max (see
    /// `SpreadPlot`); a model missing at a point draws nothing there.
    private func sweepSpread(_ name: String) -> SpreadPlot {
        let series = sweepRepeats.map { model in
            var values = [[Double]](repeating: [], count: points.count)
            for (point, repeats) in zip(model.points, model.repeats) { values[point] = repeats }
            return SpreadPlot.Series(model.title, values: values)
        }
        return SpreadPlot(
            name: name, categories: points.map(pointLabel), series: series, xAxis: PlotAxis(axes.joined(separator: " · ")),
            yAxis: Self.accuracyAxis("test accuracy"))
    }

    /// Test accuracy per model at each value of a sweep axis whose values are not all numbers
    /// (encodings, ansätze, noise block ids): one group of bars per value, in sweep order, for the
    /// models every point has.
    private func sweepBars(_ name: String) -> BarChart {
        let series = sweepSummaries.filter { $0.points.count == points.count }.map { model in
            BarChart.Series(model.title, values: model.summaries.map(\.mean), errors: Self.intervals(model.summaries, within: Self.metricRange))
        }
        return BarChart(
            name: name, categories: points.map { $0.values.first.map(Self.label) ?? "" }, series: series, xAxis: PlotAxis(axes[0]),
            yAxis: Self.accuracyAxis("test accuracy"))
    }

    private func sweepPlot(_ name: String) -> LinePlot? {
        let xs = points.compactMap { point -> Double? in
            switch point.values.first {
            case .integer(let value)?: Double(value)
            case .number(let value)?: value
            default: nil
            }
        }
        guard axes.count == 1, !Self.compilationAxes.contains(axes[0]), xs.count == points.count, xs.count >= 2 else { return nil }
        let series = sweepSummaries.map { model in
            LinePlot.Series(
                model.title, x: model.points.map { xs[$0] }, y: model.summaries.map(\.mean),
                band: Self.intervals(model.summaries, within: Self.metricRange), markers: true)
        }
        // Whole-valued sweeps (layers, epochs, qubits) tick at whole values only.
        let integers = points.allSatisfy { if case .integer? = $0.values.first { true } else { false } }
        return LinePlot(name: name, xAxis: PlotAxis(axes[0], integers: integers), yAxis: Self.accuracyAxis("test accuracy"), series: series)
    }
}
