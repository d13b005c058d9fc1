/// A recursive-descent reader of OpenQASM 2.0 (Cross et al. 2017) that builds a flat `Circuit`
/// while it parses: registers as declared, gates broadcast over registers, user gates expanded.
struct QASMParser {
    private var lexer: QASMLexer
    /// The current token, not yet consumed.
    var token: QASMToken
    /// Top-level names: registers and gates.
    var symbols: [String: QASMDeclaration] = [:]
    var definitions: [QASMGateDefinition] = []
    var builder: QASMCircuitBuilder
    /// Where `include "qelib1.inc";` is, once it has been read.
    var qelib1Inclusion: QASMPosition?
    /// How deeply the expression being parsed nests (parentheses, unary operators, powers).
    var expressionDepth = 0
    /// Whether a `gate` definition is being read (its body cannot use symbolic parameters).
    var isInGateDefinition = false
    /// Names of a template's symbolic parameter arrays (`theta`, `x`); empty when reading a circuit.
    let symbolArrays: [String]

    /// Deepest expression nesting accepted, so that parsing cannot overflow the call stack.
    static let maxExpressionDepth = 256

    /// Creates a parser positioned at the first token of `source`; `symbolArrays` name a template's
    /// symbolic parameters, whose gate angles it records as `QASMAffine`s.
    init(_ source: String, limits: QASMLimits, symbolArrays: [String] = []) throws(SimulationError) {
        lexer = QASMLexer(source)
        token = try lexer.next()
        builder = QASMCircuitBuilder(limits: limits, recordsAngles: !symbolArrays.isEmpty)
        self.symbolArrays = symbolArrays
    }

    /// Reads the whole program.
    mutating func parseProgram() throws(SimulationError) -> Circuit {
        try parseHeader()
        while token.kind != .endOfFile {
            try parseStatement()
        }
        return builder.circuit
    }

    /// Consumes the current token.
    mutating func advance() throws(SimulationError) {
        token = try lexer.next()
    }

    /// Consumes a token of `kind`, or fails saying what was expected (`purpose` completes
    /// "expected `;` …"; it is only built on failure).
    @discardableResult
    mutating func expect(
        _ kind: QASMTokenKind, _ purpose: @autoclosure () -> String, hint: @autoclosure () -> String? = nil
    ) throws(SimulationError) -> QASMToken {
        guard token.kind == kind else { throw unexpected(kind.spelled + " " + purpose(), hint: hint()) }
        let consumed = token
        try advance()
        return consumed
    }

    /// Consumes the `;` that ends the statement starting at `start`.
    mutating func expectEndOfStatement(startedAt start: QASMPosition) throws(SimulationError) {
        try expect(.semicolon, "to end the statement that starts at \(start)", hint: "Every statement ends with `;`.")
    }

    /// An error at the current token: "expected …, found …".
    func unexpected(_ expected: String, hint: String? = nil) -> SimulationError {
        SimulationError.invalidQASM(at: token.position, "expected \(expected), found \(token.quoted)", hint: hint)
    }

    /// `OPENQASM 2.0;`, which must come first.
    private mutating func parseHeader() throws(SimulationError) {
        guard token.kind == .openqasm else {
            throw unexpected("`OPENQASM 2.0;` first", hint: "Start the program with `OPENQASM 2.0;`; only comments may come before it.")
        }
        let start = token.position
        try advance()
        guard token.kind == .real || token.kind == .integer else { throw unexpected("a version number such as `2.0`") }
        guard Double(token.text) == 2 else {
            throw SimulationError.invalidQASM(
                at: token.position, "unsupported OpenQASM version \(token.text)",
                hint: "This reader reads OpenQASM 2.0; write `OPENQASM 2.0;`.")
        }
        try advance()
        try expectEndOfStatement(startedAt: start)
    }

    /// One top-level statement.
    private mutating func parseStatement() throws(SimulationError) {
        switch token.kind {
        case .include: try parseInclude()
        case .qreg, .creg: try parseRegisterDeclaration()
        case .gate: try parseGateDefinition()
        case .opaque:
            throw SimulationError.invalidQASM(
                at: token.position, "`opaque` gates are not supported: they have no definition to simulate",
                hint: "Define the gate with `gate name(params) qubits { … }` in terms of qelib1.inc gates.")
        case .barrier: try parseBarrier()
        case .if: try parseConditional()
        case .measure, .reset, .identifier, .builtinU, .builtinCX: try parseQuantumOperation(condition: nil, start: token.position)
        case .openqasm:
            throw SimulationError.invalidQASM(
                at: token.position, "`OPENQASM` may only appear once, as the first statement", hint: "Remove this repeated version header.")
        default:
            throw unexpected("a statement (a declaration, gate, `measure`, `reset`, `barrier` or `if`)")
        }
    }

    /// `include "qelib1.inc";`, the only include this reader knows; it never reads files.
    private mutating func parseInclude() throws(SimulationError) {
        let start = token.position
        try advance()
        let file = try expect(.string, "(a quoted file name) after `include`")
        guard file.text == "qelib1.inc" else {
            throw SimulationError.invalidQASM(
                at: file.position, "cannot include \"\(file.text)\": only \"qelib1.inc\" is available",
                hint: "Quire never reads files; define the gates you need with `gate` in the program itself.")
        }
        if let qelib1Inclusion {
            throw SimulationError.invalidQASM(
                at: start, "\"qelib1.inc\" is already included at \(qelib1Inclusion)", hint: "Remove the repeated include.")
        }
        for gate in StandardGate.qelib1 {
            if let existing = symbols[gate.rawValue] {
                throw SimulationError.invalidQASM(
                    at: file.position,
                    "including \"qelib1.inc\" redeclares `\(gate.rawValue)`, already declared as \(existing.symbol.noun)\(existing.origin)",
                    hint: "Rename `\(gate.rawValue)`, or include \"qelib1.inc\" before declaring it.")
            }
        }
        for gate in StandardGate.qelib1 {
            symbols[gate.rawValue] = QASMDeclaration(symbol: .gate(.standard(gate)), position: nil)
        }
        qelib1Inclusion = start
        try expectEndOfStatement(startedAt: start)
    }

    /// Fails if `name` is already declared at the top level.
    func checkUndeclared(_ name: String, at position: QASMPosition) throws(SimulationError) {
        guard let existing = symbols[name] else { return }
        if existing.position == nil {
            throw SimulationError.invalidQASM(
                at: position, "`\(name)` is already declared in qelib1.inc", hint: "Choose another name, such as `my_\(name)`.")
        }
        throw SimulationError.invalidQASM(
            at: position, "`\(name)` is already declared as \(existing.symbol.noun)\(existing.origin)",
            hint: "Each register and gate needs its own name.")
    }

    /// A non-negative integer literal that fits `T` (register sizes, indices, condition values).
    mutating func parseInteger<T: FixedWidthInteger>(as type: T.Type, _ purpose: String) throws(SimulationError) -> (
        value: T, position: QASMPosition
    ) {
        guard token.kind == .integer else { throw unexpected("an integer \(purpose)") }
        guard let value = T(token.text) else {
            throw SimulationError.invalidQASM(at: token.position, "the integer \(token.text) is too large", hint: "Use a value of at most \(T.max).")
        }
        let position = token.position
        try advance()
        return (value, position)
    }
}
