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
        return aligned(value, halfWidth, [value, halfWidth]) { "\($0[0]) ± \($0[1])" } ?? "0 ± 0"
    }

    /// `value [lower, upper]`, the three rounded at the decimal place `interval(value, halfWidth)`
    /// uses (`halfWidth` is the unclipped interval's), e.g. `0.9500 [0.8500, 1.000]`: how an
    /// interval cut at a bound (an accuracy's 1) prints, since it is no longer symmetric.
    public func interval(_ value: Double, halfWidth: Double, clippedTo range: ClosedRange<Double>) -> String {
        if Self.nonFiniteToken(value) != nil || Self.nonFiniteToken(halfWidth) != nil { return interval(value, halfWidth) }
        let lower = max(value - halfWidth, range.lowerBound), upper = min(value + halfWidth, range.upperBound)
        return aligned(value, halfWidth, [value, lower, upper]) { "\($0[0]) [\($0[1]), \($0[2])]" } ?? "0 [0, 0]"
    }

    /// `numbers` rounded at the place of the last of `precision` significant digits of the larger
    /// of `|value|` and `halfWidth`, joined by `layout`; scientific with one shared exponent where
    /// that magnitude needs it (`(8.125 ± 0.312)e-12`). Nil when both are zero.
    private func aligned(_ value: Double, _ halfWidth: Double, _ numbers: [Double], layout: ([String]) -> String) -> String? {
        let larger = abs(value) >= halfWidth ? ExactDecimal(value) : ExactDecimal(halfWidth)
        if larger.isZero { return nil }
        let lead = larger.rounded(significantDigits: precision).leadingExponent
        let place = lead - (precision - 1)
        let scientific = usesScientific(leadingExponent: lead)
        let texts = numbers.map { number in
            let decimal = ExactDecimal(number)
            let digits = decimal.rounded(toPlace: place)
            let sign = decimal.negative && !digits.isEmpty ? "-" : ""
            return sign + Self.plain(digits, place: place - (scientific ? lead : 0))
        }
        return scientific ? "(" + layout(texts) + ")e\(lead)" : layout(texts)
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
