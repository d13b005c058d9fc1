/// Grouped bars: one group per category, one bar per series, each optionally with an error bar —
/// test accuracy of a quantum model against classical baselines, mean ± confidence interval.
///
/// Bars start at zero (the value axis always includes 0, so bar lengths compare honestly; negative
/// values hang below it). A value axis with `bounds` spans exactly them. Long category labels are wrapped at spaces or rotated (see
/// `CategoryLabels`). No categories gives empty axes with the note "no data".
///
///     let chart = BarChart(name: "accuracy", title: "Test accuracy",
///                          categories: ["moons", "circles", "iris (2 classes)"],
///                          series: [.init("VQC", values: vqc, errors: .init(lower: lo, upper: hi)),
///                                   .init("SVM (RBF)", values: svm)],
///                          yAxis: PlotAxis("test accuracy"))
public struct BarChart: CategoricalFigure, Hashable, Sendable {
    /// One bar per category, in one colour.
    public struct Series: Hashable, Sendable {
        /// The legend text.
        public var label: String
        /// The bar heights, one per category.
        public var values: [Double]
        /// Error bars, one interval per category (absolute ends, e.g. a 95 % confidence interval).
        public var errors: Intervals?

        /// A series of bars `values[i]` over category i.
        public init(_ label: String, values: [Double], errors: Intervals? = nil) {
            self.label = label
            self.values = values
            self.errors = errors
        }
    }

    /// The name, titles, categories, axes and size.
    public var layout: CategoricalLayout
    /// The bar series, in the order bars stand within each group.
    public var series: [Series]

    /// A figure of `series` in `layout` (`CategoricalFigure` adds the initialiser by fields).
    public init(layout: CategoricalLayout, series: [Series]) {
        self.layout = layout
        self.series = series
    }

    /// The figure as a standalone SVG 1.1 document, the same bytes for the same chart.
    ///
    /// - Throws: `PlotError` for a NaN or infinite value, a series or error list whose length is not
    ///   the number of categories, or an error bar whose lower end is above its upper end.
    public func svg() throws(PlotError) -> String {
        try validate()
        let values = series.flatMap { $0.values + ($0.errors?.lower ?? []) + ($0.errors?.upper ?? []) }
        let lower = min(values.min() ?? 0, 0)
        let upper = max(values.max() ?? 1, values.isEmpty ? 1 : 0)
        let frame = layout.frame(
            values: Axis(lower: lower, upper: upper), legend: series.count > 1 ? legend : nil, summary: summary)
        return frame.render { svg in write(frame: frame, into: &svg) }
    }

    private func write(frame: CartesianFrame, into svg: inout SVGWriter) {
        guard !series.isEmpty else { return }
        let n = SVGWriter.number
        let barWidth = frame.seriesWidth(count: self.series.count)
        let zero = frame.yAxis.position(0)
        for (seriesIndex, series) in series.enumerated() {
            svg.open("g", [("class", "bars"), ("fill", Palette.color(seriesIndex).hex)])
            for (category, value) in series.values.enumerated() {
                let x = frame.seriesX(category: category, at: Double(seriesIndex), count: self.series.count)
                let top = frame.yAxis.position(value)
                svg.element(
                    "rect",
                    [
                        ("class", "bar"), ("x", n(x + 0.5)), ("y", n(min(top, zero))),
                        ("width", n(max(barWidth - 1, 1))), ("height", n(abs(zero - top))),
                    ])
            }
            svg.close()
        }
        if frame.yAxis.ticks.first! < 0 {
            // Bars hang from zero: draw that line where the frame's bottom edge no longer is.
            svg.element(
                "line",
                [
                    ("class", "zero-line"), ("x1", n(frame.plot.x)), ("y1", n(zero)),
                    ("x2", n(frame.plot.x + frame.plot.width)), ("y2", n(zero)), ("stroke", Theme.axisColor),
                    ("stroke-width", "1"),
                ])
        }
        for (seriesIndex, series) in series.enumerated() {
            guard let errors = series.errors else { continue }
            svg.open("g", [("class", "error-bars"), ("stroke", Theme.textColor), ("stroke-width", "1.5")])
            for category in layout.categories.indices {
                let center = frame.seriesX(category: category, at: Double(seriesIndex) + 0.5, count: self.series.count)
                let (low, high) = (
                    frame.yAxis.position(errors.lower[category]), frame.yAxis.position(errors.upper[category])
                )
                let cap = min(barWidth * 0.4, 12) / 2
                svg.element(
                    "path",
                    [
                        ("class", "error-bar"),
                        ("d", Whisker.path(x: center, low: low, high: high, cap: cap)),
                    ])
            }
            svg.close()
        }
    }

    private var legend: Legend {
        Legend(entries: series.enumerated().map { .init(label: $1.label, swatch: .box(Palette.color($0))) })
    }

    /// "Bar chart of test accuracy for 3 categories (moons, circles, iris) and 2 series (VQC, SVM)."
    private var summary: String {
        "Bar chart of \(layout.yAxis.text) for \(layout.categories.count) categories (\(layout.categories.joined(separator: ", "))) "
            + "and \(series.count) series (\(series.map(\.label).joined(separator: ", ")))."
    }

    private func validate() throws(PlotError) {
        let check = PlotValidator(figure: name)
        for series in series {
            let field = "series \"\(series.label)\""
            try check.finite(series.values, field + " values")
            try check.count(series.values, layout.categories.count, field + " values")
            try check.within(series.values, layout.yAxis.bounds, field + " values")
            try series.errors?.validate(check, count: layout.categories.count, field: field + " errors", bounds: layout.yAxis.bounds)
        }
    }
}
