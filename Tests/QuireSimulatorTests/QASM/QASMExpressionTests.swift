import Foundation
import QuireSimulator
import Testing

@Suite("OpenQASM 2.0 parameter expressions")
struct QASMExpressionTests {
    /// Expected values are analytic (exact, or the nearest Double of the exact value), checked to
    /// 1e-15; precedence follows Qiskit's reader (`-2^2` is −4, `2^3^2` is 512, `2^-1` is 0.5).
    static let cases: [(String, Double)] = [
        ("3", 3), ("0.25", 0.25), (".5", 0.5), ("5.", 5), ("1e2", 100), ("1E-1", 0.1), ("2.5e+2", 250),
        ("9.600000e-01", 0.96), ("-0.000000e+00", 0),
        ("pi", 3.141592653589793), ("-pi/2", -1.5707963267948966), ("pi*0.5", 1.5707963267948966), ("3*pi/4", 2.356194490192345),
        ("1-2-3", -4), ("8/4/2", 1), ("2+3*4", 14), ("(2+3)*4", 20), ("2*3^2", 18), ("-2*3^2", -18),
        ("-2^2", -4), ("2^3^2", 512), ("2^-1", 0.5), ("(-2)^2", 4), ("+2", 2), ("--1", 1), ("-(-1)", 1),
        ("2*-1", -2), ("1--1", 2), ("1 - -pi", 1 + 3.141592653589793),
        ("sin(pi/6)", 0.5), ("cos(0)", 1), ("tan(pi/4)", 1), ("exp(1)", 2.718281828459045), ("ln(exp(2))", 2),
        ("sqrt(2)^2", 2), ("sqrt(16)", 4), ("cos(pi)", -1), ("exp(0)*ln(1)", 0), ("sqrt(2)", 1.4142135623730951),
    ]

    @Test("expressions evaluate with Qiskit's precedence", arguments: cases)
    func evaluates(expression: String, expected: Double) throws {
        let circuit = try readBody("qreg q[1];\nrz(\(expression)) q[0];\n")
        expectGate(circuit.operations.first, .rz, [0], [expected])
    }

    @Test("gate parameters substitute into expressions inside definitions")
    func parametersInDefinitions() throws {
        let circuit = try readBody("qreg q[1];\ngate g(a, b) t { u3(a^2, -b/2, sin(a)*cos(b)) t; }\ng(3, pi) q[0];\n")
        expectGate(circuit.operations.first, .u3, [0], [9, -Double.pi / 2, sin(3.0) * cos(Double.pi)])
    }
}
