import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// Every Elementary function within 1 ulp on arguments across its domain (SweepArguments), against
/// QuireTestSupport's double-double `Oracle` (itself checked against mpmath by OracleValidationTests):
/// 2^16 a function in the debug `swift test`, 2^20 (1,048,576) with QUIRE_ELEMENTARY_SWEEP=full
/// (`make test-elementary`, a release build: the oracle takes minutes a function in debug). Each
/// function's arguments run in 8 slices in parallel; each slice prints its largest error and how many
/// results are correctly rounded.
@Suite struct ElementarySweepTests {
    static let argumentsPerFunction = ProcessInfo.processInfo.environment["QUIRE_ELEMENTARY_SWEEP"] == "full" ? 1 << 20 : 1 << 16
    static let slices = 8
    static let functions: [String: (quire: @Sendable (Double, Double) -> Double, oracle: @Sendable (Double, Double) -> OracleValue)] = [
        "sin": ({ x, _ in Elementary.sin(x) }, { x, _ in Oracle.sin(x) }),
        "cos": ({ x, _ in Elementary.cos(x) }, { x, _ in Oracle.cos(x) }),
        "tan": ({ x, _ in Elementary.tan(x) }, { x, _ in Oracle.tan(x) }),
        "exp": ({ x, _ in Elementary.exp(x) }, { x, _ in Oracle.exp(x) }),
        "expm1": ({ x, _ in Elementary.expm1(x) }, { x, _ in Oracle.expm1(x) }),
        "log": ({ x, _ in Elementary.log(x) }, { x, _ in Oracle.log(x) }),
        "log10": ({ x, _ in Elementary.log10(x) }, { x, _ in Oracle.log10(x) }),
        "log1p": ({ x, _ in Elementary.log1p(x) }, { x, _ in Oracle.log1p(x) }),
        "tanh": ({ x, _ in Elementary.tanh(x) }, { x, _ in Oracle.tanh(x) }),
        "lgamma": ({ x, _ in Elementary.logGamma(x) }, { x, _ in Oracle.logGamma(x) }),
        "atan2": ({ y, x in Elementary.atan2(y, x) }, { y, x in Oracle.atan2(y, x) }),
        "pow": ({ x, y in Elementary.pow(x, y) }, { x, y in Oracle.pow(x, y) }),
    ]
    static let cases = functions.keys.sorted().flatMap { name in (0..<slices).map { "\(name)/\($0)" } }

    @Test(arguments: cases)
    func withinOneUlp(_ slice: String) {
        let parts = slice.split(separator: "/")
        let name = String(parts[0])
        let first = Int(parts[1])! * Self.argumentsPerFunction / Self.slices
        let (quire, oracle) = Self.functions[name]!
        var largest = 0.0
        var correctlyRounded = 0
        var failures: [String] = []
        for i in first..<first + Self.argumentsPerFunction / Self.slices {
            let (a, b) = SweepArguments.arguments(name, i)
            let got = quire(a, b)
            let error = oracle(a, b).ulpError(got)
            if error <= 0.5 { correctlyRounded += 1 }
            if !(error < 1) && failures.count < 10 { failures.append("\(name)(\(a), \(b)) = \(got): \(error) ulp") }
            largest = max(largest, error.isNaN ? .infinity : error)
            if name == "sin" || name == "cos" {
                let pair = Elementary.sincos(a)
                #expect(pair.sin.bitPattern == Elementary.sin(a).bitPattern && pair.cos.bitPattern == Elementary.cos(a).bitPattern)
            }
        }
        let count = Self.argumentsPerFunction / Self.slices
        print("elementary sweep \(slice): max \(largest) ulp, correctly rounded \(correctlyRounded)/\(count)")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
