/// Accumulates registers and operations while a program is read, enforcing `QASMLimits`.
struct QASMCircuitBuilder {
    let limits: QASMLimits
    private(set) var quantumRegisters: [Register] = []
    private(set) var classicalRegisters: [Register] = []
    private(set) var operations: [Operation] = []
    /// Whether gate parameters are recorded as `QASMAffine`s in `angles` (reading a template).
    let recordsAngles: Bool
    /// For a template, each operation's parameters as affine functions (empty for non-gates).
    private(set) var angles: [[QASMAffine]] = []

    init(limits: QASMLimits, recordsAngles: Bool = false) {
        self.limits = limits
        self.recordsAngles = recordsAngles
    }

    /// The finished circuit.
    var circuit: Circuit {
        Circuit(quantumRegisters: quantumRegisters, classicalRegisters: classicalRegisters, operations: operations)
    }

    /// Adds a register of `size` bits after the existing ones of its kind; returns its index.
    ///
    /// - Throws: at `position` (the size) if the size is 0, or the qubits would exceed `limits.maxQubits`.
    mutating func declareRegister(quantum: Bool, name: String, size: Int, at position: QASMPosition) throws(SimulationError) -> Int {
        guard size > 0 else {
            throw SimulationError.invalidQASM(
                at: position, "register `\(name)` has size 0",
                hint: "Declare at least one bit, as in `\(quantum ? "qreg" : "creg") \(name)[1];`.")
        }
        let existing = quantum ? quantumRegisters : classicalRegisters
        let offset = existing.last.map { $0.offset + $0.size } ?? 0
        let (total, overflow) = offset.addingReportingOverflow(size)
        if quantum && (overflow || total > limits.maxQubits) {
            throw SimulationError.invalidQASM(
                at: position,
                "`qreg \(name)[\(size)]` brings the program to \(overflow ? "more than \(Int.max)" : "\(total)") qubits, more than the limit of \(limits.maxQubits) (QASMLimits.maxQubits)",
                hint: "Use fewer qubits, or raise QASMLimits.maxQubits if the simulation fits in memory.")
        }
        guard !overflow else {
            throw SimulationError.invalidQASM(
                at: position, "`creg \(name)[\(size)]` brings the program to more than \(Int.max) classical bits",
                hint: "Declare fewer classical bits.")
        }
        let register = Register(name: name, size: size, offset: offset)
        if quantum {
            quantumRegisters.append(register)
            return quantumRegisters.count - 1
        }
        classicalRegisters.append(register)
        return classicalRegisters.count - 1
    }

    /// Checks that `count` more operations fit within `limits.maxOperations` and, at
    /// `Circuit.bytesPerOperation` each, within `limits.maxMemoryBytes`, before any is made.
    ///
    /// - Throws: at `position`, the statement that would exceed the limit, naming it and the estimate.
    func reserve(_ count: Int, at position: QASMPosition) throws(SimulationError) {
        let budget = limits.operationBudget
        // The first test keeps the subtraction from overflowing whatever the limit.
        guard operations.count <= budget, count <= budget - operations.count else {
            let expansion = "this statement expands to \(count == Int.max ? "at least \(Int.max)" : "\(count)") operations"
            if budget == limits.maxOperations {
                throw SimulationError.invalidQASM(
                    at: position,
                    "\(expansion), bringing the circuit past the limit of \(limits.maxOperations) operations (QASMLimits.maxOperations)",
                    hint: "Simplify the circuit, or raise QASMLimits.maxOperations.")
            }
            let total = operations.count.addingReportingOverflow(count)
            let bytes = total.overflow ? nil : total.partialValue.multipliedReportingOverflow(by: Circuit.bytesPerOperation)
            let estimate = bytes.flatMap { $0.overflow ? nil : "about \(QASMLimits.gibibytes($0.partialValue)) GiB" } ?? "more than \(Int.max) bytes"
            throw SimulationError.invalidQASM(
                at: position,
                "\(expansion); the circuit would need \(estimate) (\(Circuit.bytesPerOperation) bytes per operation), above the memory limit of \(QASMLimits.gibibytes(limits.maxMemoryBytes)) GiB",
                hint: "Simplify the circuit, or raise the memory limit (--max-memory-gib).")
        }
    }

    /// Appends an operation made by the statement starting at `position`.
    mutating func append(_ kind: Operation.Kind, condition: Condition?, at position: QASMPosition) {
        operations.append(Operation(kind, condition: condition, line: position.line, column: position.column))
        if recordsAngles { angles.append([]) }
    }

    /// Appends a standard gate; a template's symbolic parameters are 0 in the circuit and recorded in `angles`.
    mutating func append<Value: QASMValue>(
        _ gate: StandardGate, qubits: [Int], parameters: [Value], condition: Condition?, at position: QASMPosition
    ) {
        append(.gate(gate, qubits: qubits, parameters: parameters.map(\.constantPart)), condition: condition, at: position)
        if recordsAngles { angles[angles.count - 1] = parameters.map { $0.affine ?? QASMAffine(constant: $0.constantPart) } }
    }

    /// Appends the operations one call of a user gate expands into, depth first with an explicit
    /// stack (so deeply nested definitions cannot overflow the call stack). Callers `reserve` first.
    ///
    /// - Throws: a parameter expression's error, at its position in the body, naming the call.
    mutating func expand<Value: QASMValue>(
        _ definitionIndex: Int, of definitions: [QASMGateDefinition], parameters: [Value], qubits: [Int],
        condition: Condition?, at position: QASMPosition
    ) throws(SimulationError) {
        // Evaluation stack reused by every expression of the expansion (constants never touch it).
        var stack: [Value] = []
        var frames = [Frame<Value>(definition: definitionIndex, parameters: parameters, qubits: qubits)]
        while let top = frames.indices.last {
            let definition = definitions[frames[top].definition]
            guard frames[top].next < definition.body.count else {
                frames.removeLast()
                continue
            }
            let instruction = definition.body[frames[top].next]
            frames[top].next += 1
            let actualQubits = instruction.qubits.map { frames[top].qubits[$0] }
            var values: [Value] = []
            values.reserveCapacity(instruction.parameters.count)
            for expression in instruction.parameters {
                do {
                    values.append(try expression.evaluate(parameters: frames[top].parameters, stack: &stack))
                } catch {
                    throw error.adding(context: " (in gate `\(definition.name)`, expanding the call at \(position))")
                }
            }
            switch instruction.target {
            case .standard(let gate):
                append(gate, qubits: actualQubits, parameters: values, condition: condition, at: position)
            case .barrier:
                append(.barrier(qubits: actualQubits), condition: condition, at: position)
            case .user(let callee):
                frames.append(Frame(definition: callee, parameters: values, qubits: actualQubits))
            }
        }
    }

    /// A user gate being expanded: which one, with what arguments, and how far.
    private struct Frame<Value: QASMValue> {
        var definition: Int
        var parameters: [Value]
        var qubits: [Int]
        var next = 0
    }
}
