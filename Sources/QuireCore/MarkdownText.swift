/// User text (a YAML key in an error, a CSV class name, a file name) made inert for the Markdown
/// Quire writes into a document or a pull-request comment.
///
/// A notebook under review is untrusted input: copied verbatim, its text could forge region
/// markers (`<!-- /quire:output … -->` after a line break), inject raw HTML (`<script>`) into the
/// document and `quire render`'s article, or end a code span or fence early. Every function here
/// gives text that renders as the characters it was given and nothing else, on one line.
public enum MarkdownText {
    /// ASCII punctuation that starts Markdown or HTML syntax inline: escaped with a backslash, which
    /// CommonMark allows before any ASCII punctuation (`|` for GFM tables, `$` for GitHub's math,
    /// `~` for strikethrough). Brackets are handled by `opensLink`.
    static let syntax: Set<Character> = ["\\", "`", "*", "_", "<", ">", "&", "|", "~", "$"]

    /// `text` as inline Markdown, for prose and table cells: syntax characters backslash-escaped,
    /// a `[` that could open a link, image or footnote (`opensLink`), and also the `:` of `://` and
    /// the `.` of `www.`, which GFM would turn into links (`_` inside a
    /// word, which CommonMark never reads as emphasis, stays as it is, so `petal_width` reads
    /// well); control characters, line breaks among them, written as `\u{XXXX}` (`TerminalText`),
    /// so the text stays on its line and cannot start a block of its own.
    public static func escaped(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if let control = writtenOut(character) {
                out += control
            } else if character == "_", index > 0, index + 1 < characters.count, characters[index - 1].isWordCharacter,
                characters[index + 1].isWordCharacter
            {
                out.append(character)
            } else {
                if syntax.contains(character) || opensLink(characters, at: index) || startsAutolink(characters, at: index) {
                    out += "\\"
                }
                out.append(character)
            }
        }
        return out
    }

    /// `text` as a code span: fenced by one backtick more than its longest run of backticks, padded
    /// with a space where it starts or ends with a backtick or a space, control characters written
    /// as `\u{XXXX}` (a code span shows them literally).
    public static func codeSpan(_ text: String) -> String {
        let body = String(text.map { writtenOut($0) ?? String($0) }.joined())
        let fence = String(repeating: "`", count: longestRun(of: "`", in: body) + 1)
        let pad = body.hasPrefix("`") || body.hasSuffix("`") || body.hasPrefix(" ") || body.hasSuffix(" ") || body.isEmpty
        return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence
    }

    /// `text`, already inline Markdown that Quire wrote (a region table's label, whose cells
    /// `MarkdownTable` escaped and whose code spans must stay code), made safe to follow a list
    /// marker: line breaks become spaces, leading spaces go (four would start a code block), and a
    /// leading `+`, `-`, `*`, `#`, `>`, `=` or `1.`/`1)` is backslash-escaped, so a label such as
    /// `+ mitigation (…)` never starts a nested list, a heading or a quote.
    public static func listItem(_ text: String) -> String {
        let flat = text.map { "\r\n".contains($0) ? " " : String($0) }.joined()
        let body = String(flat.drop { $0 == " " })
        if let first = body.first, "+-*#>=".contains(first) { return "\\" + body }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = body.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + body.dropFirst(digits.count)
        }
        return body
    }

    /// `path` as a link or image destination: every byte outside RFC 3986's unreserved characters
    /// and `/` percent-encoded, so a space, parenthesis or `<` cannot end the link early.
    public static func destination(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// A fenced code block holding `lines`, its backtick fence longer than any run inside them so no
    /// line can close it; control characters other than tab written as `\u{XXXX}`.
    public static func fencedCode(_ lines: [String], info: String) -> String {
        let body = lines.map { TerminalText.escaped($0, keepingLayout: true).replacingOccurrences(of: "\n", with: "\\u{000A}") }
        let fence = String(repeating: "`", count: max(3, body.map { longestRun(of: "`", in: $0) + 1 }.max() ?? 0))
        return ([fence + info] + body + [fence]).joined(separator: "\n") + "\n"
    }

    /// Whether the character at `index` is a `[` that could open a link or an image: one followed by
    /// `^` (a footnote) or by a later `]` directly followed by `(`, `[` or `:` (inline, reference and
    /// definition forms). A bracket pair that is none of these, such as Quire's cut interval
    /// `[0.82, 1.00]`, stays as written, so tables read well in the Markdown source; it could only
    /// become a link through a reference definition of exactly that text, which only the document's
    /// own prose can make.
    private static func opensLink(_ characters: [Character], at index: Int) -> Bool {
        guard characters[index] == "[" else { return false }
        if index + 1 < characters.count, characters[index + 1] == "^" { return true }
        var position = index + 1
        while position < characters.count {
            if characters[position] == "]", position + 1 < characters.count, "([:".contains(characters[position + 1]) { return true }
            position += 1
        }
        return false
    }

    /// Whether the character at `index` is the `:` of `://` or the `.` of a word-initial `www.`,
    /// from which GFM's autolink extension would make a link of plain text; a backslash before it
    /// stops that (e-mail addresses still become `mailto:` links).
    private static func startsAutolink(_ characters: [Character], at index: Int) -> Bool {
        switch characters[index] {
        case ":": return characters[(index + 1)...].starts(with: ["/", "/"])
        case ".":
            guard index >= 3, characters[(index - 3)..<index].map({ $0.lowercased() }).joined() == "www" else { return false }
            return index == 3 || !characters[index - 4].isWordCharacter
        default: return false
        }
    }

    /// The `\u{XXXX}` form of a character that is or holds a control scalar (`\r\n` is one
    /// character); `nil` for any other.
    private static func writtenOut(_ character: Character) -> String? {
        guard character.unicodeScalars.contains(where: TerminalText.isControl) else { return nil }
        return TerminalText.escaped(String(character))
    }

    private static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == mark ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}

extension Character {
    /// A letter or digit: what CommonMark counts as neither space nor punctuation beside `_`.
    fileprivate var isWordCharacter: Bool { isLetter || isNumber }
}
