/// The key to a figure's colours and shapes, always placed outside the plot area so that it never
/// covers data: in a column to the right when it is narrow, else in rows below the x-axis title.
struct Legend {
    /// What an entry's sample looks like.
    enum Swatch {
        /// A line sample, with the series' marker and a band behind it when the series has them.
        case line(RGB, marker: MarkerShape?, band: Bool)
        /// A filled box, as for bars.
        case box(RGB)
        /// A point marker; `filled` false draws the outline only (e.g. test points).
        case marker(MarkerShape, RGB, filled: Bool)
    }

    /// One labelled sample.
    struct Entry {
        var label: String
        var swatch: Swatch
    }

    var entries: [Entry]

    private static let swatchWidth = 24.0
    private static let rowHeight = Theme.fontSize * 1.6

    /// Width of one entry: sample, gap, label.
    private func entryWidth(_ entry: Entry) -> Double {
        Self.swatchWidth + Theme.gap + TextMetrics.width(entry.label, fontSize: Theme.fontSize)
    }

    /// The size of the legend as a column.
    var columnSize: (width: Double, height: Double) {
        (entries.map(entryWidth).max() ?? 0, Double(entries.count) * Self.rowHeight)
    }

    /// The width of all entries side by side in one row.
    private var singleRowWidth: Double {
        entries.map(entryWidth).reduce(0, +) + Double(max(entries.count - 1, 0)) * 2 * Theme.gap
    }

    /// Columns of the grid used when one row is wider than `width`: as many equal columns (each as
    /// wide as the widest entry) as fit.
    private func gridColumns(width: Double) -> Int {
        max(1, Int((width + 2 * Theme.gap) / (columnSize.width + 2 * Theme.gap)))
    }

    /// The height of the legend laid out in rows no wider than `width`.
    func rowsHeight(width: Double) -> Double {
        if singleRowWidth <= width { return Self.rowHeight }
        let columns = gridColumns(width: width)
        return Double((entries.count + columns - 1) / columns) * Self.rowHeight
    }

    /// Writes the legend as a column whose top-left corner is (`x`, `y`).
    func writeColumn(into svg: inout SVGWriter, x: Double, y: Double) {
        svg.open("g", [("class", "legend")])
        for (index, entry) in entries.enumerated() {
            write(entry, into: &svg, x: x, y: y + Double(index) * Self.rowHeight)
        }
        svg.close()
    }

    /// Writes the legend below a plot, centred on `centerX` from `y` down: in one row when it fits
    /// in `width`, else in a grid of equal columns so that the entries line up.
    func writeRows(into svg: inout SVGWriter, centerX: Double, y: Double, width: Double) {
        svg.open("g", [("class", "legend")])
        if singleRowWidth <= width {
            var x = centerX - singleRowWidth / 2
            for entry in entries {
                write(entry, into: &svg, x: x, y: y)
                x += entryWidth(entry) + 2 * Theme.gap
            }
        } else {
            let columns = gridColumns(width: width)
            let step = columnSize.width + 2 * Theme.gap
            let left = centerX - (Double(columns) * step - 2 * Theme.gap) / 2
            for (index, entry) in entries.enumerated() {
                let (row, column) = index.quotientAndRemainder(dividingBy: columns)
                write(entry, into: &svg, x: left + Double(column) * step, y: y + Double(row) * Self.rowHeight)
            }
        }
        svg.close()
    }

    /// One entry in a row box whose top-left corner is (`x`, `top`).
    private func write(_ entry: Entry, into svg: inout SVGWriter, x: Double, y top: Double) {
        let n = SVGWriter.number
        let middle = top + Self.rowHeight / 2
        let center = x + Self.swatchWidth / 2
        switch entry.swatch {
        case let .line(color, marker, band):
            if band {
                svg.element(
                    "rect",
                    [
                        ("x", n(x)), ("y", n(middle - 6)), ("width", n(Self.swatchWidth)),
                        ("height", "12"), ("fill", color.hex), ("fill-opacity", "0.2"),
                    ])
            }
            svg.element(
                "line",
                [
                    ("x1", n(x)), ("y1", n(middle)), ("x2", n(x + Self.swatchWidth)),
                    ("y2", n(middle)), ("stroke", color.hex), ("stroke-width", "2"),
                ])
            marker?.write(
                into: &svg, x: center, y: middle, radius: 3.5,
                style: [("fill", color.hex), ("stroke", Theme.background), ("stroke-width", "1")])
        case let .box(color):
            svg.element(
                "rect",
                [
                    ("x", n(center - 7)), ("y", n(middle - 7)), ("width", "14"), ("height", "14"),
                    ("fill", color.hex),
                ])
        case let .marker(shape, color, filled):
            shape.write(into: &svg, x: center, y: middle, radius: 5, style: MarkerStyle.style(color, filled: filled))
        }
        svg.element(
            "text", [("x", n(x + Self.swatchWidth + Theme.gap)), ("y", n(middle + 0.35 * Theme.fontSize))],
            text: entry.label)
    }
}

/// Fill and stroke of scatter markers: filled markers get a white rim so they stand out on any
/// background; open markers are white inside with a thick coloured outline.
enum MarkerStyle {
    static func style(_ color: RGB, filled: Bool) -> [SVGWriter.Attribute] {
        filled
            ? [("fill", color.hex), ("stroke", "#FFFFFF"), ("stroke-width", "1")]
            : [("fill", "#FFFFFF"), ("stroke", color.hex), ("stroke-width", "2")]
    }
}
