/// A circuit template whose gate angles are affine in trainable parameters θ and circuit inputs u
/// (see `AngleExpression`): the shape shared by encodings, ansätze and whole variational models.
///
/// `bind(parameters:inputs:)` gives a plain `Circuit` for any engine (density matrix, noise, shots);
/// `CompiledCircuit` applies the same gates in place to an `AmplitudeBuffer` without allocating.
public struct ParameterizedCircuit: Hashable, Sendable {
    /// Number of qubits.
    public let qubitCount: Int
    /// Number of trainable parameters θ the angles may refer to.
    public let parameterCount: Int
    /// Number of circuit inputs u the angles and conditions may refer to.
    public let inputCount: Int
    /// The gates in time order.
    public let gates: [ParameterizedGate]

    /// Creates a template, checking every gate against the supported set and every index against the counts.
    ///
    /// - Throws: `SimulationError.invalidParameterizedCircuit` naming the first offending gate.
    public init(qubitCount: Int, parameterCount: Int, inputCount: Int, gates: [ParameterizedGate]) throws {
        for (position, gate) in gates.enumerated() {
            if let problem = Self.problem(with: gate, qubits: qubitCount, parameters: parameterCount, inputs: inputCount) {
                throw SimulationError.invalidParameterizedCircuit(message: "gate \(position) (\(gate.gate.rawValue)): \(problem)")
            }
        }
        self.qubitCount = qubitCount
        self.parameterCount = parameterCount
        self.inputCount = inputCount
        self.gates = gates
    }

    /// What is wrong with `gate` in a template of the given sizes, or nil.
    static func problem(with gate: ParameterizedGate, qubits: Int, parameters: Int, inputs: Int) -> String? {
        let isRotation = ParameterizedGate.rotationGates.contains(gate.gate)
        let isMatrix = ParameterizedGate.matrixGates.contains(gate.gate)
        guard isRotation || isMatrix || ParameterizedGate.fixedGates.contains(gate.gate) else {
            return "not supported in parameterized circuits; use one of "
                + (ParameterizedGate.fixedGates.union(ParameterizedGate.rotationGates)).map(\.rawValue).sorted().joined(separator: ", ")
        }
        guard gate.qubits.count == gate.gate.qubitCount, gate.qubits.allSatisfy({ (0..<qubits).contains($0) }),
            Set(gate.qubits).count == gate.qubits.count
        else { return "needs \(gate.gate.qubitCount) distinct qubits in 0..<\(qubits), got \(gate.qubits)" }
        guard isRotation == (gate.angle != nil) else { return isRotation ? "needs an angle" : "takes no angle" }
        guard gate.constants.count == (isMatrix ? gate.gate.parameterCount : 0) else {
            return "needs \(isMatrix ? gate.gate.parameterCount : 0) constant parameters, got \(gate.constants.count)"
        }
        if let p = gate.angle?.parameter, !(0..<parameters).contains(p) { return "parameter \(p) outside 0..<\(parameters)" }
        if let u = gate.angle?.input, !(0..<inputs).contains(u) { return "input \(u) outside 0..<\(inputs)" }
        if let u = gate.condition, !(0..<inputs).contains(u) { return "condition input \(u) outside 0..<\(inputs)" }
        return nil
    }

    /// `self` followed by `other` on the same qubits and inputs, with `other`'s parameter indices
    /// shifted past this template's (so the two blocks train separate parameters).
    public func appending(_ other: ParameterizedCircuit) throws -> ParameterizedCircuit {
        guard other.qubitCount == qubitCount, other.inputCount == inputCount else {
            throw SimulationError.invalidParameterizedCircuit(
                message:
                    "cannot append a \(other.qubitCount)-qubit, \(other.inputCount)-input block to a \(qubitCount)-qubit, \(inputCount)-input one")
        }
        let shifted = other.gates.map { gate in
            var gate = gate
            if let p = gate.angle?.parameter { gate.angle?.parameter = p + parameterCount }
            return gate
        }
        return try ParameterizedCircuit(
            qubitCount: qubitCount, parameterCount: parameterCount + other.parameterCount, inputCount: inputCount, gates: gates + shifted)
    }

    /// The plain circuit for parameters θ and inputs u (conditional gates whose input is zero are left out).
    ///
    /// - Precondition: `parameters.count == parameterCount`, `inputs.count == inputCount`.
    public func bind(parameters: [Double], inputs: [Double]) -> Circuit {
        bind(parameters: parameters, inputs: inputs, shifting: nil)
    }

    /// `bind` with the angle of gate `shifting.gate` moved by `shifting.shift` (parameter-shift rule).
    func bind(parameters: [Double], inputs: [Double], shifting: (gate: Int, shift: Double)?) -> Circuit {
        precondition(parameters.count == parameterCount && inputs.count == inputCount, "bind: wrong number of parameters or inputs")
        var operations = [Operation]()
        operations.reserveCapacity(gates.count)
        parameters.withUnsafeBufferPointer { theta in
            inputs.withUnsafeBufferPointer { u in
                for (index, gate) in gates.enumerated() where gate.condition.map({ u[$0] != 0 }) ?? true {
                    let shift = shifting.map { $0.gate == index ? $0.shift : 0 } ?? 0
                    let values = gate.angle.map { [$0.value(parameters: theta, inputs: u) + shift] } ?? gate.constants
                    operations.append(Operation(.gate(gate.gate, qubits: gate.qubits, parameters: values)))
                }
            }
        }
        return Circuit(quantumRegisters: [Register(name: "q", size: qubitCount, offset: 0)], operations: operations)
    }
}
