import QuireCore
import QuireLearning
import QuireReport

extension ExperimentReport {
    /// The SVG figures the block's `report:` asks for, with their captions: test and train accuracy
    /// per model (`metrics`), a confusion matrix per model (`confusion-matrix`), accuracy along a
    /// single sweep axis (`sweep`: a line over numeric values, grouped bars over named ones).
    func figures(id: String) throws -> [(figure: Figure, caption: String)] {
        let spec = points[0].spec
        var figures: [(figure: Figure, caption: String)] = []
        do {
            if axes.isEmpty, spec.report.contains("metrics") {
                figures.append(
                    (
                        Figure(fileName: "\(id)-accuracy.svg", svg: try accuracyChart(id).svg()),
                        spec.repeats > 1
                            ? "Accuracy of every model, mean and 95% confidence interval over \(spec.repeats) repeats"
                            : "Accuracy of every model"
                    ))
            }
            if axes.isEmpty, spec.report.contains("loss-curve"), let plot = lossPlot(id) {
                figures.append(
                    (
                        Figure(fileName: "\(id)-loss.svg", svg: try plot.svg()),
                        spec.repeats > 1
                            ? "Training loss of the quantum model per epoch, mean and 95% confidence band over \(spec.repeats) repeats"
                            : "Training loss of the quantum model per epoch"
                    ))
            }
            if axes.isEmpty, let boundary = outcomes[0].boundary {
                figures.append(
                    (
                        Figure(fileName: "\(id)-boundary.svg", svg: try boundaryPlot(id, boundary).svg()),
                        "Decision function of \(boundary.model) over the scaled features (repeat 1); filled markers train, open markers test"
                    ))
            }
            if axes.isEmpty, spec.report.contains("confusion-matrix") {
                for model in outcomes[0].models {
                    guard let confusion = model.runs.first?.confusion else { continue }
                    let chart = QuireReport.ConfusionMatrix(
                        name: "\(id)-confusion-\(model.name)", classes: (0..<confusion.classCount).map { "class \($0)" },
                        counts: confusion.counts)
                    figures.append(
                        (
                            Figure(fileName: "\(id)-confusion-\(model.name).svg", svg: try chart.svg()),
                            "Confusion matrix of \(model.name) on the test set"
                        ))
                }
            }
            if axes.count == 1, spec.report.contains("sweep") {
                if let plot = sweepPlot(id) {
                    figures.append((Figure(fileName: "\(id)-sweep.svg", svg: try plot.svg()), "Test accuracy along `\(axes[0])`"))
                } else if points.count >= 2 {
                    figures.append(
                        (
                            Figure(fileName: "\(id)-sweep.svg", svg: try sweepBars(id).svg()),
                            "Test accuracy at each value of `\(axes[0])`"
                                + (spec.repeats > 1 ? ", mean and 95% confidence interval over \(spec.repeats) repeats" : "")
                        ))
                }
            }
        } catch {
            throw LocatedError(nil, "cannot draw the figures of '\(id)': \(error)")
        }
        return figures
    }

    private func accuracyChart(_ id: String) -> BarChart {
        let models = outcomes[0].models
        func series(_ label: String, _ value: (ExperimentRunner.Measurement) -> Double) -> BarChart.Series {
            let summaries = models.map { Summary($0.runs.map(value)) }
            let intervals = Self.intervals(summaries)
            return .init(label, values: summaries.map(\.mean), errors: intervals)
        }
        return BarChart(
            name: "\(id)-accuracy", categories: models.map(\.name),
            series: [series("test", \.testAccuracy), series("train", \.trainAccuracy)], yAxis: PlotAxis("accuracy"))
    }

    private func boundaryPlot(_ id: String, _ boundary: ExperimentRunner.DecisionBoundary) -> ScatterPlot {
        func points(_ data: Dataset, _ split: ScatterPlot.Split) -> [ScatterPlot.Point] {
            (0..<data.sampleCount).map { .init(x: data.features[$0, 0], y: data.features[$0, 1], classIndex: data.labels[$0], split: split) }
        }
        let names = boundary.train.featureNames ?? ["feature 1", "feature 2"]
        return ScatterPlot(
            name: "\(id)-boundary", classes: (0..<boundary.train.classCount).map { "class \($0)" },
            points: points(boundary.train, .train) + points(boundary.test, .test),
            heatMap: .init(xRange: boundary.xRange, yRange: boundary.yRange, values: boundary.values, title: boundary.title),
            xAxis: PlotAxis(names[0] + " (scaled)"), yAxis: PlotAxis(names[1] + " (scaled)"))
    }

    /// The 95% intervals of `summaries` as error bars or a band; nil unless every one has an
    /// interval (a single repeat has none).
    private static func intervals(_ summaries: [Summary]) -> Intervals? {
        let ranges = summaries.compactMap(\.interval)
        guard ranges.count == summaries.count else { return nil }
        return Intervals(lower: ranges.map(\.lowerBound), upper: ranges.map(\.upperBound))
    }

    private func lossPlot(_ id: String) -> LinePlot? {
        let curves = outcomes[0].lossCurves
        guard let epochs = curves.first?.count, epochs > 0 else { return nil }
        let summaries = (0..<epochs).map { epoch in Summary(curves.map { $0[epoch] }) }
        let band = Self.intervals(summaries)
        let loss = points[0].spec.train.loss
        return LinePlot(
            name: "\(id)-loss", xAxis: PlotAxis("epoch"), yAxis: PlotAxis("\(loss) loss on the training set"),
            series: [.init(outcomes[0].models[0].name, x: (1...epochs).map(Double.init), y: summaries.map(\.mean), band: band, markers: epochs <= 40)]
        )
    }

    /// Each model's test accuracy over its repeats at every sweep point, in sweep order: what both
    /// forms of the sweep figure draw.
    private var sweepSummaries: [(name: String, summaries: [Summary])] {
        outcomes[0].models.indices.map { index in
            (outcomes[0].models[index].name, outcomes.map { Summary($0.models[index].runs.map(\.testAccuracy)) })
        }
    }

    /// Test accuracy per model at each value of a sweep axis whose values are not all numbers
    /// (encodings, ansätze, noise block ids): one group of bars per value, in sweep order.
    private func sweepBars(_ id: String) -> BarChart {
        let categories = points.map { point -> String in
            guard let value = point.values.first else { return "" }
            if case .string(let text) = value { return text }
            return value.compact()
        }
        let series = sweepSummaries.map { model in
            BarChart.Series(model.name, values: model.summaries.map(\.mean), errors: Self.intervals(model.summaries))
        }
        return BarChart(name: "\(id)-sweep", categories: categories, series: series, xAxis: PlotAxis(axes[0]), yAxis: PlotAxis("test accuracy"))
    }

    private func sweepPlot(_ id: String) -> LinePlot? {
        let xs = points.compactMap { point -> Double? in
            switch point.values.first {
            case .integer(let value)?: Double(value)
            case .number(let value)?: value
            default: nil
            }
        }
        guard xs.count == points.count, xs.count >= 2 else { return nil }
        let series = sweepSummaries.map { model in
            LinePlot.Series(model.name, x: xs, y: model.summaries.map(\.mean), band: Self.intervals(model.summaries), markers: true)
        }
        return LinePlot(name: "\(id)-sweep", xAxis: PlotAxis(axes[0]), yAxis: PlotAxis("test accuracy"), series: series)
    }
}
