/// Width estimates of text in `Theme.fontFamily`, for layout without access to font files.
///
/// System sans-serif fonts average about 0.55 em per character for Latin text and digits; layout uses
/// a deliberately generous 0.6 em (wide characters such as CJK count 1 em), so text is given slightly
/// more room than it needs and never runs into its neighbours.
enum TextMetrics {
    /// The estimated width in pixels of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            if scalar.properties.isGraphemeExtend { continue }
            ems += scalar.value >= 0x1100 && isWide(scalar) ? 1 : 0.6
        }
        return ems * fontSize
    }

    /// East Asian wide ranges (Hangul, CJK, full-width forms), which take a full em.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
