import QuireCore

/// Base-10 logarithm for log-scale axes: Quire's own (`Elementary.log10`), not the platform's, whose
/// last bit differs between C libraries (glibc, Apple's libm) and could flip a two-decimal coordinate.
enum DecimalLog {
    /// log10(x) for a finite x > 0.
    static func log10(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log10 needs a finite positive value")
        return Elementary.log10(x)
    }
}
