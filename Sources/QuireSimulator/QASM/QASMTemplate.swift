/// An OpenQASM 2.0 program whose gate parameters may use symbolic parameters (`theta[k]`, `x[i]`):
/// the circuit with every symbol at 0, and each gate's parameters as affine functions of them.
public struct QASMTemplate: Hashable, Sendable {
    /// The circuit with every symbolic parameter at 0 (operations keep their statement's line and column).
    public let circuit: Circuit
    /// For each operation of `circuit`, its gate parameters as affine functions (empty for non-gates).
    public let angles: [[QASMAffine]]
}

extension QASMReader {
    /// Reads an OpenQASM 2.0 program in which `symbols` (array names such as `theta`) may be indexed
    /// in top-level gate parameters, as in `rz(2*theta[0] + pi/2) q[1];`, and passed to user gates.
    ///
    /// Every parameter must stay affine in the symbols (see `QASMAffine`); indices are not checked
    /// here, since only the caller knows how many parameters of each array there are.
    ///
    /// - Throws: `SimulationError` as `read` does, and at the operator or function that makes a parameter
    ///   non-affine, or at a symbol used inside a gate definition.
    public static func readTemplate(_ source: String, symbols: [String], limits: QASMLimits = QASMLimits()) throws(SimulationError)
        -> QASMTemplate
    {
        precondition(!symbols.isEmpty, "readTemplate needs at least one symbol array")
        var parser = try QASMParser(source, limits: limits, symbolArrays: symbols)
        let circuit = try parser.parseProgram()
        return QASMTemplate(circuit: circuit, angles: parser.builder.angles)
    }
}

extension QASMReader {
    /// The highest index written as `register[i]` in `source` (comments skipped), or `nil` when
    /// the source indexes no element of it: how many qubits a body on an implicit register needs.
    ///
    /// The scan stops at the first lexical error; reading the source reports that error where it is.
    public static func highestIndex(of register: String, in source: String) -> Int? {
        var lexer = QASMLexer(source)
        var window: [QASMToken] = []
        var highest: Int?
        while let token = try? lexer.next(), token.kind != .endOfFile {
            window.append(token)
            if window.count > 4 { window.removeFirst() }
            guard window.count == 4, window[0].kind == .identifier, window[0].text == register, window[1].kind == .leftBracket,
                window[2].kind == .integer, window[3].kind == .rightBracket, let index = Int(window[2].text)
            else { continue }
            highest = max(highest ?? index, index)
        }
        return highest
    }
}
