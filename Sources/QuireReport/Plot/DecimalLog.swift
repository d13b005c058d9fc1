/// Base-10 logarithm from IEEE basic arithmetic only, for log-scale axes.
///
/// The platform `log10` may differ in the last bit between C libraries (glibc, Apple's libm), and a
/// last-bit difference can flip a two-decimal coordinate; this function uses only `+ − × ÷` in a
/// fixed order, so its result is the same `Double` on every machine. Accuracy is a few ulp, far
/// below the 0.005 px of an SVG coordinate.
enum DecimalLog {
    private static let ln2 = 0.693_147_180_559_945_3
    private static let ln10 = 2.302_585_092_994_046
    private static let sqrt2 = 1.414_213_562_373_095_1

    /// log10(x) for a finite x > 0.
    static func log10(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log10 needs a finite positive value")
        // x = m · 2^e with m in [1, 2); fold m into [√½, √2] so that the series below converges fast.
        var exponent = Double(Int(x.exponent))
        var mantissa = x.significand
        if mantissa > sqrt2 {
            mantissa /= 2
            exponent += 1
        }
        // ln m = 2 atanh(s) = 2 (s + s³/3 + s⁵/5 + …) with s = (m − 1)/(m + 1), |s| ≤ 0.172.
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var sum = 0.0
        for k in stride(from: 25, through: 1, by: -2) {  // s^26 < 1e-19: enough terms for full precision
            sum = sum * s2 + 1 / Double(k)
        }
        return (exponent * ln2 + 2 * s * sum) / ln10
    }
}
