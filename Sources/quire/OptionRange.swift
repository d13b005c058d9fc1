import ArgumentParser

/// The range check every numeric command-line option gets in `validate()`: a value outside
/// `range` (for a `Double` also NaN and ±infinity, which no finite range contains) is a
/// `ValidationError` naming the flag, the range and the value, so a bad option exits 2 with a
/// message instead of reaching the library (`--lock-timeout inf` used to crash).
enum OptionRange {
    /// Throws unless `range` contains `value`.
    static func require<Value: Comparable>(_ value: Value, in range: ClosedRange<Value>, _ flag: String, unit: String = "") throws {
        guard range.contains(value) else {
            throw ValidationError("\(flag) must be from \(range.lowerBound) to \(range.upperBound)\(unit), not \(value).")
        }
    }
}
