/// What the figures with one slot per category share (bar charts, spread plots): the name, titles,
/// categories, axes and size, and how series stand side by side within a category's slot.
public struct CategoricalLayout: Hashable, Sendable {
    /// The figure's name: ids in the SVG derive from it.
    public var name: String
    /// The visible title and accessible name; empty for no visible title.
    public var title: String
    /// The accessible description; nil for one generated from the data.
    public var description: String?
    /// The labels along the x axis, in order.
    public var categories: [String]
    /// The title under the category labels (empty for none).
    public var xAxis: PlotAxis
    /// The value axis's title and unit.
    public var yAxis: PlotAxis
    /// Width and height in pixels (the height grows if rotated labels need room).
    public var size: FigureSize
    /// Whether category labels are set in a monospace font (bitstrings).
    var monospaceLabels = false

    /// A layout with these labels, axes and size.
    public init(
        name: String, title: String, categories: [String], xAxis: PlotAxis, yAxis: PlotAxis,
        description: String?, size: FigureSize
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.categories = categories
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.size = size
    }

    /// The frame for data on `values` (the y axis spans `yAxis.bounds` exactly when given), with
    /// `legend` and the note "no data" when there are no categories.
    func frame(values: Axis, legend: Legend?, summary: String) -> CartesianFrame {
        let valueAxis = yAxis.bounds.map { Axis(tightLower: $0.lowerBound, upper: $0.upperBound) } ?? values
        return CartesianFrame(
            .init(
                name: name, title: title, description: description ?? summary, size: size,
                xTitle: xAxis.text, yTitle: yAxis.text,
                x: .categories(categories, monospace: monospaceLabels), y: valueAxis,
                legend: legend, note: categories.isEmpty ? "no data" : nil))
    }
}

/// A figure with one slot per category (`BarChart`, `SpreadPlot`): a layout and its series, made
/// by one initialiser from the layout's fields.
public protocol CategoricalFigure {
    /// One series of the figure.
    associatedtype Series
    /// The name, titles, categories, axes and size.
    var layout: CategoricalLayout { get }
    /// A figure of `series` in `layout`.
    init(layout: CategoricalLayout, series: [Series])
}

extension CategoricalFigure {
    /// The figure's name: ids in the SVG derive from it.
    public var name: String { layout.name }

    /// A figure named `name` of `series` over `categories`; see the type's documentation.
    public init(
        name: String, title: String = "", categories: [String], series: [Series],
        xAxis: PlotAxis = PlotAxis(""), yAxis: PlotAxis, description: String? = nil,
        size: FigureSize = .standard
    ) {
        self.init(
            layout: CategoricalLayout(
                name: name, title: title, categories: categories, xAxis: xAxis, yAxis: yAxis, description: description, size: size),
            series: series)
    }
}

extension CartesianFrame {
    /// The width each of `count` series gets within a category slot: together they fill 80 % of it.
    func seriesWidth(count: Int) -> Double { 0.8 * slotWidth / Double(count) }

    /// The x at `position` series widths from the left of the series group in `category`'s slot
    /// (series k's left edge at k, its centre at k + 0.5).
    func seriesX(category: Int, at position: Double, count: Int) -> Double {
        categoryCenters[category] - 0.8 * slotWidth / 2 + position * seriesWidth(count: count)
    }
}
