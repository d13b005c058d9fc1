/// A gate parameter of a template: `constant + Σ coefficient · array[index]`, affine in the
/// symbolic parameters the template declares (`theta[k]`, `x[i]`).
///
/// Sums, differences, negation, products with a constant and division by a constant keep an
/// expression affine; a product or quotient of two symbolic terms, a power or a function of one is
/// refused where it is written, since gradients by parameter shift and adjoint differentiation need
/// angles affine in the trained parameters.
public struct QASMAffine: Hashable, Sendable {
    /// One symbolic term.
    public struct Term: Hashable, Sendable {
        /// The array's name (`theta`).
        public var array: String
        /// The index in the array.
        public var index: Int
        /// The coefficient (never 0: cancelled terms are dropped).
        public var coefficient: Double
        /// Where the term is first written (1-based line and UTF-8 column of the QASM source).
        public var line: Int
        /// See `line`.
        public var column: Int

        /// `array[index]`.
        public var name: String { "\(array)[\(index)]" }
    }

    /// The constant term.
    public var constant: Double
    /// The symbolic terms, in order of first appearance, each symbol once.
    public var terms: [Term]

    /// Creates `constant + Σ terms`.
    public init(constant: Double, terms: [Term] = []) {
        self.constant = constant
        self.terms = terms
    }

    /// The expression as written in messages: `2*theta[0] + 1.5707963267948966`.
    var written: String {
        let parts =
            terms.map { $0.coefficient == 1 ? $0.name : "\($0.coefficient)*\($0.name)" } + (constant == 0 && !terms.isEmpty ? [] : ["\(constant)"])
        return parts.joined(separator: " + ")
    }

    /// `self` with every coefficient and the constant put through `transform`, checked finite.
    private func mapped(_ transform: (Double) throws(SimulationError) -> Double) throws(SimulationError) -> QASMAffine {
        var result = QASMAffine(constant: try transform(constant))
        for term in terms {
            var scaled = term
            scaled.coefficient = try transform(term.coefficient)
            if scaled.coefficient != 0 { result.terms.append(scaled) }
        }
        return result
    }

    /// The error for an operation that would leave the affine functions.
    private static func notAffine(_ description: String, at position: QASMPosition) -> SimulationError {
        SimulationError.invalidQASM(
            at: position, "\(description) is not affine in the template's parameters",
            hint: "Write each angle as constant + a*theta[k] (+ b*x[i]): sums, and products and quotients with numbers; "
                + "parameter-shift and adjoint gradients need that.")
    }
}

extension QASMAffine: QASMValue {
    init(constant value: Double) { self.init(constant: value, terms: []) }

    static func symbol(_ reference: QASMSymbolReference, at position: QASMPosition) throws(SimulationError) -> QASMAffine {
        QASMAffine(
            constant: 0, terms: [Term(array: reference.array, index: reference.index, coefficient: 1, line: position.line, column: position.column)])
    }

    static func apply(_ unary: QASMExpression.UnaryOperator, _ operand: QASMAffine, at position: QASMPosition) throws(SimulationError)
        -> QASMAffine
    {
        switch unary {
        case .negate:
            return try operand.mapped { (value: Double) throws(SimulationError) in -value }
        case .function(let function):
            guard operand.terms.isEmpty else { throw notAffine("\(function.rawValue)(\(operand.written))", at: position) }
            return QASMAffine(constant: try Double.apply(unary, operand.constant, at: position))
        }
    }

    static func apply(_ binary: QASMExpression.BinaryOperator, _ left: QASMAffine, _ right: QASMAffine, at position: QASMPosition)
        throws(SimulationError) -> QASMAffine
    {
        switch binary {
        case .add, .subtract:
            var result = QASMAffine(constant: try Double.apply(binary, left.constant, right.constant, at: position), terms: left.terms)
            for term in right.terms {
                var added = term
                if binary == .subtract { added.coefficient = -term.coefficient }
                if let existing = result.terms.firstIndex(where: { $0.array == term.array && $0.index == term.index }) {
                    result.terms[existing].coefficient = try Double.apply(.add, result.terms[existing].coefficient, added.coefficient, at: position)
                } else {
                    result.terms.append(added)
                }
            }
            result.terms.removeAll { $0.coefficient == 0 }
            return result
        case .multiply:
            if left.terms.isEmpty {
                return try right.mapped { (value: Double) throws(SimulationError) in try Double.apply(.multiply, left.constant, value, at: position) }
            }
            if right.terms.isEmpty {
                return try left.mapped { (value: Double) throws(SimulationError) in try Double.apply(.multiply, value, right.constant, at: position) }
            }
            throw notAffine("the product (\(left.written)) * (\(right.written))", at: position)
        case .divide:
            guard right.terms.isEmpty else { throw notAffine("the quotient (\(left.written)) / (\(right.written))", at: position) }
            return try left.mapped { (value: Double) throws(SimulationError) in try Double.apply(.divide, value, right.constant, at: position) }
        case .power:
            guard left.terms.isEmpty, right.terms.isEmpty else {
                throw notAffine("the power (\(left.written)) ^ (\(right.written))", at: position)
            }
            return QASMAffine(constant: try Double.apply(.power, left.constant, right.constant, at: position))
        }
    }

    var constantPart: Double { constant }
    var affine: QASMAffine? { self }
}
