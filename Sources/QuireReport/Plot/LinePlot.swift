/// Curves of y against x, one per series, each optionally with a shaded band (a confidence interval)
/// and point markers: loss curves over epochs, accuracy over a noise sweep.
///
/// Series get the Okabe–Ito colours in order and, when markers are on, distinct shapes. A linear y
/// axis with `bounds` spans exactly them. Either axis may be logarithmic (ticks at powers of ten,
/// minor grid lines at 2…9 × 10^k). Points are joined in the order given (sort by x first for a
/// function of x). A series with a single point is drawn as a marker. No series, or only empty ones, gives empty axes with the note "no data".
///
///     let plot = LinePlot(name: "moons-loss", title: "Training loss",
///                         xAxis: PlotAxis("epoch"), yAxis: PlotAxis("loss"),
///                         series: [.init("train", x: epochs, y: train),
///                                  .init("test", x: epochs, y: test, band: .init(lower: lo, upper: hi))])
///     let text = try plot.svg()
public struct LinePlot: Hashable, Sendable {
    /// One curve.
    public struct Series: Hashable, Sendable {
        /// The legend text.
        public var label: String
        /// x values, one per point.
        public var x: [Double]
        /// y values, one per point.
        public var y: [Double]
        /// A shaded band from `lower[i]` to `upper[i]` at `x[i]`, e.g. a 95 % confidence interval.
        public var band: Intervals?
        /// Whether each point gets a marker.
        public var markers: Bool

        /// A series of points (`x[i]`, `y[i]`); `x`, `y` and the band must be equally long.
        public init(_ label: String, x: [Double], y: [Double], band: Intervals? = nil, markers: Bool = false) {
            self.label = label
            self.x = x
            self.y = y
            self.band = band
            self.markers = markers
        }
    }

    /// The figure's name: ids in the SVG derive from it (use the block id, e.g. `moons-loss`).
    public var name: String
    /// The visible title and accessible name; empty for no visible title (the caption says it).
    public var title: String
    /// The accessible description; nil for one generated from the data.
    public var description: String?
    /// The x axis's title and unit.
    public var xAxis: PlotAxis
    /// The y axis's title and unit.
    public var yAxis: PlotAxis
    /// Linear or logarithmic y (log needs every y and band end positive).
    public var yScale: AxisScale
    /// Linear or logarithmic x (log needs every x positive), e.g. for a sweep over shots.
    public var xScale: AxisScale
    /// The curves, drawn in order (later ones on top).
    public var series: [Series]
    /// Width and height in pixels.
    public var size: FigureSize

    /// A line plot; see the type's documentation.
    public init(
        name: String, title: String = "", xAxis: PlotAxis, yAxis: PlotAxis, series: [Series],
        yScale: AxisScale = .linear, xScale: AxisScale = .linear, description: String? = nil,
        size: FigureSize = .standard
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.yScale = yScale
        self.xScale = xScale
        self.series = series
        self.size = size
    }

    /// The figure as a standalone SVG 1.1 document, the same bytes for the same plot.
    ///
    /// - Throws: `PlotError` for a NaN or infinite value, lengths that do not pair up, a band whose
    ///   lower end is above its upper end, or a non-positive value on a log axis.
    public func svg() throws(PlotError) -> String {
        try validate()
        let xs = series.flatMap(\.x)
        let ys = series.flatMap { $0.y + ($0.band?.lower ?? []) + ($0.band?.upper ?? []) }
        let empty = xs.isEmpty
        let frame = CartesianFrame(
            .init(
                name: name, title: title, description: description ?? summary, size: size,
                xTitle: xAxis.text, yTitle: yAxis.text, x: .numeric(Self.axis(xs, scale: xScale, integers: xAxis.integers)),
                y: yAxis.bounds.flatMap { bounds in yScale == .linear ? Axis(tightLower: bounds.lowerBound, upper: bounds.upperBound) : nil }
                    ?? Self.axis(ys, scale: yScale, integers: yAxis.integers),
                legend: series.count > 1 ? legend : nil, note: empty ? "no data" : nil))
        return frame.render { svg in
            for (index, series) in series.enumerated() {
                write(series, index: index, frame: frame, into: &svg)
            }
        }
    }

    private func write(_ series: Series, index: Int, frame: CartesianFrame, into svg: inout SVGWriter) {
        guard !series.x.isEmpty, let xAxis = frame.xAxis else { return }
        let color = Palette.color(index).hex
        let x = series.x.map(xAxis.position)
        let y = series.y.map(frame.yAxis.position)
        if let band = series.band {
            let upper = zip(x, band.upper.map(frame.yAxis.position))
            let lower = zip(x, band.lower.map(frame.yAxis.position)).reversed()
            svg.element(
                "path",
                [
                    ("class", "band"), ("d", Self.path(Array(upper) + lower, closed: true)),
                    ("fill", color), ("fill-opacity", "0.2"), ("stroke", "none"),
                ])
        }
        if x.count > 1 {
            svg.element(
                "path",
                [
                    ("class", "series"), ("d", Self.path(Array(zip(x, y)), closed: false)), ("fill", "none"),
                    ("stroke", color), ("stroke-width", "2"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
                ])
        }
        if series.markers || x.count == 1 {
            let shape = MarkerShape.shape(index)
            for (px, py) in zip(x, y) {
                shape.write(
                    into: &svg, x: px, y: py, radius: 3.5,
                    style: [
                        ("class", "point"), ("fill", color), ("stroke", Theme.background), ("stroke-width", "1"),
                    ])
            }
        }
    }

    /// `M x y L x y …` through `points`, closed with `Z` for an area.
    private static func path(_ points: [(Double, Double)], closed: Bool) -> String {
        let n = SVGWriter.number
        let steps = points.map { "\(n($0.0)) \(n($0.1))" }
        return "M" + steps.joined(separator: " L") + (closed ? " Z" : "")
    }

    private var legend: Legend {
        Legend(
            entries: series.enumerated().map { index, series in
                let marker = series.markers || series.x.count == 1 ? MarkerShape.shape(index) : nil
                return .init(
                    label: series.label,
                    swatch: .line(Palette.color(index), marker: marker, band: series.band != nil))
            })
    }

    /// "Line plot of loss against epoch: train (50 points), test (50 points, with band)."
    /// An axis over `values`, or over 0…1 (1…10 on a log scale) when there are none.
    private static func axis(_ values: [Double], scale: AxisScale, integers: Bool) -> Axis {
        let fallback = scale == .linear ? (0.0, 1.0) : (1.0, 10.0)
        return Axis(lower: values.min() ?? fallback.0, upper: values.max() ?? fallback.1, scale: scale, integers: integers)
    }

    private var summary: String {
        let parts = series.map { series in
            "\(series.label) (\(series.x.count) point\(series.x.count == 1 ? "" : "s")"
                + (series.band == nil ? ")" : ", with band)")
        }
        let what = "Line plot of \(yAxis.text) against \(xAxis.text)"
        return parts.isEmpty ? what + ", without data." : what + ": " + parts.joined(separator: ", ") + "."
    }

    private func validate() throws(PlotError) {
        let check = PlotValidator(figure: name)
        for series in series {
            let field = "series \"\(series.label)\""
            try check.finite(series.x, field + " x")
            if xScale == .logarithmic { try check.positive(series.x, field + " x") }
            try check.finite(series.y, field + " y")
            try check.count(series.y, series.x.count, field + " y")
            try check.within(series.y, yAxis.bounds, field + " y")
            if yScale == .logarithmic { try check.positive(series.y, field + " y") }
            guard let band = series.band else { continue }
            try band.validate(check, count: series.x.count, field: field + " band", bounds: yAxis.bounds)
            if yScale == .logarithmic { try check.positive(band.lower, field + " band lower") }
        }
    }
}
