import QuireCore

/// What a parameter expression evaluates to: a plain number when a circuit is read, or an affine
/// function of symbolic parameters (`QASMAffine`) when a template is read. One evaluator serves both.
protocol QASMValue: Sendable {
    /// The constant `value`.
    init(constant value: Double)
    /// The symbolic parameter `reference`, written at `position`.
    static func symbol(_ reference: QASMSymbolReference, at position: QASMPosition) throws(SimulationError) -> Self
    /// A unary operator applied to `operand`; errors are reported at `position`.
    static func apply(_ unary: QASMExpression.UnaryOperator, _ operand: Self, at position: QASMPosition) throws(SimulationError) -> Self
    /// A binary operator applied to `left` and `right`; errors are reported at `position`.
    static func apply(_ binary: QASMExpression.BinaryOperator, _ left: Self, _ right: Self, at position: QASMPosition) throws(SimulationError)
        -> Self
    /// The value with every symbolic parameter at 0 (the value itself for a number).
    var constantPart: Double { get }
    /// The value as an affine function, or nil for a plain number.
    var affine: QASMAffine? { get }
}

/// A symbolic parameter `array[index]` of a template (`theta[3]`, `x[0]`).
struct QASMSymbolReference: Hashable, Sendable {
    var array: String
    var index: Int
}

extension Double: QASMValue {
    init(constant value: Double) { self = value }

    static func symbol(_ reference: QASMSymbolReference, at position: QASMPosition) throws(SimulationError) -> Double {
        throw SimulationError.invalidQASM(
            at: position, "`\(reference.array)[\(reference.index)]` is a symbolic parameter, which only a template may use",
            hint: "Use numbers, `pi` and functions here.")
    }

    static func apply(_ unary: QASMExpression.UnaryOperator, _ operand: Double, at position: QASMPosition) throws(SimulationError) -> Double {
        switch unary {
        case .negate: -operand
        case .function(let function): try checked(function(operand), "\(function.rawValue)(\(operand))", at: position)
        }
    }

    static func apply(_ binary: QASMExpression.BinaryOperator, _ left: Double, _ right: Double, at position: QASMPosition) throws(SimulationError)
        -> Double
    {
        switch binary {
        case .add: try checked(left + right, "\(left) + \(right)", at: position)
        case .subtract: try checked(left - right, "\(left) - \(right)", at: position)
        case .multiply: try checked(left * right, "\(left) * \(right)", at: position)
        case .divide:
            if right == 0 {
                throw SimulationError.invalidQASM(
                    at: position, "division by zero in a parameter expression (\(left) / \(right))",
                    hint: "Gate parameters must be finite numbers.")
            } else {
                try checked(left / right, "\(left) / \(right)", at: position)
            }
        case .power: try checked(Elementary.pow(left, right), "\(left) ^ \(right)", at: position)
        }
    }

    var constantPart: Double { self }
    var affine: QASMAffine? { nil }

    /// `value` if it is a finite real number, else an error naming the computation.
    static func checked(_ value: Double, _ computation: @autoclosure () -> String, at position: QASMPosition) throws(SimulationError) -> Double {
        guard value.isFinite else {
            let kind = value.isNaN ? "is not a real number" : "is infinite"
            throw SimulationError.invalidQASM(
                at: position, "the parameter expression \(computation()) \(kind)",
                hint: "Gate parameters must be finite real numbers.")
        }
        return value
    }
}
