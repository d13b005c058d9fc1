import Foundation
import QuireCore

/// The unary functions OpenQASM 2.0 allows in parameter expressions.
enum QASMFunction: String, Hashable, Sendable {
    case sin, cos, tan, exp, ln, sqrt

    /// The function's value at `x`, computed with the C library (as Qiskit and Python do).
    func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .sin: Elementary.sin(x)
        case .cos: Elementary.cos(x)
        case .tan: Elementary.tan(x)
        case .exp: Elementary.exp(x)
        case .ln: Elementary.log(x)
        case .sqrt: Foundation.sqrt(x)
        }
    }
}
