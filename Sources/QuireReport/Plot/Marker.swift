/// Point marker shapes, distinct in outline as well as colour so classes stay apart in grey print
/// and for readers who cannot tell the colours apart.
enum MarkerShape: CaseIterable {
    case circle
    case square
    case triangleUp
    case diamond
    case triangleDown

    /// The shape of class or series `index`, cycling after five.
    static func shape(_ index: Int) -> MarkerShape {
        allCases[index % allCases.count]
    }

    /// Writes the marker centred at (`x`, `y`) with about `radius` px of visual extent.
    ///
    /// Shapes are scaled to look equally large as the circle: the square's half side is 0.89 r (equal
    /// area), triangles and the diamond reach a little further because they are thinner.
    func write(
        into svg: inout SVGWriter, x: Double, y: Double, radius r: Double,
        style: [SVGWriter.Attribute]
    ) {
        let n = SVGWriter.number
        // An equilateral triangle around its centroid: top at 1.3 r, base 0.65 r below, half base 1.126 r.
        let (up, down, half, corner) = (1.3 * r, 0.65 * r, 1.126 * r, 1.25 * r)
        let corners: [(Double, Double)]
        switch self {
        case .circle:
            svg.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", n(r))] + style)
            return
        case .square:
            let h = 0.89 * r
            svg.element("rect", [("x", n(x - h)), ("y", n(y - h)), ("width", n(2 * h)), ("height", n(2 * h))] + style)
            return
        case .triangleUp: corners = [(x, y - up), (x + half, y + down), (x - half, y + down)]
        case .triangleDown: corners = [(x, y + up), (x + half, y - down), (x - half, y - down)]
        case .diamond: corners = [(x, y - corner), (x + corner, y), (x, y + corner), (x - corner, y)]
        }
        let d = corners.map { "\(n($0.0)) \(n($0.1))" }
        svg.element("path", [("d", "M" + d.joined(separator: " L") + " Z")] + style)
    }
}
