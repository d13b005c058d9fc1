/// The layout and axes shared by the figures with an x and a y axis (line plots, bar charts,
/// histograms, scatter plots): it places the plot area, draws grid, ticks, labels, axis titles and
/// legend, and leaves the data to the figure.
///
/// Layout, outside in: margin, visible title, y-axis title and tick labels on the left; tick labels,
/// x-axis title and (if wide) the legend below; a side panel (colour bar) and the legend (if narrow:
/// at most 28 % of the width) on the right. When the requested height leaves the plot less than half
/// of it (or 160 px), as many legend rows or long rotated labels can, the figure grows instead of
/// squeezing the data.
struct CartesianFrame {
    /// What the x axis shows.
    enum XScale {
        /// Numbers along a continuous axis.
        case numeric(Axis)
        /// Named slots of equal width, in the given order.
        case categories([String], monospace: Bool)
    }

    /// The parts of a figure the frame lays out.
    struct Input {
        var name: String
        var title: String
        var description: String
        var size: FigureSize
        var xTitle: String
        var yTitle: String
        var x: XScale
        var y: Axis
        var legend: Legend?
        /// Width reserved right of the plot, before the legend, for a panel such as a colour bar.
        var sidePanelWidth = 0.0
        /// A note centred in the plot area, e.g. that there is no data.
        var note: String?
    }

    private let input: Input
    /// The plot area: left, top, width, height in pixels.
    let plot: (x: Double, y: Double, width: Double, height: Double)
    /// The x axis mapped onto the plot area (numeric x only).
    let xAxis: Axis?
    /// The y axis mapped onto the plot area.
    let yAxis: Axis
    /// The centre of each category slot (categorical x only).
    let categoryCenters: [Double]
    /// The width of one category slot.
    let slotWidth: Double
    /// The left edge of the side panel.
    let sidePanelX: Double
    private let categoryLabels: CategoryLabels?
    private let legendOnRight: Bool
    private let width: Double
    private let height: Double

    private static let minimumPlotHeight = 160.0

    init(_ input: Input) {
        self.input = input
        let width = input.size.width
        var left = Theme.margin + input.y.widestLabel + Theme.tickLength + Theme.gap
        if !input.yTitle.isEmpty { left += Theme.labelFontSize * Theme.lineSpacing + Theme.gap }
        // Room for the half of the last x tick label that reaches past the plot's right edge.
        var lastLabelHalf = 10.0
        if case let .numeric(axis) = input.x, let last = axis.labels.last {
            lastLabelHalf = max(lastLabelHalf, TextMetrics.width(last, fontSize: Theme.fontSize) / 2)
        }
        var right = Theme.margin + lastLabelHalf
        let legendColumn = input.legend?.columnSize
        let onRight = legendColumn.map { $0.width <= 0.28 * width } ?? false
        if let legendColumn, onRight { right = Theme.margin + legendColumn.width + 2 * Theme.gap }
        right += input.sidePanelWidth
        var plotWidth = width - left - right

        var labels: CategoryLabels?
        var xLabelsHeight = Theme.fontSize * Theme.lineSpacing
        if case let .categories(names, monospace) = input.x, !names.isEmpty {
            labels = CategoryLabels(names, slotWidth: plotWidth / Double(names.count), monospace: monospace)
            // Rotated labels reach left of their slot: move the plot right until the first ones fit.
            let overhang = labels!.leftOverhang(slotWidth: plotWidth / Double(names.count))
            if overhang > left - Theme.margin {
                left = Theme.margin + overhang
                plotWidth = width - left - right
                labels = CategoryLabels(names, slotWidth: plotWidth / Double(names.count), monospace: monospace)
            }
            xLabelsHeight = labels!.height
        }
        let top = Theme.margin + FigureDocument.titleHeight(input.title) + Theme.fontSize / 2
        var bottom = Theme.tickLength + Theme.gap / 2 + xLabelsHeight + Theme.margin
        if !input.xTitle.isEmpty { bottom += Theme.gap + Theme.labelFontSize * Theme.lineSpacing }
        if let legend = input.legend, !onRight {
            bottom += 2 * Theme.gap + legend.rowsHeight(width: width - 2 * Theme.margin)
        }
        let available = input.size.height - top - bottom
        let plotHeight = max(available, Self.minimumPlotHeight, input.size.height / 2)

        plot = (left, top, plotWidth, plotHeight)
        self.width = width
        // Whole pixels when the figure had to grow; else exactly the requested height.
        height = plotHeight > available ? (top + plotHeight + bottom).rounded(.up) : input.size.height
        categoryLabels = labels
        legendOnRight = onRight
        sidePanelX = left + plotWidth + Theme.gap
        var y = input.y
        (y.start, y.end) = (top + plotHeight, top)
        yAxis = y
        switch input.x {
        case var .numeric(axis):
            (axis.start, axis.end) = (left, left + plotWidth)
            xAxis = axis
            slotWidth = 0
            categoryCenters = []
        case let .categories(names, _):
            xAxis = nil
            let count = names.count
            slotWidth = count == 0 ? plotWidth : plotWidth / Double(count)
            categoryCenters = (0..<count).map { left + (Double($0) + 0.5) * plotWidth / Double(count) }
        }
    }

    /// The finished SVG: frame, then what `data` writes over the grid, then axes and legend on top.
    func render(_ data: (inout SVGWriter) -> Void) -> String {
        let document = FigureDocument(
            name: input.name, title: input.title, description: input.description,
            width: width, height: height)
        return document.render { svg in
            writeGrid(into: &svg)
            svg.open("g", [("class", "data")])
            data(&svg)
            svg.close()
            writeAxes(into: &svg)
            writeTitles(into: &svg)
            writeLegend(into: &svg)
            if let note = input.note {
                let n = SVGWriter.number
                svg.element(
                    "text",
                    [
                        ("class", "note"), ("x", n(plot.x + plot.width / 2)), ("y", n(plot.y + plot.height / 2)),
                        ("text-anchor", "middle"), ("font-size", n(Theme.labelFontSize)), ("fill", "#666666"),
                    ], text: note)
            }
        }
    }

    private func writeGrid(into svg: inout SVGWriter) {
        let xMinor = xAxis?.minorTicks ?? []
        if !yAxis.minorTicks.isEmpty || !xMinor.isEmpty {
            svg.open("g", [("class", "minor-grid"), ("stroke", Theme.minorGridColor), ("stroke-width", "1")])
            writeGridLines(horizontal: yAxis.minorTicks, vertical: xMinor, into: &svg)
            svg.close()
        }
        svg.open("g", [("class", "grid"), ("stroke", Theme.gridColor), ("stroke-width", "1")])
        writeGridLines(horizontal: yAxis.ticks, vertical: xAxis?.ticks ?? [], into: &svg)
        svg.close()
    }

    /// Lines across the plot area at y values `horizontal` and x values `vertical`.
    private func writeGridLines(horizontal: [Double], vertical: [Double], into svg: inout SVGWriter) {
        let n = SVGWriter.number
        for tick in horizontal {
            let y = yAxis.position(tick)
            svg.element("line", [("x1", n(plot.x)), ("y1", n(y)), ("x2", n(plot.x + plot.width)), ("y2", n(y))])
        }
        for tick in vertical {
            let x = xAxis!.position(tick)
            svg.element("line", [("x1", n(x)), ("y1", n(plot.y)), ("x2", n(x)), ("y2", n(plot.y + plot.height))])
        }
    }

    private func writeAxes(into svg: inout SVGWriter) {
        let n = SVGWriter.number
        let (left, bottom) = (plot.x, plot.y + plot.height)
        svg.open("g", [("class", "axes"), ("stroke", Theme.axisColor), ("stroke-width", "1")])
        svg.element("line", [("x1", n(left)), ("y1", n(plot.y)), ("x2", n(left)), ("y2", n(bottom))])
        svg.element("line", [("x1", n(left)), ("y1", n(bottom)), ("x2", n(plot.x + plot.width)), ("y2", n(bottom))])
        for tick in yAxis.ticks {
            let y = yAxis.position(tick)
            svg.element("line", [("x1", n(left - Theme.tickLength)), ("y1", n(y)), ("x2", n(left)), ("y2", n(y))])
        }
        let xTicks = xAxis.map { axis in axis.ticks.map(axis.position) } ?? categoryCenters
        for x in xTicks {
            svg.element("line", [("x1", n(x)), ("y1", n(bottom)), ("x2", n(x)), ("y2", n(bottom + Theme.tickLength))])
        }
        svg.close()

        svg.open("g", [("class", "tick-labels")])
        for (tick, label) in zip(yAxis.ticks, yAxis.labels) {
            svg.element(
                "text",
                [
                    ("x", n(left - Theme.tickLength - Theme.gap / 2)),
                    ("y", n(yAxis.position(tick) + 0.35 * Theme.fontSize)), ("text-anchor", "end"),
                ], text: label)
        }
        for (tick, label) in zip(xAxis?.ticks ?? [], xAxis?.labels ?? []) {
            svg.element(
                "text",
                [
                    ("x", n(xAxis!.position(tick))),
                    ("y", n(bottom + Theme.tickLength + Theme.gap / 2 + 0.8 * Theme.fontSize)),
                    ("text-anchor", "middle"),
                ], text: label)
        }
        svg.close()
        categoryLabels?.write(into: &svg, centers: categoryCenters, top: bottom + Theme.tickLength + Theme.gap / 2)
    }

    /// The bottom of the x tick labels.
    private var labelsBottom: Double {
        plot.y + plot.height + Theme.tickLength + Theme.gap / 2
            + (categoryLabels?.height ?? Theme.fontSize * Theme.lineSpacing)
    }

    private func writeTitles(into svg: inout SVGWriter) {
        let n = SVGWriter.number
        let size: SVGWriter.Attribute = ("font-size", n(Theme.labelFontSize))
        if !input.xTitle.isEmpty {
            svg.element(
                "text",
                [
                    ("class", "axis-title"), ("x", n(plot.x + plot.width / 2)),
                    ("y", n(labelsBottom + Theme.gap + Theme.labelFontSize)), ("text-anchor", "middle"), size,
                ], text: input.xTitle)
        }
        if !input.yTitle.isEmpty {
            // Rotated, the glyphs rise leftwards from the baseline: put it a gap left of the tick labels.
            let tickLabelsLeft = plot.x - Theme.tickLength - Theme.gap / 2 - yAxis.widestLabel
            let (x, y) = (tickLabelsLeft - Theme.gap - 0.25 * Theme.labelFontSize, plot.y + plot.height / 2)
            svg.element(
                "text",
                [
                    ("class", "axis-title"), ("x", n(x)), ("y", n(y)), ("text-anchor", "middle"),
                    ("transform", "rotate(-90 \(n(x)) \(n(y)))"), size,
                ], text: input.yTitle)
        }
    }

    private func writeLegend(into svg: inout SVGWriter) {
        guard let legend = input.legend else { return }
        if legendOnRight {
            let x = plot.x + plot.width + input.sidePanelWidth + 2 * Theme.gap
            legend.writeColumn(into: &svg, x: x, y: plot.y)
        } else {
            var y = labelsBottom + 2 * Theme.gap
            if !input.xTitle.isEmpty { y += Theme.gap + Theme.labelFontSize * Theme.lineSpacing }
            legend.writeRows(into: &svg, centerX: width / 2, y: y, width: width - 2 * Theme.margin)
        }
    }
}
