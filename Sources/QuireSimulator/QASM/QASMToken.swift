/// One lexical token of an OpenQASM 2.0 program.
struct QASMToken: Sendable {
    /// What the token is.
    var kind: QASMTokenKind
    /// The token's text for identifiers, numbers and strings (without the quotes); empty otherwise.
    var text: String
    /// Where the token starts.
    var position: QASMPosition
}

/// The kinds of token: names, literals, reserved words and punctuation.
enum QASMTokenKind: Hashable, Sendable {
    case identifier, integer, real, string, endOfFile
    // Reserved words.
    case openqasm, include, qreg, creg, gate, opaque, measure, reset, barrier, `if`, pi
    case builtinU, builtinCX
    case function(QASMFunction)
    // Punctuation.
    case semicolon, comma, leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case arrow, equalEqual, plus, minus, star, slash, caret

    /// The reserved words, by spelling.
    static let keywords: [String: QASMTokenKind] = [
        "OPENQASM": .openqasm, "include": .include, "qreg": .qreg, "creg": .creg, "gate": .gate,
        "opaque": .opaque, "measure": .measure, "reset": .reset, "barrier": .barrier, "if": .if,
        "pi": .pi, "U": .builtinU, "CX": .builtinCX,
        "sin": .function(.sin), "cos": .function(.cos), "tan": .function(.tan),
        "exp": .function(.exp), "ln": .function(.ln), "sqrt": .function(.sqrt),
    ]

    /// How the kind is named in an error message ("`;`", "an identifier").
    var spelled: String {
        switch self {
        case .identifier: "an identifier"
        case .integer: "an integer"
        case .real: "a real number"
        case .string: "a string"
        case .endOfFile: "the end of the program"
        case .openqasm: "`OPENQASM`"
        case .include: "`include`"
        case .qreg: "`qreg`"
        case .creg: "`creg`"
        case .gate: "`gate`"
        case .opaque: "`opaque`"
        case .measure: "`measure`"
        case .reset: "`reset`"
        case .barrier: "`barrier`"
        case .if: "`if`"
        case .pi: "`pi`"
        case .builtinU: "`U`"
        case .builtinCX: "`CX`"
        case .function(let function): "`\(function.rawValue)`"
        case .semicolon: "`;`"
        case .comma: "`,`"
        case .leftParen: "`(`"
        case .rightParen: "`)`"
        case .leftBracket: "`[`"
        case .rightBracket: "`]`"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .arrow: "`->`"
        case .equalEqual: "`==`"
        case .plus: "`+`"
        case .minus: "`-`"
        case .star: "`*`"
        case .slash: "`/`"
        case .caret: "`^`"
        }
    }
}

extension QASMToken {
    /// The token as quoted in an error message: its text for names and literals, else its kind.
    var quoted: String {
        switch kind {
        case .identifier, .integer, .real: "`\(text)`"
        case .string: "\"\(text)\""
        default: kind.spelled
        }
    }
}
