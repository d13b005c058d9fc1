/// What an axis shows: its title and unit, printed as `title (unit)`.
///
///     PlotAxis("loss")                 // loss
///     PlotAxis("time", unit: "µs")     // time (µs)
///     PlotAxis("accuracy", bounds: 0...1)  // spans exactly 0…1
///     PlotAxis("epoch", integers: true)     // ticks 1, 2, 3, never 1.5
public struct PlotAxis: Hashable, Sendable {
    /// The quantity, e.g. `epoch`, `test accuracy`.
    public var title: String
    /// The unit, if the quantity has one (`µs`, `%`); nil for counts and dimensionless values.
    public var unit: String?
    /// The range the quantity cannot leave (an accuracy's 0…1), or nil. A value axis with bounds
    /// spans exactly them, whatever the data, so accuracy figures compare at a glance and never
    /// show an impossible 1.5; a value or interval end outside them is a `PlotError`.
    public var bounds: ClosedRange<Double>?
    /// Whether the quantity takes whole values only (epochs, layers, qubits): a linear axis then
    /// steps by at least 1, so no tick sits at an impossible 1.5.
    public var integers: Bool

    /// An axis titled `title`, with an optional unit and bounds, `integers` for a whole-valued quantity.
    public init(_ title: String, unit: String? = nil, bounds: ClosedRange<Double>? = nil, integers: Bool = false) {
        self.title = title
        self.unit = unit
        self.bounds = bounds
        self.integers = integers
    }

    /// The text under or beside the axis.
    var text: String {
        guard let unit, !unit.isEmpty else { return title }
        return title.isEmpty ? unit : "\(title) (\(unit))"
    }
}

/// How values map to positions along a numeric axis.
public enum AxisScale: Hashable, Sendable {
    /// Equal differences take equal lengths; ticks by Heckbert's nice numbers.
    case linear
    /// Equal ratios take equal lengths; ticks at powers of ten. Every value must be positive.
    case logarithmic
}

/// A figure's size in CSS pixels, which is also its `viewBox`.
public struct FigureSize: Hashable, Sendable {
    /// Width in pixels.
    public var width: Double
    /// Height in pixels.
    public var height: Double

    /// A size of `width` × `height` pixels (each at least 200, so the axes have room).
    public init(width: Double, height: Double) {
        precondition(width >= 200 && height >= 200, "a figure needs at least 200 × 200 px")
        self.width = width
        self.height = height
    }

    /// 720 × 440: shown at its own scale in GitHub's Markdown column, so 13 px text stays 13 px.
    public static let standard = FigureSize(width: 720, height: 440)
}
