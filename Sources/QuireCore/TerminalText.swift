/// Text from a document, made safe to print on a terminal.
///
/// A notebook under review is untrusted input, and its text reaches stderr inside error messages
/// (a YAML key, an info string, a file name). Control characters in it would act instead of show:
/// an escape sequence can rewrite or hide earlier lines, a carriage return overwrite the message, and
/// a bidirectional override reorder what the reader sees ("Trojan Source"). Every such scalar is
/// printed as `\u{XXXX}` instead.
public enum TerminalText {
    /// Whether `scalar` acts on a terminal or on the order of text instead of showing as a
    /// character: C0 controls (tab and line feed too), DEL, C1 controls, and the bidirectional
    /// marks, embeddings, overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E,
    /// U+2066–U+2069).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every control scalar written as `\u{XXXX}`; with `keepingLayout`, line feeds and
    /// tabs stay (for text whose lines Quire laid out itself, such as a diff).
    public static func escaped(_ text: String, keepingLayout: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !(keepingLayout && (scalar == "\n" || scalar == "\t")) {
                out.append(contentsOf: "\\u{\(hex(scalar))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `U+XXXX`: the scalar's code point, at least four hex digits, as the Unicode standard names it.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        "U+" + hex(scalar)
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
