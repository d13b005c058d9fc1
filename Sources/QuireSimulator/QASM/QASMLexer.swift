import QuireCore

/// Splits OpenQASM 2.0 source into tokens, reading UTF-8 bytes directly.
///
/// Whitespace (including the CR of CRLF line endings) and `//` comments are skipped; a leading
/// byte-order mark is ignored and not counted in columns. Columns count bytes, so they agree with
/// cmark-gfm's.
struct QASMLexer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    /// Creates a lexer positioned at the start of `source`.
    init(_ source: String) {
        bytes = Array(source.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            offset = 3
            lineStart = 3
        }
    }

    /// The next token, or `.endOfFile` (repeatedly) once the source is exhausted.
    mutating func next() throws(SimulationError) -> QASMToken {
        skipTrivia()
        let position = QASMPosition(line: line, column: offset - lineStart + 1)
        guard offset < bytes.count else { return QASMToken(kind: .endOfFile, text: "", position: position) }
        let byte = bytes[offset]
        if byte.isLetter { return try word(at: position) }
        if byte.isDigit || byte == UInt8(ascii: ".") { return try number(at: position) }
        if byte == UInt8(ascii: "\"") { return try string(at: position) }
        return try punctuation(byte, at: position)
    }

    /// Skips spaces, tabs, line breaks and `//` comments, keeping the line count.
    private mutating func skipTrivia() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                offset += 1
            case UInt8(ascii: "/") where offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "/"):
                while offset < bytes.count && bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
            default:
                return
            }
        }
    }

    /// A reserved word or an identifier (`[a-z][A-Za-z0-9_]*`; only reserved words start in capitals).
    private mutating func word(at position: QASMPosition) throws(SimulationError) -> QASMToken {
        let start = offset
        while offset < bytes.count && (bytes[offset].isLetter || bytes[offset].isDigit || bytes[offset] == UInt8(ascii: "_")) {
            offset += 1
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if let keyword = QASMTokenKind.keywords[text] { return QASMToken(kind: keyword, text: text, position: position) }
        guard !bytes[start].isUppercase else {
            throw SimulationError.invalidQASM(
                at: position, "identifier `\(text)` starts with a capital letter",
                hint: "OpenQASM 2.0 names start with a lowercase letter; only `U`, `CX` and `OPENQASM` are capitalised.")
        }
        return QASMToken(kind: .identifier, text: text, position: position)
    }

    /// An integer (`[0-9]+`) or a real (`1.5`, `.5`, `5.`, `1e-3`, `2.5E+2`).
    private mutating func number(at position: QASMPosition) throws(SimulationError) -> QASMToken {
        let start = offset
        var isReal = false
        skipDigits()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            isReal = true
            offset += 1
            skipDigits()
            guard offset - start > 1 else {
                throw SimulationError.invalidQASM(
                    at: position, "unexpected `.`", hint: "A real number needs a digit before or after its point, as in `0.5`.")
            }
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            isReal = true
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) { offset += 1 }
            let digitsStart = offset
            skipDigits()
            guard offset > digitsStart else {
                let text = String(decoding: bytes[start..<offset], as: UTF8.self)
                throw SimulationError.invalidQASM(
                    at: position, "malformed number `\(text)`: the exponent has no digits",
                    hint: "Write the exponent's digits after `e`, as in `1e-3`.")
            }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        return QASMToken(kind: isReal ? .real : .integer, text: text, position: position)
    }

    private mutating func skipDigits() {
        while offset < bytes.count && bytes[offset].isDigit { offset += 1 }
    }

    /// A double-quoted string on one line; the token's text excludes the quotes.
    private mutating func string(at position: QASMPosition) throws(SimulationError) -> QASMToken {
        let start = offset + 1
        offset = start
        while offset < bytes.count && bytes[offset] != UInt8(ascii: "\"") && bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
        }
        guard offset < bytes.count && bytes[offset] == UInt8(ascii: "\"") else {
            throw SimulationError.invalidQASM(at: position, "unterminated string", hint: "Close the string with `\"` on the same line.")
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        offset += 1
        return QASMToken(kind: .string, text: text, position: position)
    }

    /// One- and two-byte punctuation.
    private mutating func punctuation(_ byte: UInt8, at position: QASMPosition) throws(SimulationError) -> QASMToken {
        let following: UInt8? = offset + 1 < bytes.count ? bytes[offset + 1] : nil
        let kind: QASMTokenKind
        var length = 1
        switch byte {
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "["): kind = .leftBracket
        case UInt8(ascii: "]"): kind = .rightBracket
        case UInt8(ascii: "{"): kind = .leftBrace
        case UInt8(ascii: "}"): kind = .rightBrace
        case UInt8(ascii: "+"): kind = .plus
        case UInt8(ascii: "*"): kind = .star
        case UInt8(ascii: "/"): kind = .slash
        case UInt8(ascii: "^"): kind = .caret
        case UInt8(ascii: "-") where following == UInt8(ascii: ">"):
            kind = .arrow
            length = 2
        case UInt8(ascii: "-"): kind = .minus
        case UInt8(ascii: "=") where following == UInt8(ascii: "="):
            kind = .equalEqual
            length = 2
        case UInt8(ascii: "="):
            throw SimulationError.invalidQASM(at: position, "unexpected `=`", hint: "Conditions compare with `==`, as in `if (c==1) x q[0];`.")
        default:
            throw SimulationError.invalidQASM(
                at: position, "unexpected character \(describe(at: offset))",
                hint: "OpenQASM 2.0 programs are ASCII outside comments and strings.")
        }
        offset += length
        return QASMToken(kind: kind, text: "", position: position)
    }

    /// The Unicode scalar starting at byte `index`, quoted with its code point; a control
    /// character or bidirectional override (`TerminalText.isControl`) or a space by its code point alone.
    private func describe(at index: Int) -> String {
        let scalarBytes = bytes[index..<min(index + 4, bytes.count)]
        guard let scalar = String(decoding: scalarBytes, as: UTF8.self).unicodeScalars.first else { return "" }
        let visible = scalar.properties.isWhitespace || TerminalText.isControl(scalar) ? "" : "`\(scalar)` "
        return "\(visible)(\(TerminalText.codePoint(scalar)))"
    }
}

extension UInt8 {
    fileprivate var isLetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }

    fileprivate var isUppercase: Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) }

    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}
