/// Register and gate declarations.
extension QASMParser {
    /// `qreg name[size];` or `creg name[size];`.
    mutating func parseRegisterDeclaration() throws(SimulationError) {
        let start = token.position
        let quantum = token.kind == .qreg
        try advance()
        let name = try expect(.identifier, "(the register's name)")
        try checkUndeclared(name.text, at: name.position)
        try expect(
            .leftBracket, "and the register's size after its name",
            hint: "Declare a register as `\(quantum ? "qreg" : "creg") \(name.text)[2];`.")
        let size = try parseInteger(as: Int.self, "(the register's size)")
        try expect(.rightBracket, "after the register's size")
        let index = try builder.declareRegister(quantum: quantum, name: name.text, size: size.value, at: size.position)
        symbols[name.text] = QASMDeclaration(symbol: quantum ? .quantumRegister(index) : .classicalRegister(index), position: name.position)
        try expectEndOfStatement(startedAt: start)
    }

    /// `gate name(params) qubits { body }`; the body may call `U`, `CX`, earlier gates and `barrier`.
    mutating func parseGateDefinition() throws(SimulationError) {
        isInGateDefinition = true
        defer { isInGateDefinition = false }
        try advance()
        guard token.kind == .identifier else {
            let hint = token.kind == .builtinU || token.kind == .builtinCX ? "`U` and `CX` are built in and cannot be redefined." : nil
            throw unexpected("a gate name after `gate`", hint: hint)
        }
        let name = token
        try checkUndeclared(name.text, at: name.position)
        try advance()
        var parameterNames: [String] = []
        if token.kind == .leftParen {
            try advance()
            if token.kind != .rightParen {
                parameterNames = try parseNameList("parameter", disjointFrom: [])
            }
            try expect(.rightParen, "to close the parameter list")
        }
        let qubitNames = try parseNameList("qubit argument", disjointFrom: parameterNames)
        let open = try expect(.leftBrace, "to open the body of gate `\(name.text)`")
        var body: [QASMGateDefinition.Instruction] = []
        var total = 0
        while token.kind != .rightBrace {
            let instruction = try parseBodyInstruction(
                gate: name.text, parameterNames: parameterNames, qubitNames: qubitNames, bodyStart: open.position)
            let count = expandedCount(of: instruction.target)
            // A call that expands to nothing is dropped, so that expanding a body always makes
            // operations and the work stays bounded by QASMLimits.maxOperations.
            guard count > 0 else { continue }
            let (sum, overflow) = total.addingReportingOverflow(count)
            total = overflow ? Int.max : sum
            body.append(instruction)
        }
        try advance()
        definitions.append(
            QASMGateDefinition(
                name: name.text, parameterNames: parameterNames, qubitNames: qubitNames,
                body: body, expandedCount: total))
        symbols[name.text] = QASMDeclaration(symbol: .gate(.user(definitions.count - 1)), position: name.position)
    }

    /// Number of operations one call of a body instruction's target expands into.
    private func expandedCount(of target: QASMGateDefinition.Instruction.Target) -> Int {
        switch target {
        case .standard, .barrier: 1
        case .user(let index): definitions[index].expandedCount
        }
    }

    /// `a, b, c`: one or more distinct identifiers, none of them in `others`.
    private mutating func parseNameList(_ role: String, disjointFrom others: [String]) throws(SimulationError) -> [String] {
        var names: [String] = []
        repeat {
            if !names.isEmpty { try advance() }
            let name = try expect(.identifier, "(a \(role) name)")
            if names.contains(name.text) || others.contains(name.text) {
                let what = names.contains(name.text) ? role : "parameter"
                throw SimulationError.invalidQASM(
                    at: name.position, "`\(name.text)` is already declared as a \(what) of this gate",
                    hint: "Give each parameter and qubit argument its own name.")
            }
            names.append(name.text)
        } while token.kind == .comma
        return names
    }

    /// One statement in a gate body: `barrier a, b;` or a gate call on formal qubits.
    private mutating func parseBodyInstruction(
        gate: String, parameterNames: [String], qubitNames: [String],
        bodyStart: QASMPosition
    ) throws(SimulationError) -> QASMGateDefinition.Instruction {
        let start = token.position
        var call: QASMGateCall?
        switch token.kind {
        case .barrier:
            try advance()
        case .identifier, .builtinU, .builtinCX:
            call = try parseGateCallHead(parameterNames: parameterNames)
        case .endOfFile:
            throw unexpected("`}` to close the body of gate `\(gate)` opened at \(bodyStart)")
        default:
            throw unexpected(
                "a gate call, `barrier` or `}` in the body of gate `\(gate)`",
                hint: "A gate body holds only gate calls and barriers; `measure`, `reset`, `if` and declarations belong outside it.")
        }
        var qubits: [Int] = []
        var positions: [QASMPosition] = []
        repeat {
            if !positions.isEmpty { try advance() }
            let (qubit, position) = try parseFormalQubit(of: gate, qubitNames: qubitNames)
            if let earlier = qubits.firstIndex(of: qubit) {
                // A barrier lists each qubit once, as Qiskit's reader does; a gate may not repeat one.
                guard call == nil else {
                    throw SimulationError.invalidQASM(
                        at: position, "qubit `\(qubitNames[qubit])` is used twice in one gate call",
                        hint: "A gate's qubits must be distinct; the first use is at \(positions[earlier]).")
                }
                continue
            }
            qubits.append(qubit)
            positions.append(position)
        } while token.kind == .comma
        if let call { try checkQubitCount(of: call, given: positions) }
        try expectEndOfStatement(startedAt: start)
        let target: QASMGateDefinition.Instruction.Target
        switch call?.symbol {
        case nil: target = .barrier
        case .standard(let standard): target = .standard(standard)
        case .user(let index): target = .user(index)
        }
        return QASMGateDefinition.Instruction(target: target, parameters: call?.parameters ?? [], qubits: qubits)
    }

    /// A qubit argument inside a gate body: one of the gate's formal qubit names, never indexed.
    private mutating func parseFormalQubit(of gate: String, qubitNames: [String]) throws(SimulationError) -> (Int, QASMPosition) {
        let name = try expect(.identifier, "(a qubit argument of gate `\(gate)`)")
        guard let index = qubitNames.firstIndex(of: name.text) else {
            let listed = qubitNames.map { "`\($0)`" }.joined(separator: ", ")
            throw SimulationError.invalidQASM(
                at: name.position, "`\(name.text)` is not a qubit argument of gate `\(gate)`",
                hint: "Its qubit arguments are \(listed).\(QASMSuggestion.didYouMean(name.text, among: qubitNames))")
        }
        if token.kind == .leftBracket {
            throw SimulationError.invalidQASM(
                at: token.position, "a gate's qubit arguments cannot be indexed inside its body",
                hint: "Inside a gate body, `\(name.text)` is a single qubit; write `\(name.text)` alone.")
        }
        return (index, name.position)
    }
}
