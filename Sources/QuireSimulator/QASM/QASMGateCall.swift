/// A gate name with its evaluated-or-compiled parameters, before its qubit arguments.
struct QASMGateCall {
    var symbol: QASMGateSymbol
    /// The name as written (`U`, `CX`, `h`, a user gate).
    var name: String
    var parameters: [QASMExpression]
    /// Number of qubits the gate takes.
    var qubitCount: Int
}

extension QASMParser {
    /// Reads a gate name and its parameter list, checking that the gate exists and that the
    /// number of parameters matches. `parameterNames` are the enclosing definition's parameters
    /// (empty at the top level).
    mutating func parseGateCallHead(parameterNames: [String]) throws(SimulationError) -> QASMGateCall {
        let name = token
        let symbol: QASMGateSymbol
        switch token.kind {
        case .builtinU: symbol = .standard(.u3)
        case .builtinCX: symbol = .standard(.cx)
        default: symbol = try resolveGate(name)
        }
        let (parameterCount, qubitCount): (Int, Int)
        switch symbol {
        case .standard(let gate): (parameterCount, qubitCount) = (gate.parameterCount, gate.qubitCount)
        case .user(let index): (parameterCount, qubitCount) = (definitions[index].parameterNames.count, definitions[index].qubitNames.count)
        }
        try advance()
        var parameters: [QASMExpression] = []
        var closing = token.position
        if token.kind == .leftParen {
            try advance()
            if token.kind != .rightParen {
                repeat {
                    if !parameters.isEmpty { try advance() }
                    if parameters.count == parameterCount {
                        throw SimulationError.invalidQASM(
                            at: token.position, "gate `\(name.text)` takes \(Self.count(parameterCount, "parameter")), but more are given",
                            hint: "Remove the extra parameters.")
                    }
                    parameters.append(try parseExpression(parameterNames: parameterNames))
                } while token.kind == .comma
            }
            closing = token.position
            try expect(.rightParen, "to close the parameter list of `\(name.text)`")
        }
        guard parameters.count == parameterCount else {
            let example = "\(name.text)(\(Array(repeating: "pi/2", count: parameterCount).joined(separator: ", ")))"
            throw SimulationError.invalidQASM(
                at: closing,
                "gate `\(name.text)` takes \(Self.count(parameterCount, "parameter")), but \(parameters.count) \(parameters.count == 1 ? "is" : "are") given",
                hint: "Write the parameters in parentheses after the name, as in `\(example)`.")
        }
        return QASMGateCall(symbol: symbol, name: name.text, parameters: parameters, qubitCount: qubitCount)
    }

    /// Fails unless one argument position per qubit of `call` was given; the error is at the
    /// first extra argument, or at the token where a missing one should be.
    func checkQubitCount(of call: QASMGateCall, given positions: [QASMPosition]) throws(SimulationError) {
        guard positions.count != call.qubitCount else { return }
        let position = positions.count > call.qubitCount ? positions[call.qubitCount] : token.position
        throw SimulationError.invalidQASM(
            at: position,
            "gate `\(call.name)` takes \(Self.count(call.qubitCount, "qubit argument")), but \(positions.count) \(positions.count == 1 ? "is" : "are") given",
            hint: "OpenQASM lists controls first and targets last, separated by commas.")
    }

    /// The gate a name refers to, or an error with a suggestion.
    private func resolveGate(_ name: QASMToken) throws(SimulationError) -> QASMGateSymbol {
        switch symbols[name.text]?.symbol {
        case .gate(let symbol):
            return symbol
        case .some(let other):
            throw SimulationError.invalidQASM(
                at: name.position, "`\(name.text)` is \(other.noun), not a gate", hint: "Apply a gate to it, as in `h \(name.text);`.")
        case nil:
            if qelib1Inclusion == nil, let gate = StandardGate(rawValue: name.text), !gate.isDeviceNative {
                throw SimulationError.invalidQASM(
                    at: name.position, "unknown gate `\(name.text)`",
                    hint: "`\(name.text)` is declared in qelib1.inc; add `include \"qelib1.inc\";` after `OPENQASM 2.0;`.")
            }
            var candidates = symbols.compactMap { entry in if case .gate = entry.value.symbol { entry.key } else { nil } }
            if qelib1Inclusion == nil { candidates += StandardGate.qelib1.map(\.rawValue) }
            let suggestion = QASMSuggestion.didYouMean(name.text, among: candidates)
            throw SimulationError.invalidQASM(
                at: name.position, "unknown gate `\(name.text)`",
                hint: "Declare it with `gate` before its first use, or use a qelib1.inc gate.\(suggestion)")
        }
    }

    /// "1 parameter", "3 qubit arguments".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
