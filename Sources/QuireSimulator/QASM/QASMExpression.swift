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
        /// Push a template's symbolic parameter (`theta[3]`).
        case symbol(QASMSymbolReference)
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
    mutating func append(_ action: Action, at position: QASMPosition) throws(SimulationError) {
        switch action {
        case .unary(let unary):
            if let operand = trailingConstant(0) {
                steps.removeLast()
                return try appendConstant(Double.apply(unary, operand, at: position), at: position)
            }
        case .binary(let binary):
            if let right = trailingConstant(0), let left = trailingConstant(1) {
                steps.removeLast(2)
                return try appendConstant(Double.apply(binary, left, right, at: position), at: position)
            }
        case .constant, .parameter, .symbol:
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
    func evaluate<Value: QASMValue>(parameters: [Value], stack: inout [Value]) throws(SimulationError) -> Value {
        if let constantValue { return Value(constant: constantValue) }
        stack.removeAll(keepingCapacity: true)
        for step in steps {
            switch step.action {
            case .constant(let value): stack.append(Value(constant: value))
            case .parameter(let index): stack.append(parameters[index])
            case .symbol(let reference): stack.append(try Value.symbol(reference, at: step.position))
            case .unary(let unary):
                stack.append(try Value.apply(unary, stack.removeLast(), at: step.position))
            case .binary(let binary):
                let right = stack.removeLast()
                stack.append(try Value.apply(binary, stack.removeLast(), right, at: step.position))
            }
        }
        return stack[0]
    }
}
