import OrderedCollections
import QuireCore

/// A JSON value with a fixed key order and a fixed number format, so that a record serialises to
/// the same bytes on every run and machine (Foundation's encoders give no such guarantee).
public indirect enum CanonicalJSON: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer, printed exactly.
    case integer(Int64)
    /// An unsigned 64-bit integer (seeds), printed exactly.
    case unsigned(UInt64)
    /// A double, printed as Swift's shortest round-trip decimal; JSON has no NaN or infinity, so
    /// those are written as the strings `"NaN"`, `"Infinity"` and `"-Infinity"` (the spellings
    /// JavaScript's `Number` and Python's `float` read), which `double` reads back as numbers.
    case number(Double)
    /// A string, escaped per RFC 8259 (`rendered()` escapes more).
    case string(String)
    /// An array.
    case array([CanonicalJSON])
    /// An object whose keys keep the order they were inserted in.
    case object(OrderedDictionary<String, CanonicalJSON>)

    /// Pretty-printed text with two-space indentation and `\n` line breaks, the form written into
    /// documents: strings also escape as `\uXXXX` backticks, `<`, `>` and `&`, so a value can
    /// neither close the fenced block the provenance record sits in nor read as HTML, and control
    /// characters beyond C0 (DEL, C1, bidirectional overrides: `TerminalText.isControl`), so the
    /// record shows every character it holds. Decoded, it is the same value as `compact()`.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    /// Compact single-line text, the form hashed for spec and record digests: strings escaped per
    /// RFC 8259 and no more, so digests do not depend on how a document shows them.
    public func compact() -> String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .unsigned(let value): out += String(value)
        case .number(let value):
            if !value.isFinite {
                Self.escape(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity", into: &out, forDocument: indent != nil)
            } else {
                out += Self.format(value)
            }
        case .string(let value): Self.escape(value, into: &out, forDocument: indent != nil)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, indent: indent, into: &out) { index, inner, out in
                items[index].write(to: &out, indent: inner)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, indent: indent, into: &out) { index, inner, out in
                Self.escape(members.keys[index], into: &out, forDocument: inner != nil)
                out += inner == nil ? ":" : ": "
                members.values[index].write(to: &out, indent: inner)
            }
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, indent: Int?, into out: inout String,
        element: (Int, Int?, inout String) -> Void
    ) {
        out += open
        guard count > 0 else {
            out += close
            return
        }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            element(index, inner, &out)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    /// Shortest round-trip decimal of a finite value; integral values without a fraction; never `-0`.
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    private static func escape(_ text: String, into out: inout String, forDocument: Bool) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || forDocument && (TerminalText.isControl(c) || c == "`" || c == "<" || c == ">" || c == "&"):
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
