/// Labelled points, one marker shape and colour per class, over an optional heat map of a function
/// of (x, y) — typically a classifier's decision function on a grid, with the training and test
/// points on top.
///
/// The heat map uses Tol's diverging BuRd ramp centred on `HeatMap.center` (0 for a decision
/// function: blue below, red above), symmetric so equal distances from the centre get equally strong
/// colours, with a colour bar beside the plot; or, with `.classes` shading, each cell holds a class
/// index and is tinted in that class's marker colour (a multi-class model's decision regions; the
/// legend names the classes, so there is no colour bar). Training points are filled, test points are open
/// (white inside, thick outline). With a heat map the axes span exactly the grid (and any point
/// outside it); without one, they span the points plus 5 % on each side, ticks inside. Nothing to draw gives empty axes
/// with "no data".
///
///     ScatterPlot(name: "moons-boundary", title: "Decision boundary",
///                 classes: ["class 0", "class 1"],
///                 points: train.map { .init(x: $0.x, y: $0.y, classIndex: $0.label) }
///                       + test.map { .init(x: $0.x, y: $0.y, classIndex: $0.label, split: .test) },
///                 heatMap: .init(xRange: (-1.5, 2.5), yRange: (-1, 1.5), values: grid, title: "f(x, y)"),
///                 xAxis: PlotAxis("x₁"), yAxis: PlotAxis("x₂"))
public struct ScatterPlot: Hashable, Sendable {
    /// Which part of the data a point belongs to.
    public enum Split: Hashable, Sendable {
        /// Used for fitting: drawn filled.
        case train
        /// Held out: drawn open.
        case test
    }

    /// One labelled point.
    public struct Point: Hashable, Sendable {
        /// The horizontal coordinate.
        public var x: Double
        /// The vertical coordinate.
        public var y: Double
        /// Index into the figure's `classes`.
        public var classIndex: Int
        /// Training or test point.
        public var split: Split

        /// A point of class `classIndex` at (`x`, `y`), a training point unless told otherwise.
        public init(x: Double, y: Double, classIndex: Int, split: Split = .train) {
            self.x = x
            self.y = y
            self.classIndex = classIndex
            self.split = split
        }
    }

    /// Values of a function on a regular grid of cells covering `xRange` × `yRange`.
    ///
    /// `values[row][column]` is the value in cell (row, column): rows go up from `yRange.lower`,
    /// columns right from `xRange.lower`, each cell `(upper − lower) / count` wide, so evaluate the
    /// function at cell centres. Every row must have the same length.
    public struct HeatMap: Hashable, Sendable {
        /// How cell values become colours.
        public enum Shading: Hashable, Sendable {
            /// A diverging ramp around `center`, with a colour bar.
            case diverging
            /// Each value is an index into the figure's `classes`, drawn in that class's colour.
            case classes
        }

        /// The left and right edges of the grid.
        public var xRange: (lower: Double, upper: Double)
        /// The bottom and top edges of the grid.
        public var yRange: (lower: Double, upper: Double)
        /// Cell values, bottom row first.
        public var values: [[Double]]
        /// The colour bar's title, e.g. `decision function`.
        public var title: String
        /// The value drawn white; colours deepen symmetrically away from it.
        public var center: Double
        /// Diverging values or class indices.
        public var shading: Shading

        /// A heat map; see the type's documentation.
        public init(
            xRange: (lower: Double, upper: Double), yRange: (lower: Double, upper: Double),
            values: [[Double]], title: String, center: Double = 0, shading: Shading = .diverging
        ) {
            self.xRange = xRange
            self.yRange = yRange
            self.values = values
            self.title = title
            self.center = center
            self.shading = shading
        }

        /// Equal grids, extents, titles, centres and shading (tuples are not `Equatable`, so this is spelled out).
        public static func == (a: HeatMap, b: HeatMap) -> Bool {
            a.xRange == b.xRange && a.yRange == b.yRange && a.values == b.values && a.title == b.title
                && a.center == b.center && a.shading == b.shading
        }

        /// Hashes what `==` compares.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(xRange.lower)
            hasher.combine(xRange.upper)
            hasher.combine(yRange.lower)
            hasher.combine(yRange.upper)
            hasher.combine(values)
            hasher.combine(title)
            hasher.combine(center)
            hasher.combine(shading)
        }

        /// Columns per row (0 for an empty grid).
        var columns: Int { values.first?.count ?? 0 }
        /// Whether the grid has no cells.
        var isEmpty: Bool { values.isEmpty || columns == 0 }

        /// The centres of `count` equal cells spanning `range`, where the function should be evaluated:
        /// `values[row][column]` at (`centers(xRange, columns)[column]`, `centers(yRange, rows)[row]`).
        public static func centers(of range: (lower: Double, upper: Double), count: Int) -> [Double] {
            (0..<count).map { range.lower + (range.upper - range.lower) * (Double($0) + 0.5) / Double(count) }
        }
    }

    /// The figure's name: ids in the SVG derive from it.
    public var name: String
    /// The visible title and accessible name; empty for no visible title.
    public var title: String
    /// The accessible description; nil for one generated from the data.
    public var description: String?
    /// Class names; a point's `classIndex` indexes this list.
    public var classes: [String]
    /// The points, drawn in order (later on top).
    public var points: [Point]
    /// The heat map under the points, if any.
    public var heatMap: HeatMap?
    /// The x axis's title and unit.
    public var xAxis: PlotAxis
    /// The y axis's title and unit.
    public var yAxis: PlotAxis
    /// Width and height in pixels.
    public var size: FigureSize

    /// A scatter plot; see the type's documentation.
    public init(
        name: String, title: String = "", classes: [String], points: [Point], heatMap: HeatMap? = nil,
        xAxis: PlotAxis, yAxis: PlotAxis, description: String? = nil,
        size: FigureSize = FigureSize(width: 720, height: 500)
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.classes = classes
        self.points = points
        self.heatMap = heatMap
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.size = size
    }

    /// The figure as a standalone SVG 1.1 document, the same bytes for the same plot.
    ///
    /// - Throws: `PlotError` for a NaN or infinite coordinate or grid value, a class index outside
    ///   `classes`, rows of different lengths, or a grid extent without width.
    public func svg() throws(PlotError) -> String {
        try validate()
        let grid = heatMap.flatMap { $0.isEmpty ? nil : $0 }
        var xs = points.map(\.x)
        var ys = points.map(\.y)
        let x: Axis
        let y: Axis
        if let grid {
            xs += [grid.xRange.lower, grid.xRange.upper]
            ys += [grid.yRange.lower, grid.yRange.upper]
            x = Axis(tightLower: xs.min()!, upper: xs.max()!)
            y = Axis(tightLower: ys.min()!, upper: ys.max()!)
        } else {
            x = Self.paddedAxis(xs)
            y = Self.paddedAxis(ys)
        }
        let colorBar = grid.flatMap { $0.shading == .diverging ? Self.colorBar($0) : nil }
        let frame = CartesianFrame(
            .init(
                name: name, title: title, description: description ?? summary, size: size,
                xTitle: xAxis.text, yTitle: yAxis.text, x: .numeric(x), y: y,
                legend: classes.isEmpty ? nil : legend, sidePanelWidth: colorBar.map { $0.width + 3 * Theme.gap } ?? 0,
                note: points.isEmpty && grid == nil ? "no data" : nil))
        return frame.render { svg in
            if let grid { writeCells(grid, bar: colorBar, frame: frame, into: &svg) }
            if let colorBar {
                colorBar.write(
                    into: &svg, x: frame.sidePanelX + Theme.gap, top: frame.plot.y, height: frame.plot.height,
                    id: FigureDocument.idPrefix(name) + "-color-bar")
            }
            writePoints(frame: frame, into: &svg)
        }
    }

    /// An axis 5 % wider than the points on each side, so no marker sits on the frame; nice loose
    /// ticks when there are no points, or they all coincide.
    private static func paddedAxis(_ values: [Double]) -> Axis {
        guard let low = values.min(), let high = values.max(), low < high else {
            return Axis(lower: values.min() ?? 0, upper: values.max() ?? 1)
        }
        let pad = (high - low) * 0.05
        return Axis(tightLower: low - pad, upper: high + pad)
    }

    /// The colour bar of a heat map: symmetric around its centre (±1 when every value is the centre).
    private static func colorBar(_ grid: HeatMap) -> ColorBar {
        let spread = grid.values.joined().map { abs($0 - grid.center) }.max() ?? 0
        let half = spread > 0 ? spread : 1
        return ColorBar(
            ramp: Palette.diverging, lower: grid.center - half, upper: grid.center + half, title: grid.title,
            opacity: 0.8)
    }

    /// Opacity of class-region cells: light enough that the class markers on them stay distinct.
    private static let classRegionOpacity = 0.3

    /// The cells of `grid`, coloured by `bar` (diverging shading) or by class.
    private func writeCells(_ grid: HeatMap, bar: ColorBar?, frame: CartesianFrame, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        let xAxis = frame.xAxis!
        let (rows, columns) = (grid.values.count, grid.columns)
        func edge(_ range: (lower: Double, upper: Double), _ index: Int, _ count: Int) -> Double {
            range.lower + (range.upper - range.lower) * Double(index) / Double(count)
        }
        let xEdges = (0...columns).map { xAxis.position(edge(grid.xRange, $0, columns)) }
        let yEdges = (0...rows).map { frame.yAxis.position(edge(grid.yRange, $0, rows)) }
        svg.open(
            "g",
            [("class", "heat-map"), ("shape-rendering", "crispEdges"), ("fill-opacity", SVGWriter.number(bar?.opacity ?? Self.classRegionOpacity))])
        for (row, values) in grid.values.enumerated() {
            for (column, value) in values.enumerated() {
                let color = bar.map { Palette.interpolate(Palette.diverging, at: $0.axis.fraction(value)) } ?? Palette.color(Int(value))
                svg.element(
                    "rect",
                    [
                        ("class", "cell"), ("x", n(xEdges[column])), ("y", n(yEdges[row + 1])),
                        ("width", n(xEdges[column + 1] - xEdges[column])), ("height", n(yEdges[row] - yEdges[row + 1])),
                        ("fill", color.hex),
                    ])
            }
        }
        svg.close()
    }

    private func writePoints(frame: CartesianFrame, into svg: inout SVGWriter) {
        guard let xAxis = frame.xAxis else { return }
        svg.open("g", [("class", "points")])
        for point in points {
            var style = MarkerStyle.style(Palette.color(point.classIndex), filled: point.split == .train)
            style.insert(("class", "point"), at: 0)
            MarkerShape.shape(point.classIndex).write(
                into: &svg, x: xAxis.position(point.x), y: frame.yAxis.position(point.y), radius: 5, style: style)
        }
        svg.close()
    }

    private var legend: Legend {
        let splits = Set(points.map(\.split))
        let onlyTest = splits == [.test]
        var entries = classes.enumerated().map { index, name in
            Legend.Entry(label: name, swatch: .marker(.shape(index), Palette.color(index), filled: !onlyTest))
        }
        if splits.count == 2 {
            let grey = RGB(0x666666)
            entries.append(.init(label: "train", swatch: .marker(.circle, grey, filled: true)))
            entries.append(.init(label: "test", swatch: .marker(.circle, grey, filled: false)))
        }
        return Legend(entries: entries)
    }

    /// "Scatter plot of x₂ against x₁: 80 training and 20 test points in 2 classes (class 0, class 1),
    /// over a 40 × 40 heat map of decision function."
    private var summary: String {
        let train = points.filter { $0.split == .train }.count
        var text =
            "Scatter plot of \(yAxis.text) against \(xAxis.text): \(train) training and "
            + "\(points.count - train) test points in \(classes.count) classes (\(classes.joined(separator: ", ")))"
        if let heatMap, !heatMap.isEmpty {
            text += ", over a \(heatMap.columns) × \(heatMap.values.count) heat map of \(heatMap.title)"
        }
        return text + "."
    }

    private func validate() throws(PlotError) {
        let check = PlotValidator(figure: name)
        try check.finite(points.map(\.x), "points x")
        try check.finite(points.map(\.y), "points y")
        if let index = points.firstIndex(where: { !classes.indices.contains($0.classIndex) }) {
            throw .unknownClass(
                figure: name, item: "points[\(index)]", classIndex: points[index].classIndex,
                classCount: classes.count)
        }
        guard let heatMap else { return }
        try check.finite([heatMap.xRange.lower, heatMap.xRange.upper], "heat map xRange")
        try check.finite([heatMap.yRange.lower, heatMap.yRange.upper], "heat map yRange")
        try check.finite([heatMap.center], "heat map center")
        if heatMap.xRange.lower >= heatMap.xRange.upper { throw .emptyRange(figure: name, item: "heat map xRange") }
        if heatMap.yRange.lower >= heatMap.yRange.upper { throw .emptyRange(figure: name, item: "heat map yRange") }
        for (row, values) in heatMap.values.enumerated() {
            try check.count(values, heatMap.columns, "heat map values[\(row)]")
            try check.finite(values, "heat map values[\(row)]")
            if heatMap.shading == .classes, let column = values.firstIndex(where: { $0 != $0.rounded() || $0 < 0 || $0 >= Double(classes.count) }) {
                throw .unknownClass(
                    figure: name, item: "heat map values[\(row)][\(column)]", classIndex: Int(exactly: values[column]) ?? -1,
                    classCount: classes.count)
            }
        }
    }
}
