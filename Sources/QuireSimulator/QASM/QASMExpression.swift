import Foundation
import QuireCore

/// A parameter expression compiled to postfix steps, so that evaluating it needs no recursion and
/// a gate body's expressions can be evaluated once per call with the caller's parameter values.
///
/// Sub-expressions without gate parameters are folded to constants as they are parsed, so an
/// expression outside a gate definition is always a single constant.
struct QASMExpression: Sendable {
    /// One postfix step, with the source position an evaluation error is reported at.
    struct Step: Sendable {
        var action: Action
        var position: QASMPosition
    }

    /// What a step does to the evaluation stack.
    enum Action: Sendable {
        case constant(Double)
        /// Push the value of the enclosing gate's parameter at this index.
        case parameter(Int)
        case unary(UnaryOperator)
        case binary(BinaryOperator)
    }

    /// Operators of one operand.
    enum UnaryOperator: Sendable {
        case negate
        case function(QASMFunction)
    }

    /// Operators of two operands.
    enum BinaryOperator: Sendable {
        case add, subtract, multiply, divide, power
    }

    private(set) var steps: [Step] = []

    /// The value when the expression does not depend on gate parameters.
    var constantValue: Double? {
        if steps.count == 1, case .constant(let value) = steps[0].action { return value }
        return nil
    }

    /// Appends a step, folding it with constant operands at once (and reporting, at the step's
    /// position, any division by zero or non-finite value that folding produces).
    mutating func append(_ action: Action, at position: QASMPosition) throws(QASMError) {
        switch action {
        case .unary(let unary):
            if let operand = trailingConstant(0) {
                steps.removeLast()
                return try appendConstant(Self.apply(unary, operand, at: position), at: position)
            }
        case .binary(let binary):
            if let right = trailingConstant(0), let left = trailingConstant(1) {
                steps.removeLast(2)
                return try appendConstant(Self.apply(binary, left, right, at: position), at: position)
            }
        case .constant, .parameter:
            break
        }
        steps.append(Step(action: action, position: position))
    }

    private mutating func appendConstant(_ value: Double, at position: QASMPosition) {
        steps.append(Step(action: .constant(value), position: position))
    }

    /// The constant `distance` steps from the end, if that step is one. In postfix form a
    /// sub-expression's last step is its root, so a constant there is the whole operand.
    private func trailingConstant(_ distance: Int) -> Double? {
        guard steps.count > distance, case .constant(let value) = steps[steps.count - 1 - distance].action else { return nil }
        return value
    }

    /// Evaluates the expression with the given gate parameter values; `stack` is scratch space.
    func evaluate(parameters: [Double], stack: inout [Double]) throws(QASMError) -> Double {
        if let constantValue { return constantValue }
        stack.removeAll(keepingCapacity: true)
        for step in steps {
            switch step.action {
            case .constant(let value): stack.append(value)
            case .parameter(let index): stack.append(parameters[index])
            case .unary(let unary):
                stack.append(try Self.apply(unary, stack.removeLast(), at: step.position))
            case .binary(let binary):
                let right = stack.removeLast()
                stack.append(try Self.apply(binary, stack.removeLast(), right, at: step.position))
            }
        }
        return stack[0]
    }

    private static func apply(_ unary: UnaryOperator, _ operand: Double, at position: QASMPosition) throws(QASMError) -> Double {
        switch unary {
        case .negate: -operand
        case .function(let function): try checked(function(operand), "\(function.rawValue)(\(operand))", at: position)
        }
    }

    private static func apply(_ binary: BinaryOperator, _ left: Double, _ right: Double, at position: QASMPosition) throws(QASMError)
        -> Double
    {
        switch binary {
        case .add: try checked(left + right, "\(left) + \(right)", at: position)
        case .subtract: try checked(left - right, "\(left) - \(right)", at: position)
        case .multiply: try checked(left * right, "\(left) * \(right)", at: position)
        case .divide:
            if right == 0 {
                throw QASMError(
                    at: position, "division by zero in a parameter expression (\(left) / \(right))",
                    hint: "Gate parameters must be finite numbers.")
            } else {
                try checked(left / right, "\(left) / \(right)", at: position)
            }
        case .power: try checked(Elementary.pow(left, right), "\(left) ^ \(right)", at: position)
        }
    }

    /// `value` if it is a finite real number, else an error naming the computation.
    private static func checked(_ value: Double, _ computation: @autoclosure () -> String, at position: QASMPosition) throws(QASMError)
        -> Double
    {
        guard value.isFinite else {
            let kind = value.isNaN ? "is not a real number" : "is infinite"
            throw QASMError(
                at: position, "the parameter expression \(computation()) \(kind)",
                hint: "Gate parameters must be finite real numbers.")
        }
        return value
    }
}
