/// Lower and upper ends of one interval per data point: a line plot's confidence band, a bar
/// chart's error bars. Ends are absolute values (not offsets), so asymmetric intervals such as
/// Wilson or bootstrap intervals need no conversion.
public struct Intervals: Hashable, Sendable {
    /// Lower ends.
    public var lower: [Double]
    /// Upper ends, each at least its lower end.
    public var upper: [Double]

    /// Intervals from `lower[i]` to `upper[i]`.
    public init(lower: [Double], upper: [Double]) {
        self.lower = lower
        self.upper = upper
    }

    /// Symmetric intervals `center[i] ± halfWidth[i]`, e.g. mean ± 1.96 standard errors.
    public init(center: [Double], halfWidth: [Double]) {
        precondition(center.count == halfWidth.count, "one half-width per centre")
        lower = zip(center, halfWidth).map { $0 - $1 }
        upper = zip(center, halfWidth).map { $0 + $1 }
    }

    /// Checks that the intervals are finite, inside `bounds` (if any), `count` long and ordered.
    func validate(_ check: PlotValidator, count: Int, field: String, bounds: ClosedRange<Double>? = nil) throws(PlotError) {
        try check.finite(lower, field + " lower")
        try check.finite(upper, field + " upper")
        try check.within(lower, bounds, field + " lower")
        try check.within(upper, bounds, field + " upper")
        try check.count(lower, count, field + " lower")
        try check.count(upper, count, field + " upper")
        try check.ordered(lower, upper, field)
    }
}
