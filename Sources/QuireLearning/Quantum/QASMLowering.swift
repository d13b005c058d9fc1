import QuireSimulator

/// Lowers a custom ansatz or encoding written as an OpenQASM 2 body to a `ParameterizedCircuit`.
///
/// The body is gate statements on `q[0]` … `q[n−1]` (Quire supplies `OPENQASM 2.0;`,
/// `include "qelib1.inc";` and `qreg q[n];` with n the model's qubits); user `gate` definitions,
/// register broadcasting and `barrier` (which is dropped) work as in any program. An ansatz's angles
/// may use trained parameters `theta[k]`, an encoding's the features `x[i]`; each angle must be
/// affine with at most one of them, `c + a·theta[k]` or `c + b·x[i]` (`QASMAffine`), which is what
/// adjoint differentiation and the parameter-shift rule need. An ansatz uses `theta[0]` …
/// `theta[k−1]`, every index, and trains k parameters per layer. Gates must be those
/// `ParameterizedGate` supports; `measure`, `reset` and `if` are refused (the model measures its
/// observable itself).
public enum QASMLowering {
    /// What the body is: it decides which symbol array it may use.
    public enum Role: Hashable, Sendable {
        /// Trainable layers: `theta[k]`.
        case ansatz
        /// A data encoding of `features` features: `x[i]`, i < features.
        case encoding(features: Int)

        var symbol: String {
            if case .ansatz = self { "theta" } else { "x" }
        }

        var noun: String {
            if case .ansatz = self { "an ansatz" } else { "an encoding" }
        }
    }

    /// The qubits a body writes on: the highest `q[k]` it names, plus 1 (at least 1), so it can be
    /// lowered on that many qubits or more (`Encoding.minimumQubits`, `Ansatz.minimumQubits`).
    public static func qubitsWritten(by body: String) -> Int {
        (QASMReader.highestIndex(of: "q", in: body) ?? 0) + 1
    }

    /// The body as a template on `qubits` qubits: for an ansatz, θ = theta and no inputs; for an
    /// encoding, inputs u = x (one per feature) and no parameters.
    ///
    /// - Throws: `SimulationError` located in `body` (1-based line and UTF-8 column) for a syntax error,
    ///   an unknown or unsupported gate, a non-affine angle, `measure`/`reset`/`if`, an array the
    ///   role may not use, an index beyond the features, an ansatz without parameters or with a gap.
    public static func lower(_ body: String, role: Role, qubits: Int) throws(SimulationError) -> ParameterizedCircuit {
        let header = "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[\(qubits)];\n"
        let template: QASMTemplate
        do {
            template = try QASMReader.readTemplate(header + body, symbols: ["theta", "x"])
        } catch {
            throw error.movedUp(lines: 1)
        }
        var gates: [ParameterizedGate] = []
        var used: [Int: QASMAffine.Term] = [:]
        for (operation, angles) in zip(template.circuit.operations, template.angles) {
            let position = (line: operation.line - 1, column: operation.column)
            if operation.condition != nil {
                throw SimulationError.invalidQASM(
                    line: position.line, column: position.column, message: "`if` cannot be used in \(role.noun)",
                    hint: "A trained circuit is unitary; remove the condition.")
            }
            switch operation.kind {
            case .barrier:
                continue
            case .measure, .reset:
                throw SimulationError.invalidQASM(
                    line: position.line, column: position.column, message: "measurements and resets cannot be used in \(role.noun)",
                    hint: "The model measures its observable itself; remove the statement.")
            case .gate(let gate, let qubits, _):
                guard ParameterizedGate.rotationGates.contains(gate) || ParameterizedGate.fixedGates.contains(gate) else {
                    let supported = ParameterizedGate.fixedGates.union(ParameterizedGate.rotationGates).map(\.rawValue).sorted()
                    throw SimulationError.invalidQASM(
                        line: position.line, column: position.column, message: "gate `\(gate.rawValue)` cannot be used in \(role.noun)",
                        hint: "Use \(supported.joined(separator: ", ")) (one-angle rotations keep the parameter-shift rule exact).")
                }
                let angle = try angles.first.map { (angle: QASMAffine) throws(SimulationError) in try lower(angle, role: role, used: &used) }
                gates.append(ParameterizedGate(gate, qubits, angle: angle))
            }
        }
        let parameters = try parameterCount(used, role: role)
        let inputs = if case .encoding(let features) = role { features } else { 0 }
        do {
            return try ParameterizedCircuit(qubitCount: qubits, parameterCount: parameters, inputCount: inputs, gates: gates)
        } catch {
            // Unreachable: every gate, qubit and index was checked above.
            throw SimulationError.invalidQASM(line: 1, column: 1, message: "\(error)")
        }
    }

    /// One angle as an `AngleExpression`, noting the parameters it uses in `used`.
    private static func lower(_ angle: QASMAffine, role: Role, used: inout [Int: QASMAffine.Term]) throws(SimulationError) -> AngleExpression {
        var expression = AngleExpression(constant: angle.constant)
        for term in angle.terms {
            guard term.array == role.symbol else {
                throw SimulationError.invalidQASM(
                    line: term.line - 1, column: term.column, message: "\(term.name) cannot be used in \(role.noun)",
                    hint: role == .ansatz
                        ? "An ansatz trains theta[k]; features x[i] belong to `encoding: {qasm: …}`."
                        : "An encoding reads the features x[i]; trained parameters theta[k] belong to `ansatz: {qasm: …}`.")
            }
            if case .encoding(let features) = role, term.index >= features {
                throw SimulationError.invalidQASM(
                    line: term.line - 1, column: term.column, message: "\(term.name) is beyond the dataset's \(features) features",
                    hint: "Features are x[0] … x[\(features - 1)].")
            }
            if let other = angle.terms.first(where: { $0.array == term.array && $0.index != term.index }), other != term {
                throw SimulationError.invalidQASM(
                    line: term.line - 1, column: term.column,
                    message: "this angle depends on both \(other.name) and \(term.name); an angle may depend on one \(role.symbol)",
                    hint: "Split it into two rotations, one per \(role.symbol).")
            }
            if role == .ansatz {
                expression.parameter = term.index
                expression.parameterScale = term.coefficient
            } else {
                expression.input = term.index
                expression.inputScale = term.coefficient
            }
            if used[term.index] == nil { used[term.index] = term }
        }
        return expression
    }

    /// The number of trained parameters: `theta[0]` … `theta[k−1]`, each used, for an ansatz; 0 for an encoding.
    private static func parameterCount(_ used: [Int: QASMAffine.Term], role: Role) throws(SimulationError) -> Int {
        guard role == .ansatz else { return 0 }
        guard let highest = used.keys.max(), let last = used[highest] else {
            throw SimulationError.invalidQASM(
                line: 1, column: 1, message: "the ansatz has no trained parameters",
                hint: "Write angles with theta[0], theta[1], …, as in `ry(theta[0]) q[0];`.")
        }
        if let missing = (0..<highest).first(where: { used[$0] == nil }) {
            throw SimulationError.invalidQASM(
                line: last.line - 1, column: last.column, message: "theta[\(highest)] is used but theta[\(missing)] is not",
                hint: "Number the parameters theta[0] … theta[k−1] without gaps.")
        }
        return highest + 1
    }
}
