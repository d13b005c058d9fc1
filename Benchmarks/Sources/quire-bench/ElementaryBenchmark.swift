import Foundation
import QuireCore

/// Quire's own elementary functions (QuireCore's `Elementary`) against the platform's (glibc's on
/// Linux, through Foundation) on the same 2^16 arguments each, in typical ranges: nanoseconds a call
/// and the ratio, one line per function (issue 15: within 10% of the platform's speed).
enum ElementaryBenchmark {
    /// A function's name, argument ranges and the two implementations.
    struct Case: Sendable {
        let name: String
        let first: ClosedRange<Double>
        let second: ClosedRange<Double>
        let quire: @Sendable (Double, Double) -> Double
        let platform: @Sendable (Double, Double) -> Double
    }

    static let cases: [Case] = [
        Case(name: "sin", first: -10...10, second: 0...0, quire: { x, _ in Elementary.sin(x) }, platform: { x, _ in Foundation.sin(x) }),
        Case(name: "cos", first: -10...10, second: 0...0, quire: { x, _ in Elementary.cos(x) }, platform: { x, _ in Foundation.cos(x) }),
        Case(
            name: "sincos", first: -10...10, second: 0...0,
            quire: { x, _ in
                let (s, c) = Elementary.sincos(x)
                return s + c
            }, platform: { x, _ in Foundation.sin(x) + Foundation.cos(x) }),
        Case(name: "tan", first: -1.5...1.5, second: 0...0, quire: { x, _ in Elementary.tan(x) }, platform: { x, _ in Foundation.tan(x) }),
        Case(name: "exp", first: -20...20, second: 0...0, quire: { x, _ in Elementary.exp(x) }, platform: { x, _ in Foundation.exp(x) }),
        Case(name: "expm1", first: -1...1, second: 0...0, quire: { x, _ in Elementary.expm1(x) }, platform: { x, _ in Foundation.expm1(x) }),
        Case(name: "log", first: 1e-3...1e3, second: 0...0, quire: { x, _ in Elementary.log(x) }, platform: { x, _ in Foundation.log(x) }),
        Case(name: "log10", first: 1e-3...1e3, second: 0...0, quire: { x, _ in Elementary.log10(x) }, platform: { x, _ in Foundation.log10(x) }),
        Case(name: "log1p", first: -0.5...2, second: 0...0, quire: { x, _ in Elementary.log1p(x) }, platform: { x, _ in Foundation.log1p(x) }),
        Case(name: "tanh", first: -5...5, second: 0...0, quire: { x, _ in Elementary.tanh(x) }, platform: { x, _ in Foundation.tanh(x) }),
        Case(name: "lgamma", first: 0.1...50, second: 0...0, quire: { x, _ in Elementary.logGamma(x) }, platform: { x, _ in Foundation.lgamma(x) }),
        Case(name: "atan2", first: -1...1, second: -1...1, quire: { y, x in Elementary.atan2(y, x) }, platform: { y, x in Foundation.atan2(y, x) }),
        Case(name: "pow", first: 0.01...4, second: -10...10, quire: { x, y in Elementary.pow(x, y) }, platform: { x, y in Foundation.pow(x, y) }),
    ]

    /// Times every case and prints `name  quire ns  platform ns  ratio`.
    static func run() {
        let count = 1 << 16
        var generator = SystemRandomNumberGenerator()
        print("elementary (ns a call, median of 15 passes over \(count) arguments)   quire   platform   ratio")
        for c in cases {
            let xs = (0..<count).map { _ in Double.random(in: c.first, using: &generator) }
            let ys = (0..<count).map { _ in Double.random(in: c.second, using: &generator) }
            var sink = 0.0
            let time = { (f: (Double, Double) -> Double) in
                Stopwatch.median(repeats: 15) { for i in 0..<count { sink += f(xs[i], ys[i]) } } / Double(count) * 1e9
            }
            let quire = time(c.quire)
            let platform = time(c.platform)
            let figures = String(format: "%7.1f %9.1f %8.2f", quire, platform, quire / platform)
            print("  \(c.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(figures)\(sink.isNaN ? " " : "")")
        }
    }
}
