import QuireCore
import Testing

/// The IEEE-754 / C99 Annex F special cases: signed zeros, infinities, NaN, thresholds, pow's and
/// atan2's case tables. Compared bit for bit (−0 is not +0).
@Suite struct ElementarySpecialCaseTests {
    func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    @Test func oneArgumentFunctions() {
        let inf = Double.infinity
        let cases: [(String, Double, Double)] = [
            ("sin", -0.0, -0.0), ("sin", inf, .nan), ("sin", 0x1p-1074, 0x1p-1074), ("cos", -0.0, 1),
            ("cos", -inf, .nan), ("tan", -0.0, -0.0), ("tan", .nan, .nan),
            ("exp", -inf, 0), ("exp", inf, inf), ("exp", 0, 1), ("exp", 709.79, inf), ("exp", -745.14, 0),
            ("expm1", -0.0, -0.0), ("expm1", -inf, -1), ("expm1", inf, inf),
            ("log", 0, -inf), ("log", -0.0, -inf), ("log", -1, .nan), ("log", inf, inf), ("log", 1, 0),
            ("log10", 1000, 3), ("log10", 1e-300, -300), ("log10", 0, -inf),
            ("log1p", -1, -inf), ("log1p", -2, .nan), ("log1p", -0.0, -0.0), ("log1p", inf, inf),
            ("tanh", -0.0, -0.0), ("tanh", inf, 1), ("tanh", -inf, -1), ("tanh", 30, 1),
            ("lgamma", 1, 0), ("lgamma", 2, 0), ("lgamma", 0, inf), ("lgamma", inf, inf), ("lgamma", -1, .nan),
        ]
        let functions: [String: (Double) -> Double] = [
            "sin": Elementary.sin, "cos": Elementary.cos, "tan": Elementary.tan, "exp": Elementary.exp,
            "expm1": Elementary.expm1, "log": Elementary.log, "log10": Elementary.log10,
            "log1p": Elementary.log1p, "tanh": Elementary.tanh, "lgamma": Elementary.logGamma,
        ]
        for (name, x, expected) in cases {
            let got = functions[name]!(x)
            #expect(same(got, expected), "\(name)(\(x)) = \(got), expected \(expected)")
        }
    }

    @Test func powCases() {
        let inf = Double.infinity
        let cases: [(Double, Double, Double)] = [
            (.nan, 0, 1), (1, .nan, 1), (.nan, 1, .nan), (2, .nan, .nan), (-1, inf, 1), (-1, -inf, 1),
            (0.5, inf, 0), (0.5, -inf, inf), (2, inf, inf), (2, -inf, 0),
            (-0.0, -3, -inf), (-0.0, -2, inf), (0, -0.5, inf), (-0.0, 3, -0.0), (-0.0, 2, 0), (-0.0, 0.5, 0),
            (-inf, -3, -0.0), (-inf, -2, 0), (-inf, 3, -inf), (-inf, 2, inf), (inf, -1, 0), (inf, 0.5, inf),
            (-2, 0.5, .nan), (-2, 3, -8), (-2, -2, 0.25), (2, 10, 1024), (10, 2, 100), (2, -1074, 0x1p-1074),
            (2, 1024, inf), (0.5, 1075, 0), (-0.5, 1075, -0.0),
        ]
        for (x, y, expected) in cases {
            let got = Elementary.pow(x, y)
            #expect(same(got, expected), "pow(\(x), \(y)) = \(got), expected \(expected)")
        }
    }

    @Test func atan2Cases() {
        let pi = Double.pi
        let inf = Double.infinity
        let cases: [(Double, Double, Double)] = [
            (0, 0, 0), (-0.0, 0, -0.0), (0, -0.0, pi), (-0.0, -0.0, -pi), (0, -1, pi), (-0.0, -1, -pi),
            (0, 1, 0), (-0.0, 1, -0.0), (1, 0, pi / 2), (-1, -0.0, -pi / 2), (1, inf, 0), (-1, inf, -0.0),
            (1, -inf, pi), (-1, -inf, -pi), (inf, 1, pi / 2), (-inf, -1, -pi / 2),
            (inf, inf, pi / 4), (-inf, inf, -pi / 4), (inf, -inf, 3 * pi / 4), (-inf, -inf, -3 * pi / 4),
            (.nan, 1, .nan), (1, .nan, .nan), (1, 1, pi / 4), (1, -1, 3 * pi / 4),
        ]
        for (y, x, expected) in cases {
            let got = Elementary.atan2(y, x)
            #expect(same(got, expected), "atan2(\(y), \(x)) = \(got), expected \(expected)")
        }
    }

    /// Arguments next to multiples of π/2 far out, where a naive reduction loses every digit
    /// (values from mpmath at 256 bits).
    @Test func hugeArguments() {
        #expect(abs(Elementary.sin(1e22) - -0x1.b453ab76bf397p-1) <= 0x1p-53)  // −0.8522008497671888
        #expect(Elementary.sin(0x1.fffffffffffffp1023).magnitude <= 1)
        #expect(Elementary.cos(0x1.fffffffffffffp1023).magnitude <= 1)
    }

    /// From √2·2^-27 to 2^-26, cos x = 1 − x²/2 is nearer the double below 1 than 1 itself (cos used to
    /// answer 1 up to 2^-26, an error of almost 1 ulp); sincos answers the same.
    @Test func cosineOfTinyArgumentsIsBelowOne() {
        for x in [0x1.fffffp-27, -0x1.8p-27, 0x1.6a0ap-27] {
            #expect(Elementary.cos(x) == (1.0).nextDown, "cos(\(x))")
            #expect(Elementary.sincos(x).cos == (1.0).nextDown && Elementary.sincos(x).sin == x)
        }
        for x in [0x1.6a09p-27, 0x1p-27, 0x1.fffffffffffffp-28] { #expect(Elementary.cos(x) == 1, "cos(\(x))") }
    }
}
