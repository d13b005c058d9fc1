/// A numeric axis after layout: its domain, ticks with their labels, and the pixel span it maps to.
///
/// By default the domain is the span of the ticks (loose labelling), so the data never touches the
/// frame unlabelled; a tight axis (heat maps, colour bars) spans exactly the data and keeps the ticks
/// inside it. Linear ticks come from `NiceTicks`; logarithmic ticks sit at powers of ten, every
/// decade while there are at most eight, else every second, third … decade.
struct Axis {
    let scale: AxisScale
    /// The ends of the domain, as the axis maps them: values for linear, decade exponents (log10 of
    /// the values) for logarithmic.
    private let domain: (lower: Double, upper: Double)
    /// The tick values, ascending.
    let ticks: [Double]
    /// One label per tick, formatted alike (same decimals, or all scientific).
    let labels: [String]
    /// Unlabelled grid positions between ticks: 2…9 × 10^k on a log axis with a tick every decade.
    let minorTicks: [Double]
    /// The pixel position of the domain's lower end (left of a horizontal axis, bottom of a vertical).
    var start = 0.0
    /// The pixel position of the domain's upper end.
    var end = 1.0

    /// An axis covering `lower...upper` (equal ends are padded; for `.logarithmic` both must be > 0);
    /// linear ticks step by at least 1 when the quantity takes whole values (`integers`).
    init(lower: Double, upper: Double, scale: AxisScale = .linear, integers: Bool = false) {
        self.scale = scale
        switch scale {
        case .linear:
            let nice = NiceTicks(lower: lower, upper: upper, integers: integers)
            ticks = nice.values
            labels = Self.linearLabels(nice)
            domain = (nice.values.first!, nice.values.last!)
            minorTicks = []
        case .logarithmic:
            let exponents = Self.decades(lower: lower, upper: upper)
            ticks = exponents.map(NiceTicks.powerOfTen)
            labels = Self.decadeLabels(exponents)
            domain = (Double(exponents.first!), Double(exponents.last!))
            let everyDecade = exponents.count > 1 && exponents[1] - exponents[0] == 1
            minorTicks =
                everyDecade
                ? exponents.dropLast().flatMap { exponent in
                    (2...9).map { Double($0) * NiceTicks.powerOfTen(exponent) }
                } : []
        }
    }

    /// A linear axis spanning exactly `lower...upper` (which must differ), with the nice ticks that
    /// fall inside it.
    init(tightLower lower: Double, upper: Double) {
        precondition(lower < upper, "a tight axis needs lower < upper")
        scale = .linear
        let nice = NiceTicks(lower: lower, upper: upper)
        let slack = (upper - lower) * 1e-9
        let inside = nice.values.indices.filter { nice.values[$0] >= lower - slack && nice.values[$0] <= upper + slack }
        ticks = inside.map { nice.values[$0] }
        let allLabels = Self.linearLabels(nice)
        labels = inside.map { allLabels[$0] }
        domain = (lower, upper)
        minorTicks = []
    }

    /// The pixel position of `value`.
    func position(_ value: Double) -> Double {
        start + fraction(value) * (end - start)
    }

    /// Where `value` lies between the domain's ends: 0 at the lower, 1 at the upper.
    func fraction(_ value: Double) -> Double {
        let mapped = scale == .linear ? value : DecimalLog.log10(value)
        return (mapped - domain.lower) / (domain.upper - domain.lower)
    }

    /// The widest label's estimated width at the tick font size.
    var widestLabel: Double {
        labels.map { TextMetrics.width($0, fontSize: Theme.fontSize) }.max() ?? 0
    }

    /// Labels with the decimals the step needs (`0.0, 0.2, …`); scientific (`2e-7`, `1.5e8`) when the
    /// step is below 10^-4 or a tick reaches ten million, where plain digits would get long.
    static func linearLabels(_ ticks: NiceTicks) -> [String] {
        let largest = ticks.values.map(abs).max() ?? 0
        if ticks.stepExponent >= -4 && largest < 1e7 {
            return ticks.values.map { NumberFormat.fixed($0, decimals: max(0, -ticks.stepExponent)) }
        }
        return ticks.values.map { NumberFormat.scientific($0, place: ticks.stepExponent) }
    }

    /// Decade exponents from the one at or below `lower` to the one at or above `upper`, at least
    /// one decade apart, thinned to at most nine ticks (the domain is widened to a whole stride).
    static func decades(lower: Double, upper: Double) -> [Int] {
        let low = floorExponent(lower)
        var high = floorExponent(upper)
        if NiceTicks.powerOfTen(high) != upper { high += 1 }
        if high == low { high += 1 }
        let stride = (high - low + 7) / 8
        high = low + stride * ((high - low + stride - 1) / stride)
        return Array(Swift.stride(from: low, through: high, by: stride))
    }

    /// The largest k with 10^k (as the `Double` nearest to it) at most `x`: the double `1e-12` lies
    /// just below 10^-12, yet counts as that decade.
    private static func floorExponent(_ x: Double) -> Int {
        let lead = ExactDecimal(x).leadingExponent
        return NiceTicks.powerOfTen(lead + 1) <= x ? lead + 1 : lead
    }

    /// `0.01 … 1000` in plain digits when every decade lies in 10^-3…10^5, else `10⁻⁷` with
    /// superscript exponents.
    static func decadeLabels(_ exponents: [Int]) -> [String] {
        if exponents.allSatisfy({ (-3...5).contains($0) }) {
            return exponents.map { NumberFormat.fixed(NiceTicks.powerOfTen($0), decimals: max(0, -$0)) }
        }
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return exponents.map { exponent in
            let digits = String(abs(exponent)).map { superscripts[Int(String($0))!] }
            return "10" + (exponent < 0 ? "⁻" : "") + String(digits)
        }
    }
}
