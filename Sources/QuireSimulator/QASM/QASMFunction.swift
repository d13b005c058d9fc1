import Foundation

/// The unary functions OpenQASM 2.0 allows in parameter expressions.
enum QASMFunction: String, Hashable, Sendable {
    case sin, cos, tan, exp, ln, sqrt

    /// The function's value at `x`, computed with the C library (as Qiskit and Python do).
    func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .sin: Foundation.sin(x)
        case .cos: Foundation.cos(x)
        case .tan: Foundation.tan(x)
        case .exp: Foundation.exp(x)
        case .ln: Foundation.log(x)
        case .sqrt: Foundation.sqrt(x)
        }
    }
}
