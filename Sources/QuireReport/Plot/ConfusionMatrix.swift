/// An n × n table of classification outcomes: row = true class, column = predicted class, each cell
/// showing its count and its share of the row, shaded by that share (off-white 0 to dark blue 1,
/// with a colour bar), so that rows of different sizes compare at a glance.
///
/// The figure sizes itself to the number of classes: cells of 90 px down to 28 px (the row share is
/// printed only in cells of at least 48 px). No classes gives an empty figure with "no data".
///
///     ConfusionMatrix(name: "iris-confusion", title: "Test set",
///                     classes: ["setosa", "versicolor", "virginica"],
///                     counts: [[10, 0, 0], [0, 9, 1], [0, 2, 8]])
public struct ConfusionMatrix: Hashable, Sendable {
    /// The figure's name: ids in the SVG derive from it.
    public var name: String
    /// The visible title and accessible name; empty for no visible title.
    public var title: String
    /// The accessible description; nil for one generated from the data.
    public var description: String?
    /// Class names, in the order of rows and columns.
    public var classes: [String]
    /// `counts[true][predicted]`: how many samples of class `true` were predicted as `predicted`.
    public var counts: [[Int]]

    /// A confusion matrix; `counts` must be `classes.count` rows of `classes.count` non-negative counts.
    public init(name: String, title: String = "", classes: [String], counts: [[Int]], description: String? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.classes = classes
        self.counts = counts
    }

    /// The figure as a standalone SVG 1.1 document, the same bytes for the same matrix.
    ///
    /// - Throws: `PlotError` when `counts` is not n × n for n classes or holds a negative count.
    public func svg() throws(PlotError) -> String {
        try validate()
        let count = classes.count
        let cell = count == 0 ? 90 : min(90, max(28, 480 / Double(count)))
        let side = max(Double(count) * cell, 160)
        let labelWidth = classes.map { TextMetrics.width($0, fontSize: Theme.fontSize) }.max() ?? 0
        let left = Theme.margin + Theme.labelFontSize * Theme.lineSpacing + Theme.gap + labelWidth + Theme.gap
        let top = Theme.margin + FigureDocument.titleHeight(title) + Theme.gap
        let columnLabels = CategoryLabels(classes, slotWidth: cell, monospace: false)
        let bar = ColorBar(ramp: Palette.sequential, lower: 0, upper: 1, title: "share of true class")
        let width = left + side + 3 * Theme.gap + bar.width + Theme.margin
        let labelsTop = top + side + Theme.gap / 2
        let xTitleBaseline = labelsTop + columnLabels.height + Theme.gap + Theme.labelFontSize
        let height = xTitleBaseline + Theme.labelFontSize * 0.35 + Theme.margin
        let document = FigureDocument(
            name: name, title: title, description: description ?? summary,
            width: width.rounded(.up), height: height.rounded(.up))
        return document.render { svg in
            let n = SVGWriter.number
            let centers = (0..<count).map { left + (Double($0) + 0.5) * cell }
            writeCells(into: &svg, left: left, top: top, cell: cell)
            svg.open("g", [("class", "row-labels")])
            for (row, name) in classes.enumerated() {
                svg.element(
                    "text",
                    [
                        ("x", n(left - Theme.gap)), ("y", n(top + (Double(row) + 0.5) * cell + 0.35 * Theme.fontSize)),
                        ("text-anchor", "end"),
                    ], text: name)
            }
            svg.close()
            columnLabels.write(into: &svg, centers: centers, top: labelsTop)
            let axisTitle: SVGWriter.Attribute = ("font-size", n(Theme.labelFontSize))
            svg.element(
                "text",
                [
                    ("class", "axis-title"), ("x", n(left + side / 2)), ("y", n(xTitleBaseline)),
                    ("text-anchor", "middle"), axisTitle,
                ], text: "predicted class")
            let (titleX, titleY) = (Theme.margin + Theme.labelFontSize, top + side / 2)
            svg.element(
                "text",
                [
                    ("class", "axis-title"), ("x", n(titleX)), ("y", n(titleY)), ("text-anchor", "middle"),
                    ("transform", "rotate(-90 \(n(titleX)) \(n(titleY)))"), axisTitle,
                ], text: "true class")
            bar.write(
                into: &svg, x: left + side + 3 * Theme.gap, top: top, height: side,
                id: FigureDocument.idPrefix(name) + "-color-bar")
            if count == 0 {
                svg.element(
                    "text",
                    [
                        ("class", "note"), ("x", n(left + side / 2)), ("y", n(top + side / 2)),
                        ("text-anchor", "middle"), ("font-size", n(Theme.labelFontSize)), ("fill", "#666666"),
                    ],
                    text: "no data")
            }
        }
    }

    private func writeCells(into svg: inout SVGWriter, left: Double, top: Double, cell: Double) {
        let n = SVGWriter.number
        let percent = NumberFormat(precision: 3)
        svg.open("g", [("class", "cells")])
        for (row, values) in counts.enumerated() {
            let total = values.reduce(0, +)
            for (column, value) in values.enumerated() {
                let share = total == 0 ? 0 : Double(value) / Double(total)
                let color = Palette.interpolate(Palette.sequential, at: share)
                let (x, y) = (left + Double(column) * cell, top + Double(row) * cell)
                svg.element(
                    "rect",
                    [
                        ("class", "cell"), ("x", n(x)), ("y", n(y)), ("width", n(cell)), ("height", n(cell)),
                        ("fill", color.hex), ("stroke", Theme.background), ("stroke-width", "1"),
                    ])
                let ink = color.prefersDarkText ? Theme.textColor : "#FFFFFF"
                let showShare = cell >= 48
                let countY = y + cell / 2 + (showShare ? -2 : 0.35 * Theme.fontSize)
                svg.element(
                    "text",
                    [
                        ("class", "count"), ("x", n(x + cell / 2)), ("y", n(countY)), ("text-anchor", "middle"),
                        ("fill", ink), ("font-weight", "600"),
                    ], text: String(value))
                if showShare {
                    svg.element(
                        "text",
                        [
                            ("x", n(x + cell / 2)), ("y", n(y + cell / 2 + 13)), ("text-anchor", "middle"),
                            ("fill", ink), ("font-size", "11"),
                        ], text: percent.percent(share))
                }
            }
        }
        svg.close()
    }

    /// "Confusion matrix of 3 classes (setosa, versicolor, virginica), rows true and columns predicted
    /// class: 27 of 30 samples (90.0%) on the diagonal."
    private var summary: String {
        let total = counts.joined().reduce(0, +)
        let correct = counts.indices.reduce(0) { $0 + counts[$1][$1] }
        let share = total == 0 ? "" : " (\(NumberFormat(precision: 3).percent(Double(correct) / Double(total))))"
        return "Confusion matrix of \(classes.count) classes (\(classes.joined(separator: ", "))), rows true and "
            + "columns predicted class: \(correct) of \(total) samples\(share) on the diagonal."
    }

    private func validate() throws(PlotError) {
        let check = PlotValidator(figure: name)
        try check.count(counts, classes.count, "counts")
        for (row, values) in counts.enumerated() {
            try check.count(values, classes.count, "counts[\(row)]")
            if let column = values.firstIndex(where: { $0 < 0 }) {
                throw .negativeCount(figure: name, item: "counts[\(row)][\(column)]")
            }
        }
    }
}
