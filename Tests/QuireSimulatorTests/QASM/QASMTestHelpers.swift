import QuireSimulator
import QuireTestSupport
import Testing

/// The header every statement test starts with; user statements begin on line 3.
let qasmHeader = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"

/// Reads `body` after `qasmHeader`.
func readBody(_ body: String, limits: QASMLimits = QASMLimits()) throws -> Circuit {
    try QASMReader.read(qasmHeader + body, limits: limits)
}

/// Parameters are compared to 1e-15: every expected value here is either exactly representable
/// or the correctly rounded Double of the same arithmetic, so only the last bit may differ.
let parameterTolerance = 1e-15

/// Expects `operation` to be `gate` on `qubits` with `parameters` (to `parameterTolerance`).
func expectGate(
    _ operation: Operation?, _ gate: StandardGate, _ qubits: [Int], _ parameters: [Double] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard case .gate(let actualGate, let actualQubits, let actualParameters)? = operation?.kind else {
        Issue.record("expected gate \(gate), found \(String(describing: operation))", sourceLocation: sourceLocation)
        return
    }
    #expect(actualGate == gate, sourceLocation: sourceLocation)
    #expect(actualQubits == qubits, sourceLocation: sourceLocation)
    #expect(
        allClose(actualParameters, parameters, tolerance: parameterTolerance),
        "parameters \(actualParameters) ≠ \(parameters)", sourceLocation: sourceLocation)
}

/// Expects reading `source` to fail at `line`:`column` with a message containing `fragment`.
func expectError(
    _ source: String, line: Int, column: Int, _ fragment: String, hint hintFragment: String? = nil,
    limits: QASMLimits = QASMLimits(), sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    do {
        let circuit = try QASMReader.read(source, limits: limits)
        Issue.record("expected an error, read \(circuit.operations.count) operations", sourceLocation: sourceLocation)
    } catch {
        #expect(
            error.qasm.line == line && error.qasm.column == column, "at \(error.qasm.line):\(error.qasm.column): \(error.qasm.message)",
            sourceLocation: sourceLocation)
        #expect(error.qasm.message.contains(fragment), "message: \(error.qasm.message)", sourceLocation: sourceLocation)
        if let hintFragment {
            #expect(error.qasm.hint?.contains(hintFragment) == true, "hint: \(error.qasm.hint ?? "none")", sourceLocation: sourceLocation)
        }
    }
}

extension SimulationError {
    /// The parts of an `invalidQASM` error, for assertions (line 0 and an empty message for the other cases).
    var qasm: (line: Int, column: Int, message: String, hint: String?) {
        guard case let .invalidQASM(line, column, message, hint) = self else { return (0, 0, "", nil) }
        return (line, column, message, hint)
    }
}
