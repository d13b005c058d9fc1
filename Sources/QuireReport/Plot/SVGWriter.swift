/// A minimal streaming writer of SVG 1.1 markup, deterministic to the byte.
///
/// One element per line, indented two spaces per level, attributes in exactly the order the caller
/// gives them (never sorted or hashed), text and attribute values escaped for XML, and every number
/// written through `number(_:)`: two decimals at most, no trailing zeros, never `-0`, no locale.
struct SVGWriter {
    /// An attribute name and its already formatted value.
    typealias Attribute = (name: String, value: String)

    private var output = ""
    private var openElements: [String] = []

    /// Starts the document with the XML declaration.
    init() {
        output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Opens an element that will get children; close it with `close()`.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        writeTag(name, attributes)
        output += ">\n"
        openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        let name = openElements.removeLast()
        indent()
        output += "</\(name)>\n"
    }

    /// Writes an element without children: empty (`<rect …/>`) or holding escaped `text`.
    mutating func element(_ name: String, _ attributes: [Attribute] = [], text: String? = nil) {
        writeTag(name, attributes)
        if let text {
            output += ">" + Self.escape(text, inAttribute: false) + "</\(name)>\n"
        } else {
            output += "/>\n"
        }
    }

    /// Writes a `<text>` element whose lines are `<tspan>` children, each one line below the last.
    mutating func multilineText(_ lines: [String], x: Double, lineHeight: Double, _ attributes: [Attribute]) {
        guard lines.count > 1 else {
            element("text", attributes, text: lines.first ?? "")
            return
        }
        writeTag("text", attributes)
        output += ">"
        for (index, line) in lines.enumerated() {
            output += "<tspan x=\"\(Self.number(x))\""
            if index > 0 { output += " dy=\"\(Self.number(lineHeight))\"" }
            output += ">" + Self.escape(line, inAttribute: false) + "</tspan>"
        }
        output += "</text>\n"
    }

    /// The finished document; every opened element must have been closed.
    func finish() -> String {
        precondition(openElements.isEmpty, "unclosed SVG elements: \(openElements)")
        return output
    }

    private mutating func writeTag(_ name: String, _ attributes: [Attribute]) {
        indent()
        output += "<" + name
        for attribute in attributes {
            output += " \(attribute.name)=\"" + Self.escape(attribute.value, inAttribute: true) + "\""
        }
    }

    private mutating func indent() {
        output += String(repeating: "  ", count: openElements.count)
    }

    /// A coordinate or length: rounded half-to-even to two decimals on the exact binary value,
    /// trailing zeros and a bare `.` dropped (`12.5`, `3`, `0.25`), and no `-0`.
    static func number(_ value: Double) -> String {
        var text = NumberFormat.fixed(value, decimals: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Escapes `&`, `<`, `>` (and in attributes `"` and line breaks and tabs, which XML would
    /// otherwise normalise to spaces); characters XML 1.0 forbids (C0 controls) become U+FFFD.
    static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
