import QuireTestSupport
import Testing

@testable import QuireCore

/// exp's and log's tables (committed from make_elementary_constants.py) against the double-double
/// oracle, and the properties their error bounds rest on: 2^(j/128) = hi·(1 + tail) to 2^-100; invc
/// has at most 8 significant bits and leaves |z·invc − 1| ≤ 2^-7 over its interval (so r is exact);
/// logcHi + logcLo = −ln invc to 2^-100, logcHi a multiple of 2^-43 and above |r| unless 0; invc = 1
/// next to 1.
@Suite struct ElementaryTableTests {
    @Test func expTableHoldsPowersOfTwoOver128() {
        for j in 0..<128 {
            let hi = Elementary.expTable[2 * j]
            let tail = Elementary.expTable[2 * j + 1]
            let exact = Oracle.pow(2, Double(j) / 128)
            #expect(exact.ulpError(hi) <= 0.5, "2^(\(j)/128): hi is not the nearest double")
            let scale = Double(sign: .plus, exponent: exact.exponent, significand: 1)
            let relative = ((exact.value.hi * scale - hi) + exact.value.lo * scale) / hi
            #expect(abs(relative - tail) <= 0x1p-100, "2^(\(j)/128): tail \(tail), exact \(relative)")
        }
    }

    @Test func logTableGivesExactReductionsAndLogarithms() {
        for i in 0..<128 {
            let invc = Elementary.logTable[3 * i]
            let logcHi = Elementary.logTable[3 * i + 1]
            let logcLo = Elementary.logTable[3 * i + 2]
            #expect(invc.significandBitPattern & ((1 << 45) - 1) == 0, "interval \(i): invc \(invc) has more than 8 bits")
            // The interval of z: its first double, and the first of the next interval.
            let first = Double(bitPattern: Elementary.logOffset &+ UInt64(i) << 45)
            let end = first < 1 ? first + 0x1p-8 : first + 0x1p-7
            let largestR = max(abs(first * invc - 1), abs(end * invc - 1))
            #expect(largestR <= 0x1p-7, "interval \(i): |r| above 2^-7")
            // logReduced adds r to logcHi by a fast two-sum, exact only if |logcHi| ≥ |r| (or logcHi = 0).
            #expect(logcHi == 0 || abs(logcHi) >= largestR, "interval \(i): |ln invc| below |r|")
            #expect((logcHi * 0x1p43).rounded() == logcHi * 0x1p43)
            let exact = Oracle.log(invc).value
            let error = ((exact.hi + logcHi) + exact.lo) + logcLo
            #expect(abs(error) <= 0x1p-100, "interval \(i): −ln invc off by \(error)")
            if first == 1 || end == 1 { #expect(invc == 1, "the intervals next to 1 need invc = 1") }
        }
    }
}
