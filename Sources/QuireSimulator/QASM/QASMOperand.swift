/// A top-level argument: a whole register (broadcast over its bits) or one indexed bit.
struct QASMOperand {
    var register: Register
    /// The bit's index in its register, or `nil` for the whole register.
    var index: Int?
    /// Where the argument starts (its register name).
    var position: QASMPosition

    /// The global bit for broadcast step `step` (a single bit ignores the step).
    func bit(_ step: Int) -> Int {
        register.offset + (index ?? step)
    }

    /// The argument as written: `q` or `q[3]`.
    var written: String {
        index.map { "\(register.name)[\($0)]" } ?? register.name
    }
}

extension QASMParser {
    /// `name` or `name[index]` naming a register of the given kind, with the index checked.
    mutating func parseOperand(quantum: Bool) throws(SimulationError) -> QASMOperand {
        let kind = quantum ? "quantum register" : "classical register"
        let name = try expect(.identifier, "(a \(kind) or one of its bits)")
        let register: Register
        switch symbols[name.text]?.symbol {
        case .quantumRegister(let index) where quantum:
            register = builder.quantumRegisters[index]
        case .classicalRegister(let index) where !quantum:
            register = builder.classicalRegisters[index]
        case .some(let other):
            throw SimulationError.invalidQASM(
                at: name.position, "`\(name.text)` is \(other.noun), but a \(kind) is expected here",
                hint: quantum
                    ? "Gates, `reset` and `barrier` act on qubits (`qreg`); `measure` writes to bits (`creg`)."
                    : "`measure` writes to a classical register (`creg`).")
        case nil:
            let candidates = symbols.compactMap { entry -> String? in
                switch entry.value.symbol {
                case .quantumRegister where quantum, .classicalRegister where !quantum: entry.key
                default: nil
                }
            }
            throw SimulationError.invalidQASM(
                at: name.position, "undeclared register `\(name.text)`",
                hint:
                    "Declare it first, as in `\(quantum ? "qreg" : "creg") \(name.text)[1];`.\(QASMSuggestion.didYouMean(name.text, among: candidates))"
            )
        }
        guard token.kind == .leftBracket else { return QASMOperand(register: register, index: nil, position: name.position) }
        try advance()
        let index = try parseInteger(as: Int.self, "(the bit's index)")
        guard index.value < register.size else {
            throw SimulationError.invalidQASM(
                at: index.position, "index \(index.value) is out of range for register `\(register.name)` of size \(register.size)",
                hint: "Valid indices are 0 to \(register.size - 1).")
        }
        try expect(.rightBracket, "after the index")
        return QASMOperand(register: register, index: index.value, position: name.position)
    }

    /// `a, b[1], c`: one or more operands of the given kind.
    mutating func parseOperandList(quantum: Bool) throws(SimulationError) -> [QASMOperand] {
        var operands: [QASMOperand] = []
        repeat {
            if !operands.isEmpty { try advance() }
            operands.append(try parseOperand(quantum: quantum))
        } while token.kind == .comma
        return operands
    }

    /// The number of broadcast steps: the common size of the whole-register operands, or 1.
    ///
    /// - Throws: at the first register whose size differs from an earlier one.
    func broadcastCount(_ operands: [QASMOperand], in statement: String) throws(SimulationError) -> Int {
        var first: QASMOperand?
        for operand in operands where operand.index == nil {
            guard let reference = first else {
                first = operand
                continue
            }
            guard operand.register.size == reference.register.size else {
                throw SimulationError.invalidQASM(
                    at: operand.position,
                    "`\(statement)` cannot broadcast over `\(operand.register.name)` (size \(operand.register.size)) and `\(reference.register.name)` (size \(reference.register.size))",
                    hint: "Registers applied together must have the same size; index single bits as `\(operand.register.name)[0]` instead.")
            }
        }
        return first?.register.size ?? 1
    }
}
