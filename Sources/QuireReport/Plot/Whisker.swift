/// The SVG path of a vertical whisker with end caps: a bar chart's error bar, a spread plot's
/// min–max range.
enum Whisker {
    /// A line at `x` from `low` to `high` (pixels) with caps `cap` px either side of each end.
    static func path(x: Double, low: Double, high: Double, cap: Double) -> String {
        let n = SVGWriter.number
        return "M\(n(x)) \(n(low)) L\(n(x)) \(n(high)) "
            + "M\(n(x - cap)) \(n(low)) L\(n(x + cap)) \(n(low)) "
            + "M\(n(x - cap)) \(n(high)) L\(n(x + cap)) \(n(high))"
    }
}
