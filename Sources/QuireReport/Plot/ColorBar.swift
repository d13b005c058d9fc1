/// A vertical key from values to colours: the ramp as a gradient (whose stops are the ramp's stops,
/// so it shows exactly the piecewise-linear colours the cells use), ticks and labels to its right,
/// and its title rotated beside them.
struct ColorBar {
    /// The colours from the lower value (bottom) to the upper (top).
    let ramp: [RGB]
    /// The value axis, spanning exactly the coloured range.
    let axis: Axis
    /// What the colours mean, e.g. `decision function`.
    let title: String

    private static let barWidth = 14.0
    /// The fill opacity of the cells the bar explains, repeated on the bar so that both show the same
    /// colours (a heat map under markers is softened to 0.8 so the markers stay legible).
    let opacity: Double

    /// A colour bar from `lower` (first colour) to `upper` (last), which must differ, for cells drawn
    /// with `opacity`.
    init(ramp: [RGB], lower: Double, upper: Double, title: String, opacity: Double = 1) {
        self.ramp = ramp
        self.opacity = opacity
        axis = Axis(tightLower: lower, upper: upper)
        self.title = title
    }

    /// The horizontal space the bar, its labels and its title take.
    var width: Double {
        Self.barWidth + Theme.tickLength + Theme.gap / 2 + axis.widestLabel
            + (title.isEmpty ? 0 : Theme.gap + Theme.labelFontSize * Theme.lineSpacing)
    }

    /// Writes the bar with its left edge at `x`, spanning `top`…`top + height`; `id` names its gradient.
    func write(into svg: inout SVGWriter, x: Double, top: Double, height: Double, id: String) {
        let n = SVGWriter.number
        var axis = axis
        (axis.start, axis.end) = (top + height, top)
        svg.open("g", [("class", "color-bar")])
        svg.open("defs")
        svg.open("linearGradient", [("id", id), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
        for (index, color) in ramp.enumerated() {
            let offset = Double(index) / Double(ramp.count - 1)
            svg.element("stop", [("offset", n(offset)), ("stop-color", color.hex)])
        }
        svg.close()
        svg.close()
        svg.element(
            "rect",
            [
                ("x", n(x)), ("y", n(top)), ("width", n(Self.barWidth)), ("height", n(height)),
                ("fill", "url(#\(id))"), ("fill-opacity", SVGWriter.number(opacity)), ("stroke", Theme.axisColor),
                ("stroke-width", "1"),
            ])
        let right = x + Self.barWidth
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let y = axis.position(tick)
            svg.element(
                "line",
                [
                    ("x1", n(right)), ("y1", n(y)), ("x2", n(right + Theme.tickLength)), ("y2", n(y)),
                    ("stroke", Theme.axisColor), ("stroke-width", "1"),
                ])
            svg.element(
                "text", [("x", n(right + Theme.tickLength + Theme.gap / 2)), ("y", n(y + 0.35 * Theme.fontSize))],
                text: label)
        }
        if !title.isEmpty {
            let titleX = right + Theme.tickLength + Theme.gap / 2 + axis.widestLabel + Theme.gap + Theme.labelFontSize
            let titleY = top + height / 2
            svg.element(
                "text",
                [
                    ("x", n(titleX)), ("y", n(titleY)), ("text-anchor", "middle"),
                    ("font-size", n(Theme.labelFontSize)),
                    ("transform", "rotate(-90 \(n(titleX)) \(n(titleY)))"),
                ], text: title)
        }
        svg.close()
    }
}
