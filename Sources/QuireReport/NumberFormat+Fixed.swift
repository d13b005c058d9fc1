extension NumberFormat {
    /// `value` rounded half-to-even (on its exact binary value) to `decimals` places, trailing zeros
    /// kept so that a column of tick labels lines up: `fixed(0.2, decimals: 1)` is `0.2`,
    /// `fixed(1, decimals: 1)` is `1.0`. A value that rounds to zero prints without a sign: never `-0`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        precondition(value.isFinite && decimals >= 0, "fixed needs a finite value and decimals >= 0")
        let decimal = ExactDecimal(value)
        let digits = decimal.rounded(toPlace: -decimals)
        if digits.isEmpty { return plain([0], place: -decimals) }
        return (decimal.negative ? "-" : "") + plain(digits, place: -decimals)
    }

    /// `value` rounded half-to-even at `10^place`, in scientific notation without trailing zeros in the
    /// mantissa: `scientific(2.5e-7, place: -8)` is `2.5e-7`, `scientific(1e6, place: 5)` is `1e6`.
    /// A value that rounds to zero prints `0`.
    static func scientific(_ value: Double, place: Int) -> String {
        precondition(value.isFinite, "scientific needs a finite value")
        let decimal = ExactDecimal(value)
        var digits = decimal.rounded(toPlace: place)
        if digits.isEmpty { return "0" }
        let lead = place + digits.count - 1
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        return (decimal.negative ? "-" : "") + plain(digits, place: -(digits.count - 1)) + "e\(lead)"
    }
}
