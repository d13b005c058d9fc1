import QuireCore
import QuireLearning
import QuireReport

extension ExperimentReport {
    /// The SVG figures the block's `report:` asks for, with their captions: test and train accuracy
    /// per model (`metrics`), a confusion matrix per model (`confusion-matrix`), accuracy along a
    /// single numeric sweep axis (`sweep`).
    func figures(id: String) throws -> [(figure: Figure, caption: String)] {
        let spec = points[0].spec
        var figures: [(figure: Figure, caption: String)] = []
        do {
            if axes.isEmpty, spec.report.contains("metrics") {
                figures.append((Figure(fileName: "\(id)-accuracy.svg", svg: try accuracyChart(id).svg()),
                                spec.repeats > 1 ? "Accuracy of every model, mean and 95% confidence interval over \(spec.repeats) repeats"
                                                 : "Accuracy of every model"))
            }
            if axes.isEmpty, spec.report.contains("loss-curve"), let plot = lossPlot(id) {
                figures.append((Figure(fileName: "\(id)-loss.svg", svg: try plot.svg()),
                                spec.repeats > 1 ? "Training loss of the quantum model per epoch, mean and 95% confidence band over \(spec.repeats) repeats"
                                                 : "Training loss of the quantum model per epoch"))
            }
            if axes.isEmpty, spec.report.contains("confusion-matrix") {
                for model in outcomes[0].models {
                    guard let confusion = model.runs.first?.confusion else { continue }
                    let chart = QuireReport.ConfusionMatrix(name: "\(id)-confusion-\(model.name)", classes: (0..<confusion.classCount).map { "class \($0)" },
                                                            counts: confusion.counts)
                    figures.append((Figure(fileName: "\(id)-confusion-\(model.name).svg", svg: try chart.svg()),
                                    "Confusion matrix of \(model.name) on the test set"))
                }
            }
            if axes.count == 1, spec.report.contains("sweep"), let plot = sweepPlot(id) {
                figures.append((Figure(fileName: "\(id)-sweep.svg", svg: try plot.svg()), "Test accuracy along `\(axes[0])`"))
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
            let intervals = summaries.allSatisfy { $0.interval != nil }
                ? Intervals(lower: summaries.map { $0.interval!.lowerBound }, upper: summaries.map { $0.interval!.upperBound }) : nil
            return .init(label, values: summaries.map(\.mean), errors: intervals)
        }
        return BarChart(name: "\(id)-accuracy", categories: models.map(\.name),
                        series: [series("test", \.testAccuracy), series("train", \.trainAccuracy)], yAxis: PlotAxis("accuracy"))
    }

    private func lossPlot(_ id: String) -> LinePlot? {
        let curves = outcomes[0].lossCurves
        guard let epochs = curves.first?.count, epochs > 0 else { return nil }
        let summaries = (0..<epochs).map { epoch in Summary(curves.map { $0[epoch] }) }
        let band = summaries.allSatisfy { $0.interval != nil }
            ? Intervals(lower: summaries.map { $0.interval!.lowerBound }, upper: summaries.map { $0.interval!.upperBound }) : nil
        let loss = points[0].spec.train.loss
        return LinePlot(name: "\(id)-loss", xAxis: PlotAxis("epoch"), yAxis: PlotAxis("\(loss) loss on the training set"),
                        series: [.init(outcomes[0].models[0].name, x: (1...epochs).map(Double.init), y: summaries.map(\.mean), band: band, markers: epochs <= 40)])
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
        let models = outcomes[0].models.indices
        let series = models.map { index -> LinePlot.Series in
            let summaries = outcomes.map { Summary($0.models[index].runs.map(\.testAccuracy)) }
            let band = summaries.allSatisfy { $0.interval != nil }
                ? Intervals(lower: summaries.map { $0.interval!.lowerBound }, upper: summaries.map { $0.interval!.upperBound }) : nil
            return .init(outcomes[0].models[index].name, x: xs, y: summaries.map(\.mean), band: band, markers: true)
        }
        return LinePlot(name: "\(id)-sweep", xAxis: PlotAxis(axes[0]), yAxis: PlotAxis("test accuracy"), series: series)
    }
}
