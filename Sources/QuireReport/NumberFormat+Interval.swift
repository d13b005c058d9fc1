extension NumberFormat {
    /// `value ± halfWidth` with both numbers rounded at the same decimal place, e.g. `0.8125 ± 0.0312`.
    ///
    /// The place is that of the last of `precision` significant digits of the larger magnitude, so the
    /// two numbers line up digit for digit. When that magnitude needs scientific notation the exponent
    /// is shared: `(8.125 ± 0.312)e-12`. A number that rounds to zero prints `0`; non-finite inputs print
    /// their tokens. `halfWidth` must not be negative.
    public func interval(_ value: Double, _ halfWidth: Double) -> String {
        if Self.nonFiniteToken(value) != nil || Self.nonFiniteToken(halfWidth) != nil {
            return format(value) + " ± " + format(halfWidth)
        }
        precondition(halfWidth >= 0, "an interval's half-width must not be negative")
        let center = ExactDecimal(value)
        let radius = ExactDecimal(halfWidth)
        let larger = abs(value) >= halfWidth ? center : radius
        if larger.isZero { return "0 ± 0" }
        let lead = larger.rounded(significantDigits: precision).leadingExponent
        let place = lead - (precision - 1)
        func text(_ decimal: ExactDecimal, shift: Int) -> String {
            let digits = decimal.rounded(toPlace: place)
            let sign = decimal.negative && !digits.isEmpty ? "-" : ""
            return sign + Self.plain(digits, place: place - shift)
        }
        if usesScientific(leadingExponent: lead) {
            return "(" + text(center, shift: lead) + " ± " + text(radius, shift: lead) + ")e\(lead)"
        }
        return text(center, shift: 0) + " ± " + text(radius, shift: 0)
    }

    /// A fraction as a percentage to `precision` significant digits: 0.125 → `12.50%`.
    ///
    /// The scaling by 100 is done on the exact decimal value, so it adds no binary rounding.
    public func percent(_ fraction: Double) -> String {
        if let token = Self.nonFiniteToken(fraction) { return token }
        var decimal = ExactDecimal(fraction)
        if !decimal.isZero { decimal.exponent += 2 }
        return significant(decimal, suffix: "%")
    }
}
