/// The one number formatter of every printed result: `precision` significant digits, same bytes on
/// every machine.
///
/// Rules (README "Numbers" repeats them for readers):
/// - Rounding is half-to-even on the *exact* binary value of the `Double`. `0.125` is exact, so at two
///   digits it is a true tie and prints `0.12`; `0.135` is stored as 0.135000000000000008882…, above
///   the tie, so it prints `0.14`, and `0.145` (stored as 0.144999…) prints `0.14`.
/// - Trailing zeros are kept: they state the precision (`0.5` prints `0.5000` at four digits).
/// - Plain decimal when the rounded value's leading power of ten `E` satisfies `-4 <= E < precision`,
///   otherwise scientific as `1.235e8` / `1.000e-12` (exponent without `+` or padding). This is C's
///   `%g` rule, so no digit is ever printed that is not significant (12345 at four digits is
///   `1.234e4`, never `12340`).
/// - No locale: `.` decimal point, ASCII `-` sign, no grouping. Zero prints `0`, and so does `-0.0`:
///   `-0` never appears.
/// - Non-finite values print as the tokens `NaN`, `inf` and `-inf` (a diverged loss is a result the
///   reader should see, not a crash).
/// - Integers (`format(_: Int)`, counts and shots) print exactly.
public struct NumberFormat: Hashable, Sendable {
    /// Significant digits allowed for `precision`: 17 digits identify every `Double` uniquely.
    public static let precisionRange: ClosedRange<Int> = 1...17
    /// The default of the front matter's `quire.precision`.
    public static let defaultPrecision = 4

    /// Significant digits of every formatted `Double`.
    public let precision: Int

    /// A formatter with `precision` significant digits (must lie in `precisionRange`; the document
    /// reader validates the front matter before it gets here).
    public init(precision: Int = NumberFormat.defaultPrecision) {
        precondition(Self.precisionRange.contains(precision), "precision \(precision) outside 1...17")
        self.precision = precision
    }

    /// `value` rounded to `precision` significant digits, e.g. `0.1235` for 0.123456 at four digits.
    public func format(_ value: Double) -> String {
        if let token = Self.nonFiniteToken(value) { return token }
        return significant(ExactDecimal(value), suffix: "")
    }

    /// An integer exactly, e.g. a count of shots: `-1234567`.
    public func format(_ value: Int) -> String {
        String(value)
    }

    /// The token printed for NaN and the infinities, or nil for a finite value.
    static func nonFiniteToken(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    /// Whether a value whose leading digit is at `10^leadingExponent` prints in scientific notation.
    func usesScientific(leadingExponent: Int) -> Bool {
        leadingExponent < -4 || leadingExponent >= precision
    }

    /// Formats an exact decimal to `precision` significant digits, appending `suffix` (e.g. `%`)
    /// to the plain form and after the exponent of the scientific form.
    func significant(_ decimal: ExactDecimal, suffix: String) -> String {
        if decimal.isZero { return "0" + suffix }
        let (digits, lead) = decimal.rounded(significantDigits: precision)
        let sign = decimal.negative ? "-" : ""
        if usesScientific(leadingExponent: lead) {
            return sign + Self.plain(digits, place: -(precision - 1)) + "e\(lead)" + suffix
        }
        return sign + Self.plain(digits, place: lead - (precision - 1)) + suffix
    }

    /// `digits × 10^place` in plain decimal notation: `[1,2,5], -3` → `0.125`; `[1,2], 2` → `1200`.
    static func plain(_ digits: [UInt8], place: Int) -> String {
        if digits.isEmpty { return "0" }
        let text = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        if place >= 0 { return text + String(repeating: "0", count: place) }
        let integerDigits = digits.count + place
        if integerDigits > 0 {
            let split = text.index(text.startIndex, offsetBy: integerDigits)
            return text[..<split] + "." + text[split...]
        }
        return "0." + String(repeating: "0", count: -integerDigits) + text
    }
}
