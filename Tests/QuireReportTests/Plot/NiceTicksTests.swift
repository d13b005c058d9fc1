import QuireCore
import Testing

@testable import QuireReport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Heckbert's nice numbers against hand-worked answers (Graphics Gems, 1990, "loose labelling" with
/// five intervals), tick labels, log decades, and properties over random ranges.
struct NiceTicksTests {
    @Test(
        arguments: [
            (0.0, 1.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
            (0, 97, [0, 20, 40, 60, 80, 100], ["0", "20", "40", "60", "80", "100"]),
            (-3.7, 12.2, [-5, 0, 5, 10, 15], ["-5", "0", "5", "10", "15"]),
            (-97, 0, [-100, -80, -60, -40, -20, 0], ["-100", "-80", "-60", "-40", "-20", "0"]),
            (0.101, 0.149, [0.1, 0.11, 0.12, 0.13, 0.14, 0.15], ["0.10", "0.11", "0.12", "0.13", "0.14", "0.15"]),
            (1e-9, 3e-9, [1e-9, 1.5e-9, 2e-9, 2.5e-9, 3e-9], ["1e-9", "1.5e-9", "2e-9", "2.5e-9", "3e-9"]),
            (0, 3.2e12, [0, 1e12, 2e12, 3e12, 4e12], ["0", "1e12", "2e12", "3e12", "4e12"]),
            (
                1_000_000, 1_000_010, [1_000_000, 1_000_002, 1_000_004, 1_000_006, 1_000_008, 1_000_010],
                ["1000000", "1000002", "1000004", "1000006", "1000008", "1000010"]
            ),
            (0, 4.2e-5, [0, 1e-5, 2e-5, 3e-5, 4e-5, 5e-5], ["0", "1e-5", "2e-5", "3e-5", "4e-5", "5e-5"]),
            (1.2e8, 1.9e8, [1.2e8, 1.4e8, 1.6e8, 1.8e8, 2e8], ["1.2e8", "1.4e8", "1.6e8", "1.8e8", "2e8"]),
            // Equal ends are padded by one unit of the leading digit.
            (5, 5, [4, 4.5, 5, 5.5, 6], ["4.0", "4.5", "5.0", "5.5", "6.0"]),
            (0, 0, [-1, -0.5, 0, 0.5, 1], ["-1.0", "-0.5", "0.0", "0.5", "1.0"]),
            (0.3, 0.3, [0.2, 0.25, 0.3, 0.35, 0.4], ["0.20", "0.25", "0.30", "0.35", "0.40"]),
        ] as [(Double, Double, [Double], [String])])
    func knownAnswers(lower: Double, upper: Double, ticks: [Double], labels: [String]) {
        let nice = NiceTicks(lower: lower, upper: upper)
        // Exact equality: ticks are the same doubles as the decimal literals.
        #expect(nice.values == ticks)
        #expect(Axis.linearLabels(nice) == labels)
    }

    /// A whole-valued quantity (layers 1…3, epochs 1…4) steps by at least 1: no tick at 1.5; wide
    /// ranges keep Heckbert's step.
    @Test(
        arguments: [
            (1.0, 3.0, [1, 2, 3], ["1", "2", "3"]), (1, 4, [1, 2, 3, 4], ["1", "2", "3", "4"]), (2, 2, [1, 2, 3], ["1", "2", "3"]),
            (0, 97, [0, 20, 40, 60, 80, 100], ["0", "20", "40", "60", "80", "100"]),
        ] as [(Double, Double, [Double], [String])])
    func wholeValuedTicks(lower: Double, upper: Double, ticks: [Double], labels: [String]) {
        let nice = NiceTicks(lower: lower, upper: upper, integers: true)
        #expect(nice.values == ticks)
        #expect(Axis.linearLabels(nice) == labels)
    }

    /// Heckbert's `nicenum`: rounding picks the nearest of 1, 2, 5, 10 (thresholds 1.5, 3, 7);
    /// otherwise the smallest not below.
    @Test(
        arguments: [
            (1.4, true, 1.0), (1.5, true, 2), (2.9, true, 2), (3, true, 5), (6.9, true, 5), (7, true, 10),
            (1, false, 1), (1.01, false, 2), (2, false, 2), (2.1, false, 5), (5.5, false, 10), (0.031, false, 0.05),
            (47, true, 50), (0.00012, true, 0.0001),
        ] as [(Double, Bool, Double)])
    func niceNumber(x: Double, rounding: Bool, expected: Double) {
        #expect(NiceTicks.nice(x, rounding: rounding).value == expected)
    }

    /// Over 2000 random ranges from 1e-12 to 1e12 in size: the ticks frame the data, are evenly spaced
    /// by 1, 2 or 5 × 10^k, and number between 3 and 11.
    @Test func propertiesOverRandomRanges() {
        let stream = RandomStream(seed: 7, purpose: "nice-ticks-test")
        for index in 0..<2000 {
            let exponent = Int(stream.uint64(at: UInt64(3 * index)) % 25) - 12
            let scale = NiceTicks.powerOfTen(exponent)
            let a = (stream.uniform(at: UInt64(3 * index + 1)) * 2 - 1) * scale
            let b = a + stream.uniform(at: UInt64(3 * index + 2)) * scale
            let nice = NiceTicks(lower: a, upper: b)
            let ticks = nice.values
            #expect(ticks.first! <= a && ticks.last! >= b, "ticks \(ticks) do not frame \(a)…\(b)")
            #expect((3...11).contains(ticks.count), "\(ticks.count) ticks for \(a)…\(b)")
            let step = ticks[1] - ticks[0]
            let unit = NiceTicks.powerOfTen(nice.stepExponent)
            #expect([1.0, 2, 5].contains { abs(step - $0 * unit) <= 1e-9 * unit }, "step \(step)")
            for (left, right) in zip(ticks, ticks.dropFirst()) {
                #expect(abs(right - left - step) <= 1e-9 * step)
            }
            #expect(
                !ticks.isEmpty
                    && Axis.linearLabels(nice).allSatisfy {
                        !$0.hasPrefix("-0") || $0.contains(where: { "123456789".contains($0) })
                    })
        }
    }

    @Test func logDecades() {
        #expect(Axis.decades(lower: 0.0004, upper: 0.0137) == [-4, -3, -2, -1])
        #expect(Axis.decades(lower: 1, upper: 100) == [0, 1, 2])  // exact powers are their own ends
        #expect(Axis.decades(lower: 3, upper: 3) == [0, 1])
        #expect(Axis.decades(lower: 1e-12, upper: 2e5) == [-12, -9, -6, -3, 0, 3, 6])  // every third decade
        #expect(Axis.decadeLabels([-2, -1, 0, 1, 2]) == ["0.01", "0.1", "1", "10", "100"])
        #expect(Axis.decadeLabels([-12, 0, 15]) == ["10⁻¹²", "10⁰", "10¹⁵"])
        let axis = Axis(lower: 0.002, upper: 0.3, scale: .logarithmic)
        #expect(axis.minorTicks.count == 3 * 8)
        #expect(abs(axis.fraction(0.001)) < 1e-15 && abs(axis.fraction(1) - 1) < 1e-15)
        #expect(abs(axis.fraction(0.01) - 1.0 / 3) < 1e-15)
    }

    /// Our base-10 logarithm against the C library's (an independent implementation) and exact
    /// powers of ten, to within 4 ulp: far below the 0.005 px an SVG coordinate resolves.
    @Test func decimalLogAgreesWithCLibrary() {
        let stream = RandomStream(seed: 11, purpose: "decimal-log-test")
        for index in 0..<5000 {
            let x = Double(
                sign: .plus, exponent: Int(stream.uint64(at: UInt64(2 * index)) % 2000) - 1000,
                significand: 1 + stream.uniform(at: UInt64(2 * index + 1)))
            let ours = DecimalLog.log10(x)
            let theirs = log10(x)
            #expect(
                abs(ours - theirs) <= 4 * max(abs(theirs).ulp, Double.ulpOfOne), "log10(\(x)): \(ours) vs \(theirs)")
        }
        for exponent in -300...300 {
            let value = DecimalLog.log10(NiceTicks.powerOfTen(exponent))
            #expect(abs(value - Double(exponent)) <= 4 * max(Double(abs(exponent)).ulp, Double.ulpOfOne))
        }
    }
}
