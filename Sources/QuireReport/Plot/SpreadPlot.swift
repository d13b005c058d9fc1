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
public struct SpreadPlot: Hashable, Sendable {
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

    /// The figure's name: ids in the SVG derive from it.
    public var name: String
    /// The visible title and accessible name; empty for no visible title.
    public var title: String
    /// The accessible description; nil for one generated from the data.
    public var description: String?
    /// The labels along the x axis, in order.
    public var categories: [String]
    /// The series, in the order they stand within each category.
    public var series: [Series]
    /// The title under the category labels (empty for none).
    public var xAxis: PlotAxis
    /// The value axis's title and unit.
    public var yAxis: PlotAxis
    /// Width and height in pixels (the height grows if rotated labels need room).
    public var size: FigureSize

    /// A spread plot; see the type's documentation.
    public init(
        name: String, title: String = "", categories: [String], series: [Series],
        xAxis: PlotAxis = PlotAxis(""), yAxis: PlotAxis, description: String? = nil,
        size: FigureSize = .standard
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.categories = categories
        self.series = series
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.size = size
    }

    /// The figure as a standalone SVG 1.1 document, the same bytes for the same data.
    ///
    /// - Throws: `PlotError` for a NaN or infinite value, a value outside the axis bounds, or a
    ///   series whose number of value lists is not the number of categories.
    public func svg() throws(PlotError) -> String {
        try validate()
        let values = series.flatMap { $0.values.joined() }
        let valueAxis =
            yAxis.bounds.map { Axis(tightLower: $0.lowerBound, upper: $0.upperBound) }
            ?? Axis(lower: values.min() ?? 0, upper: values.max() ?? 1)
        let frame = CartesianFrame(
            .init(
                name: name, title: title, description: description ?? summary, size: size,
                xTitle: xAxis.text, yTitle: yAxis.text,
                x: .categories(categories, monospace: false), y: valueAxis,
                legend: series.isEmpty ? nil : legend, note: categories.isEmpty ? "no data" : nil))
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
        let group = 0.8 * frame.slotWidth
        let width = group / Double(series.count)
        let tick = min(0.8 * width, 48) / 2
        let strip = min(0.6 * width, 36)
        let radius = min(4.0, max(width / 8, 2))
        for (seriesIndex, series) in series.enumerated() {
            let color = Palette.color(seriesIndex).hex
            let shape = MarkerShape.shape(seriesIndex)
            svg.open("g", [("class", "spread")])
            for (category, repeats) in series.values.enumerated() where !repeats.isEmpty {
                let center = frame.categoryCenters[category] - group / 2 + (Double(seriesIndex) + 0.5) * width
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
        "Spread of \(yAxis.text) for \(categories.count) categories (\(categories.joined(separator: ", "))) "
            + "and \(series.count) series (\(series.map(\.label).joined(separator: ", "))): "
            + "one dot per repeat, a dark tick at the mean, a whisker from the lowest to the highest value."
    }

    private func validate() throws(PlotError) {
        let check = PlotValidator(figure: name)
        for series in series {
            let field = "series \"\(series.label)\" values"
            try check.count(series.values, categories.count, field)
            for repeats in series.values {
                try check.finite(repeats, field)
                try check.within(repeats, yAxis.bounds, field)
            }
        }
    }
}
