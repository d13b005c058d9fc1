/// Top-level operations: gate calls, `measure`, `reset`, `barrier` and `if`.
extension QASMParser {
    /// A gate call, `measure` or `reset`, optionally under a condition; `start` is where the
    /// statement (including any `if`) begins.
    mutating func parseQuantumOperation(condition: Condition?, start: QASMPosition) throws(SimulationError) {
        switch token.kind {
        case .measure: try parseMeasure(condition: condition, start: start)
        case .reset: try parseReset(condition: condition, start: start)
        default: try parseGateApplication(condition: condition, start: start)
        }
    }

    /// `name(params) args;`, broadcast over whole-register arguments.
    private mutating func parseGateApplication(condition: Condition?, start: QASMPosition) throws(SimulationError) {
        let call = try parseGateCallHead(parameterNames: [])
        // Outside gate definitions there are no gate parameters: folding made each expression a
        // constant, unless it uses a template's symbolic parameters.
        if symbolArrays.isEmpty {
            try applyGate(call, parameters: evaluated(call, as: Double.self), condition: condition, start: start)
        } else {
            try applyGate(call, parameters: evaluated(call, as: QASMAffine.self), condition: condition, start: start)
        }
    }

    /// The values of a top-level call's parameter expressions.
    private func evaluated<Value: QASMValue>(_ call: QASMGateCall, as type: Value.Type) throws(SimulationError) -> [Value] {
        var stack: [Value] = []
        var parameters: [Value] = []
        for expression in call.parameters {
            parameters.append(try expression.evaluate(parameters: [], stack: &stack))
        }
        return parameters
    }

    /// Reads the qubit arguments of `call` and appends its operations, broadcast over registers.
    private mutating func applyGate<Value: QASMValue>(
        _ call: QASMGateCall, parameters: [Value], condition: Condition?, start: QASMPosition
    ) throws(SimulationError) {
        let operands = try parseOperandList(quantum: true)
        try checkQubitCount(of: call, given: operands.map(\.position))
        let steps = try broadcastCount(operands, in: call.name)
        let perStep: Int
        switch call.symbol {
        case .standard: perStep = 1
        case .user(let index): perStep = definitions[index].expandedCount
        }
        let (total, overflow) = steps.multipliedReportingOverflow(by: perStep)
        try builder.reserve(overflow ? Int.max : total, at: start)
        for step in 0..<steps {
            var qubits: [Int] = []
            qubits.reserveCapacity(operands.count)
            for operand in operands {
                let qubit = operand.bit(step)
                if let earlier = qubits.firstIndex(of: qubit) {
                    throw SimulationError.invalidQASM(
                        at: operand.position,
                        "qubit \(operand.register.name)[\(qubit - operand.register.offset)] is used twice in one `\(call.name)`",
                        hint: "A gate's qubits must be distinct; `\(operands[earlier].written)` already supplies it.")
                }
                qubits.append(qubit)
            }
            switch call.symbol {
            case .standard(let gate):
                builder.append(gate, qubits: qubits, parameters: parameters, condition: condition, at: start)
            case .user(let index):
                try builder.expand(index, of: definitions, parameters: parameters, qubits: qubits, condition: condition, at: start)
            }
        }
        try expectEndOfStatement(startedAt: start)
    }

    /// `measure q -> c;` (equal-size registers, bit by bit) or `measure q[i] -> c[j];`.
    private mutating func parseMeasure(condition: Condition?, start: QASMPosition) throws(SimulationError) {
        try advance()
        let qubit = try parseOperand(quantum: true)
        try expect(.arrow, "between the measured qubit and the classical bit", hint: "Write `measure q[0] -> c[0];`.")
        let clbit = try parseOperand(quantum: false)
        if (qubit.index == nil) != (clbit.index == nil) {
            throw SimulationError.invalidQASM(
                at: clbit.position,
                "cannot measure `\(qubit.written)` into `\(clbit.written)`: one is a register and the other a single bit",
                hint: "Measure a register into a register of the same size, or one qubit into one bit.")
        }
        let steps = try broadcastCount([qubit, clbit], in: "measure")
        try builder.reserve(steps, at: start)
        for step in 0..<steps {
            builder.append(.measure(qubit: qubit.bit(step), clbit: clbit.bit(step)), condition: condition, at: start)
        }
        try expectEndOfStatement(startedAt: start)
    }

    /// `reset q;` or `reset q[i];`.
    private mutating func parseReset(condition: Condition?, start: QASMPosition) throws(SimulationError) {
        try advance()
        let qubit = try parseOperand(quantum: true)
        let steps = qubit.index == nil ? qubit.register.size : 1
        try builder.reserve(steps, at: start)
        for step in 0..<steps {
            builder.append(.reset(qubit: qubit.bit(step)), condition: condition, at: start)
        }
        try expectEndOfStatement(startedAt: start)
    }

    /// `barrier a, b[1];`: one barrier on the listed qubits, each once, in order of first mention.
    mutating func parseBarrier() throws(SimulationError) {
        let start = token.position
        try advance()
        var qubits: [Int] = []
        for operand in try parseOperandList(quantum: true) {
            for step in 0..<(operand.index == nil ? operand.register.size : 1) where !qubits.contains(operand.bit(step)) {
                qubits.append(operand.bit(step))
            }
        }
        try builder.reserve(1, at: start)
        builder.append(.barrier(qubits: qubits), condition: nil, at: start)
        try expectEndOfStatement(startedAt: start)
    }

    /// `if (c == n) op;`: the condition applies to every operation `op` expands into.
    mutating func parseConditional() throws(SimulationError) {
        let start = token.position
        try advance()
        try expect(.leftParen, "after `if`", hint: "Write a condition as `if (c==1) x q[0];`.")
        let name = try expect(.identifier, "(a classical register) in the condition")
        guard case .classicalRegister(let index) = symbols[name.text]?.symbol else {
            let found = symbols[name.text].map { "`\(name.text)` is \($0.symbol.noun)" } ?? "undeclared register `\(name.text)`"
            let candidates = builder.classicalRegisters.map(\.name)
            throw SimulationError.invalidQASM(
                at: name.position, "a condition compares a classical register, but \(found)",
                hint: "Compare a `creg`, as in `if (c==1) x q[0];`.\(QASMSuggestion.didYouMean(name.text, among: candidates))")
        }
        try expect(.equalEqual, "after the register in the condition")
        let value = try parseInteger(as: UInt64.self, "to compare the register with")
        try expect(.rightParen, "to close the condition")
        switch token.kind {
        case .measure, .reset, .identifier, .builtinU, .builtinCX:
            let condition = Condition(register: builder.classicalRegisters[index], value: value.value)
            try parseQuantumOperation(condition: condition, start: start)
        default:
            throw unexpected(
                "a gate call, `measure` or `reset` after the condition",
                hint: "Only one gate, measurement or reset can be conditioned; barriers and declarations cannot.")
        }
    }
}
