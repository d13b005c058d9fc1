/// Mean, sample standard deviation and a Student-t confidence interval of repeated measurements
/// (e.g. the test accuracy over `repeat: k` seeds).
public struct Summary: Hashable, Sendable {
    /// The number of values.
    public let count: Int
    /// The arithmetic mean.
    public let mean: Double
    /// The sample standard deviation (divisor n − 1); nil for fewer than two values.
    public let standardDeviation: Double?
    /// The confidence level of `interval`, e.g. 0.95.
    public let level: Double
    /// `mean ± t_{(1+level)/2, n−1} · s/√n`; nil for fewer than two values.
    public let interval: ClosedRange<Double>?

    /// Summarises `values` (non-empty) with a two-sided interval at `level` ∈ (0, 1), default 95 %.
    public init(_ values: [Double], level: Double = 0.95) {
        precondition(!values.isEmpty && level > 0 && level < 1, "Summary: no values or a level outside (0, 1)")
        let n = values.count
        count = n
        self.level = level
        mean = values.reduce(0, +) / Double(n)
        guard n >= 2 else {
            standardDeviation = nil
            interval = nil
            return
        }
        let mean = mean
        let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)).squareRoot()
        standardDeviation = deviation
        let halfWidth = StudentT.quantile((1 + level) / 2, degreesOfFreedom: Double(n - 1)) * deviation / Double(n).squareRoot()
        interval = (mean - halfWidth)...(mean + halfWidth)
    }
}
