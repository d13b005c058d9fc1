/// Every repeat as a dot, per category and series, with the mean as a tick and the min–max range as
/// a whisker: how far test accuracy spreads over seeds at each device and compiler setting, which a
/// bar of the mean alone hides.
///
/// Within a category the series stand side by side (like grouped bars), each in its palette colour
/// and marker shape. Dots are spread sideways by a fixed sequence of the repeat index (never
/// random), so equal values stay visible and the bytes are the same on every run. A series with no
/// values at a category draws nothing there. No categories gives empty axes with the note "no data".
///
///     let plot = SpreadPlot(name: "devices", categories: ["nairobi-2021", "nairobi-2024"],
///                           series: [.init("VQC", values: [[0.9, 0.93, 0.87], [0.93, 0.9, 0.9]])],
///                           yAxis: PlotAxis("test accuracy", bounds: 0...1))
public struct SpreadPlot: CategoricalFigure, Hashable, Sendable {
    /// One model's repeats at every category, in one colour and marker shape.
    public struct Series: Hashable, Sendable {
        /// The legend text.
        public var label: String
        /// The repeats' values, one list per category (empty where the series has no value).
        public var values: [[Double]]

        /// A series with repeats `values[i]` at category i.
        public init(_ label: String, values: [[Double]]) {
            self.label = label
            self.values = values
        }
    }

    /// The name, titles, categories, axes and size.
    public var layout: CategoricalLayout
    /// The series, in the order they stand within each category.
    public var series: [Series]

    /// A figure of `series` in `layout` (`CategoricalFigure` adds the initialiser by fields).
    public init(layout: CategoricalLayout, series: [Series]) {
        self.layout = layout
        self.series = series
    }

    /// The figure as a standalone SVG 1.1 document, the same bytes for the same data.
    ///
    /// - Throws: `PlotError` for a NaN or infinite value, a value outside the axis bounds, or a
    ///   series whose number of value lists is not the number of categories.
    public func svg() throws(PlotError) -> String {
        try validate()
        let values = series.flatMap { $0.values.joined() }
        let frame = layout.frame(
            values: Axis(lower: values.min() ?? 0, upper: values.max() ?? 1), legend: series.isEmpty ? nil : legend, summary: summary)
        return frame.render { svg in write(frame: frame, into: &svg) }
    }

    /// The sideways offset of repeat `index`, as a fraction of the dots' strip in -0.5…0.5: the
    /// golden-ratio sequence, which spreads any number of repeats evenly and needs no random numbers.
    static func jitter(_ index: Int) -> Double {
        let step = 0.618_033_988_749_894_8
        let fraction = (Double(index) * step).truncatingRemainder(dividingBy: 1)
        return fraction - 0.5
    }

    private func write(frame: CartesianFrame, into svg: inout SVGWriter) {
        guard !series.isEmpty else { return }
        let n = SVGWriter.number
        let width = frame.seriesWidth(count: self.series.count)
        let tick = min(0.8 * width, 48) / 2
        let strip = min(0.6 * width, 36)
        let radius = min(4.0, max(width / 8, 2))
        for (seriesIndex, series) in series.enumerated() {
            let color = Palette.color(seriesIndex).hex
            let shape = MarkerShape.shape(seriesIndex)
            svg.open("g", [("class", "spread")])
            for (category, repeats) in series.values.enumerated() where !repeats.isEmpty {
                let center = frame.seriesX(category: category, at: Double(seriesIndex) + 0.5, count: self.series.count)
                let (low, high) = (frame.yAxis.position(repeats.min()!), frame.yAxis.position(repeats.max()!))
                let mean = frame.yAxis.position(repeats.reduce(0, +) / Double(repeats.count))
                let cap = tick / 2
                svg.element(
                    "path",
                    [
                        ("class", "whisker"), ("stroke", color), ("stroke-width", "1.5"), ("fill", "none"),
                        ("d", Whisker.path(x: center, low: low, high: high, cap: cap)),
                    ])
                for (index, value) in repeats.enumerated() {
                    let x = center + (repeats.count > 1 ? Self.jitter(index) * strip : 0)
                    shape.write(
                        into: &svg, x: x, y: frame.yAxis.position(value), radius: radius,
                        style: [("class", "repeat"), ("fill-opacity", "0.8")] + MarkerStyle.style(Palette.color(seriesIndex), filled: true))
                }
                svg.element(
                    "line",
                    [
                        ("class", "mean"), ("x1", n(center - tick)), ("y1", n(mean)), ("x2", n(center + tick)),
                        ("y2", n(mean)), ("stroke", Theme.textColor), ("stroke-width", "2.5"),
                    ])
            }
            svg.close()
        }
    }

    private var legend: Legend {
        Legend(
            entries: series.enumerated().map {
                .init(label: $1.label, swatch: .marker(MarkerShape.shape($0), Palette.color($0), filled: true))
            })
    }

    /// "Spread of test accuracy over repeats for 2 categories (a, b) and 1 series (VQC): …"
    private var summary: String {
        "Spread of \(layout.yAxis.text) for \(layout.categories.count) categories (\(layout.categories.joined(separator: ", "))) "
            + "and \(series.count) series (\(series.map(\.label).joined(separator: ", "))): "
            + "one dot per repeat, a dark tick at the mean, a whisker from the lowest to the highest value."
    }

    private func validate() throws(PlotError) {
        let check = PlotValidator(figure: name)
        for series in series {
            let field = "series \"\(series.label)\" values"
            try check.count(series.values, layout.categories.count, field)
            for repeats in series.values {
                try check.finite(repeats, field)
                try check.within(repeats, layout.yAxis.bounds, field)
            }
        }
    }
}
