/// Parameter expressions, with Qiskit's precedence: `^` binds tightest and to the right, then
/// unary minus (so `-2^2` is −4 and `2^-1` is 0.5), then `*` `/`, then `+` `-`, all left to right.
extension QASMParser {
    /// An expression; identifiers must be among `parameterNames` (the enclosing gate's parameters).
    mutating func parseExpression(parameterNames: [String]) throws(SimulationError) -> QASMExpression {
        var expression = QASMExpression()
        try parseSum(into: &expression, parameterNames)
        return expression
    }

    /// sum := product (('+' | '-') product)*
    private mutating func parseSum(into expression: inout QASMExpression, _ names: [String]) throws(SimulationError) {
        try parseProduct(into: &expression, names)
        while token.kind == .plus || token.kind == .minus {
            let operation: QASMExpression.BinaryOperator = token.kind == .plus ? .add : .subtract
            let position = token.position
            try advance()
            try parseProduct(into: &expression, names)
            try expression.append(.binary(operation), at: position)
        }
    }

    /// product := unary (('*' | '/') unary)*
    private mutating func parseProduct(into expression: inout QASMExpression, _ names: [String]) throws(SimulationError) {
        try parseUnary(into: &expression, names)
        while token.kind == .star || token.kind == .slash {
            let operation: QASMExpression.BinaryOperator = token.kind == .star ? .multiply : .divide
            let position = token.position
            try advance()
            try parseUnary(into: &expression, names)
            try expression.append(.binary(operation), at: position)
        }
    }

    /// unary := ('-' | '+') unary | power;  power := primary ('^' unary)?
    private mutating func parseUnary(into expression: inout QASMExpression, _ names: [String]) throws(SimulationError) {
        try enterNesting()
        defer { expressionDepth -= 1 }
        switch token.kind {
        case .minus:
            let position = token.position
            try advance()
            try parseUnary(into: &expression, names)
            try expression.append(.unary(.negate), at: position)
        case .plus:
            try advance()
            try parseUnary(into: &expression, names)
        default:
            try parsePrimary(into: &expression, names)
            if token.kind == .caret {
                let position = token.position
                try advance()
                try parseUnary(into: &expression, names)
                try expression.append(.binary(.power), at: position)
            }
        }
    }

    /// primary := number | `pi` | parameter | function '(' sum ')' | '(' sum ')'
    private mutating func parsePrimary(into expression: inout QASMExpression, _ names: [String]) throws(SimulationError) {
        let start = token
        switch token.kind {
        case .integer, .real:
            guard let value = Double(token.text), value.isFinite else {
                throw SimulationError.invalidQASM(
                    at: token.position, "the number \(token.text) is too large for a 64-bit floating-point value",
                    hint: "Gate parameters must be finite numbers.")
            }
            try advance()
            try expression.append(.constant(value), at: start.position)
        case .pi:
            try advance()
            try expression.append(.constant(.pi), at: start.position)
        case .identifier:
            if let index = names.firstIndex(of: token.text) {
                try advance()
                try expression.append(.parameter(index), at: start.position)
            } else if symbolArrays.contains(token.text) {
                try expression.append(.symbol(try parseSymbolReference()), at: start.position)
            } else {
                throw unknownParameter(names)
            }
        case .function(let function):
            try advance()
            try expect(
                .leftParen, "after `\(function.rawValue)`",
                hint: "Functions take their argument in parentheses, as in `\(function.rawValue)(pi/4)`.")
            try parseSum(into: &expression, names)
            try expect(.rightParen, "to close the argument of `\(function.rawValue)` opened at \(start.position)")
            try expression.append(.unary(.function(function)), at: start.position)
        case .leftParen:
            try advance()
            try parseSum(into: &expression, names)
            try expect(.rightParen, "to close the parenthesis opened at \(start.position)")
        default:
            throw unexpected("a number, `pi`, a parameter, a function or `(` in a parameter expression")
        }
    }

    /// `theta[3]`: a template's symbolic parameter, allowed outside gate definitions only.
    private mutating func parseSymbolReference() throws(SimulationError) -> QASMSymbolReference {
        let name = token
        if isInGateDefinition {
            throw SimulationError.invalidQASM(
                at: name.position, "`\(name.text)` cannot be used inside a gate definition",
                hint: "Give the gate a parameter and pass `\(name.text)[…]` to it where the gate is called.")
        }
        try advance()
        try expect(.leftBracket, "and an index after `\(name.text)`", hint: "Write one parameter as `\(name.text)[0]`.")
        let index = try parseInteger(as: Int.self, "(the index into `\(name.text)`)")
        try expect(.rightBracket, "to close the index of `\(name.text)`")
        return QASMSymbolReference(array: name.text, index: index.value)
    }

    /// The error for an identifier that is not a parameter in scope.
    private func unknownParameter(_ names: [String]) -> SimulationError {
        let name = token.text
        if names.isEmpty {
            return SimulationError.invalidQASM(
                at: token.position, "unknown identifier `\(name)` in a parameter expression",
                hint: "Only gate definitions have named parameters; here use numbers, `pi` and functions.")
        }
        let listed = names.map { "`\($0)`" }.joined(separator: ", ")
        return SimulationError.invalidQASM(
            at: token.position, "`\(name)` is not a parameter of this gate",
            hint: "Its parameters are \(listed).\(QASMSuggestion.didYouMean(name, among: names))")
    }

    /// Counts one level of nesting, failing beyond `maxExpressionDepth`.
    private mutating func enterNesting() throws(SimulationError) {
        guard expressionDepth < Self.maxExpressionDepth else {
            throw SimulationError.invalidQASM(
                at: token.position, "the parameter expression nests more than \(Self.maxExpressionDepth) levels deep",
                hint: "Simplify the expression.")
        }
        expressionDepth += 1
    }
}
