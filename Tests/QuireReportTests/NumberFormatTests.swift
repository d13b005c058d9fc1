import QuireCore
import Testing

@testable import QuireReport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The number formatter against hand-checked cases and against the C library's `%.*e`, which
/// glibc computes exactly with round-half-even on the binary value (an independent implementation).
struct NumberFormatTests {
    @Test(
        arguments: zip(
            [
                0.0, -0.0, 1e-12, 123_456_789, 0.123456, 0.5, -1.5, 1, 1234, 12345, 0.0001, 0.00001234,
                1e6, 999_999.5, 9.99951, 9.9995, -0.000123456, 3.0e300, 5e-324,
            ],
            [
                "0", "0", "1.000e-12", "1.235e8", "0.1235", "0.5000", "-1.500", "1.000", "1234", "1.234e4",
                "0.0001000", "1.234e-5", "1.000e6", "1.000e6", "10.00", "9.999", "-0.0001235", "3.000e300",
                "4.941e-324",
            ]))
    func fourDigits(value: Double, expected: String) {
        #expect(NumberFormat(precision: 4).format(value) == expected)
    }

    /// Ties decided on the exact binary value: 0.125, 0.375, 2.5, 3.5 are exact ties (to even);
    /// 0.135 is stored above its tie and 0.145 below it.
    @Test(
        arguments: [
            (0.125, 2, "0.12"), (0.375, 2, "0.38"), (2.5, 1, "2"), (3.5, 1, "4"), (-2.5, 1, "-2"),
            (0.135, 2, "0.14"), (0.145, 2, "0.14"), (1.5, 1, "2"), (0.5, 1, "0.5"),
            (12345, 4, "1.234e4"), (12355, 4, "1.236e4"), (99999.5, 5, "1.0000e5"), (9.5, 1, "1e1"),
            (0.1, 17, "0.10000000000000001"), (1.0 / 3.0, 17, "0.33333333333333331"), (2.0 / 3.0, 1, "0.7"),
        ] as [(Double, Int, String)])
    func halfwayAndPrecision(value: Double, precision: Int, expected: String) {
        #expect(NumberFormat(precision: precision).format(value) == expected)
    }

    @Test func nonFiniteTokens() {
        let format = NumberFormat()
        #expect(format.format(Double.nan) == "NaN")
        #expect(format.format(Double.infinity) == "inf")
        #expect(format.format(-Double.infinity) == "-inf")
        #expect(format.interval(.nan, 0.1) == "NaN ± 0.1000")
        #expect(format.percent(.infinity) == "inf")
    }

    @Test func integersAreExact() {
        let format = NumberFormat(precision: 1)
        #expect(format.format(123_456_789) == "123456789")
        #expect(format.format(-42) == "-42")
        #expect(format.format(0) == "0")
    }

    @Test(
        arguments: [
            (0.8125, 0.03125, "0.8125 ± 0.0312"), (0.81251, 0.5, "0.8125 ± 0.5000"),
            (0.001, 0.05, "0.00100 ± 0.05000"), (-0.00001, 0.25, "0 ± 0.2500"), (0, 0, "0 ± 0"),
            (8.125e-12, 3.125e-13, "(8.125 ± 0.312)e-12"), (123456, 789, "(1.235 ± 0.008)e5"),
            (-1.5, 0.25, "-1.500 ± 0.250"), (9.99961, 0.1, "10.00 ± 0.10"),
        ] as [(Double, Double, String)])
    func intervals(value: Double, halfWidth: Double, expected: String) {
        #expect(NumberFormat(precision: 4).interval(value, halfWidth) == expected)
    }

    /// An interval cut at a bound prints its ends, at the decimal place the `±` form would use.
    @Test(
        arguments: [
            (0.9667, 0.1434, "0.9667 [0.8233, 1.0000]"), (0.05, 0.1, "0.0500 [0, 0.1500]"),
            (0.5, 0.75, "0.5000 [0, 1.0000]"), (0, 0, "0 [0, 0]"),
        ] as [(Double, Double, String)])
    func clippedIntervals(value: Double, halfWidth: Double, expected: String) {
        #expect(NumberFormat(precision: 4).interval(value, halfWidth: halfWidth, clippedTo: 0...1) == expected)
    }

    @Test func percentages() {
        let format = NumberFormat(precision: 4)
        #expect(format.percent(0.125) == "12.50%")
        #expect(format.percent(1) == "100.0%")
        #expect(format.percent(0.0000125) == "0.001250%")
        #expect(format.percent(-0.0) == "0%")
        // 0.001125 is stored below its tie, so the exact scaling rounds it down to 0.112%.
        #expect(NumberFormat(precision: 3).percent(0.001125) == "0.112%")
    }

    @Test func exactExpansion() {
        let tenth = ExactDecimal(0.1)
        #expect(tenth.exponent == -55)
        #expect(
            String(decoding: tenth.digits.map { $0 + 48 }, as: UTF8.self)
                == "1000000000000000055511151231257827021181583404541015625")
        let smallest = ExactDecimal(5e-324)  // 2^-1074: 751 significant digits
        #expect(smallest.digits.count == 751)
        #expect(smallest.leadingExponent == -324)
        #expect(ExactDecimal(1e23).digits.count == 23)  // 1e23 is stored as 99999999999999991611392
    }

    /// 17 precisions × 3000 values (random bit patterns, random magnitudes, dyadic ties) against
    /// glibc's `%.*e`: digits and exponent must agree exactly.
    @Test func agreesWithCLibrary() {
        let stream = RandomStream(seed: 20_261_125, purpose: "number-format-test")
        var values: [Double] = []
        for index in 0..<1000 {
            let bits = Double(bitPattern: stream.uint64(at: UInt64(index)))
            if bits.isFinite { values.append(bits) }
            let scale = Double(
                sign: .plus, exponent: Int(stream.uint64(at: UInt64(index + 1000)) % 200) - 100,
                significand: 1)
            values.append(stream.uniform(at: UInt64(index + 2000)) * scale)
            // k / 2^n with small n: many exact decimal ties at some precision
            let numerator = Double(stream.uint64(at: UInt64(index + 3000)) % 100_000)
            values.append(numerator / Double(1 << (index % 12)))
        }
        var mismatches: [String] = []
        for value in values where value != 0 {
            let exact = ExactDecimal(value)
            for precision in NumberFormat.precisionRange {
                let (digits, lead) = exact.rounded(significantDigits: precision)
                let ours = String(decoding: digits.map { $0 + 48 }, as: UTF8.self) + "e\(lead)"
                let theirs = Self.cScientific(value, precision: precision)
                if ours != theirs { mismatches.append("\(value) p\(precision): \(ours) vs \(theirs)") }
            }
        }
        #expect(values.count > 2900)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// glibc's `%.{p-1}e` of |value| as `<digits>e<exponent>`, e.g. `12346e-1`.
    static func cScientific(_ value: Double, precision: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([abs(value)]) { vsnprintf(&buffer, buffer.count, "%.\(precision - 1)e", $0) }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let parts = text.split(separator: "e")
        return parts[0].filter { $0 != "." } + "e\(Int(parts[1])!)"
    }
}
