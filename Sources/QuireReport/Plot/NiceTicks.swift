/// Tick values for a linear axis by Heckbert's "loose labelling" (P. S. Heckbert, "Nice numbers for
/// graph labels", Graphics Gems, 1990): the step is 1, 2 or 5 × 10^k, and the axis is widened to the
/// nearest multiples of the step outside the data, so that the first and last ticks frame the data.
///
/// Ticks are computed as integers times the step's power of ten (`3 × 2 / 10`, never repeated
/// addition), so `0.6` is the same `Double` as the literal `0.6` and labels print exactly. Decimal
/// exponents come from the exact decimal expansion, not from `log10`, so no platform's math library
/// can change a tick.
struct NiceTicks: Equatable {
    /// The tick values, ascending; the first and last are the axis ends.
    var values: [Double]
    /// The power of ten of the step (`0.2` → -1, `20` → 1), which fixes how many decimals labels need.
    var stepExponent: Int

    /// Ticks for data spanning `lower...upper`, aiming at about `intervals` steps (Heckbert uses the
    /// target count of ticks minus one). Equal ends are first padded by one unit of their leading
    /// digit (5 → 4…6, 0.3 → 0.2…0.4, 0 → -1…1), so a constant series still gets an axis. With
    /// `integers`, the step is at least 1.
    init(lower: Double, upper: Double, intervals: Int = 5, integers: Bool = false) {
        precondition(lower.isFinite && upper.isFinite && lower <= upper && intervals >= 1)
        var low = lower
        var high = upper
        if low == high {
            let unit = low == 0 ? 1 : Self.powerOfTen(ExactDecimal(low).leadingExponent)
            low -= unit
            high += unit
        }
        let range = Self.nice(high - low, rounding: false)
        let nice = Self.nice(range.value / Double(intervals), rounding: true)
        // A whole-valued quantity steps by at least 1.
        let step = integers && nice.value < 1 ? (value: 1.0, mantissa: 1, exponent: 0) : nice
        // A relative slack of 1e-9 keeps binary noise (0.6000000000000001 / 0.2) from adding a step.
        let first = (low / step.value + 1e-9).rounded(.down)
        let last = (high / step.value - 1e-9).rounded(.up)
        stepExponent = step.exponent
        values = stride(from: first, through: last, by: 1).map { multiple in
            let scaled = multiple * Double(step.mantissa)
            return step.exponent >= 0
                ? scaled * Self.powerOfTen(step.exponent) : scaled / Self.powerOfTen(-step.exponent)
        }
    }

    /// Heckbert's `nicenum`: a 1, 2, 5 or 10 × 10^k close to `x` (rounded to the nearest of them,
    /// or else the smallest not below `x`), as `mantissa × 10^exponent` with mantissa 1, 2 or 5.
    static func nice(_ x: Double, rounding: Bool) -> (value: Double, mantissa: Int, exponent: Int) {
        precondition(x > 0 && x.isFinite)
        var exponent = ExactDecimal(x).leadingExponent
        let fraction = x / powerOfTen(exponent)
        let mantissa: Int
        if rounding {
            mantissa = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            // A relative slack of 1e-9, so that a range of 0.4 − 0.19999999999999998 still counts as 0.2.
            let limit = 1 + 1e-9
            mantissa = fraction <= limit ? 1 : fraction <= 2 * limit ? 2 : fraction <= 5 * limit ? 5 : 10
        }
        if mantissa == 10 {
            exponent += 1
            return (powerOfTen(exponent), 1, exponent)
        }
        return (Double(mantissa) * powerOfTen(exponent), mantissa, exponent)
    }

    /// 10^exponent correctly rounded (parsed from its decimal text, which Swift rounds correctly
    /// on every platform).
    static func powerOfTen(_ exponent: Int) -> Double {
        Double("1e\(exponent)")!
    }
}
