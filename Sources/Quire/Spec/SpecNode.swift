import QuireCore
import Yams

/// A YAML value from a document with its path and location, for strict decoding: unknown keys,
/// wrong types and out-of-range values become errors at the document's line:column with a hint.
public struct SpecNode {
    /// The YAML node.
    public let node: Node
    /// Dotted path from the root (`execution.noise.depolarizing`), for messages.
    public let path: String
    /// Maps positions inside the YAML text to the document.
    let origin: YAMLOrigin

    /// Parses `yaml`; `nil` for an empty text.
    ///
    /// - Throws: a `LocatedError` at the document position of a YAML syntax error.
    public static func parse(_ yaml: String, origin: YAMLOrigin) throws -> SpecNode? {
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return nil }
            return SpecNode(node: node, path: "", origin: origin)
        } catch let error as YamlError {
            throw origin.error(for: error)
        }
    }

    /// Where the value starts in the document.
    public var location: SourceLocation {
        origin.location(node.mark)
    }

    /// An error located at this value.
    public func error(_ message: String, hint: String? = nil) -> LocatedError {
        LocatedError(location, message, hint: hint)
    }

    /// The value's name in messages: its path, or "the block" at the root.
    var name: String { path.isEmpty ? "the block" : "'\(path)'" }

    /// This value as a mapping whose keys must all be in `allowed` (in the order documentation lists them).
    public func mapping(allowed: [String]) throws -> SpecMapping {
        guard case .mapping(let mapping) = node else {
            throw error("\(name) must be a mapping of keys to values", hint: "valid keys: \(allowed.joined(separator: ", "))")
        }
        var entries: [(key: String, value: SpecNode)] = []
        for (keyNode, valueNode) in mapping {
            let keyName = keyNode.string ?? ""
            let keyPath = path.isEmpty ? keyName : "\(path).\(keyName)"
            let key = SpecNode(node: keyNode, path: keyPath, origin: origin)
            guard allowed.contains(keyName) else {
                let suggestion = allowed.min { distance($0, keyName) < distance($1, keyName) }
                let meant = suggestion.flatMap { distance($0, keyName) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
                throw key.error("unknown key '\(keyName)' in \(name)\(meant)", hint: "valid keys: \(allowed.joined(separator: ", "))")
            }
            entries.append((keyName, SpecNode(node: valueNode, path: keyPath, origin: origin)))
        }
        return SpecMapping(owner: self, entries: entries)
    }

    /// This value as a list.
    public func sequence() throws -> [SpecNode] {
        guard case .sequence(let items) = node else { throw error("\(name) must be a list") }
        return items.enumerated().map { SpecNode(node: $1, path: "\(path)[\($0)]", origin: origin) }
    }

    /// This value as a string (any scalar).
    public func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("\(name) must be a single value, not a list or mapping") }
        return scalar.string
    }

    /// This value as a finite number in `range`: a YAML float or int (a quoted or `!!str`-tagged
    /// scalar is a string, even when it spells a number).
    public func double(in range: ClosedRange<Double>) throws -> Double {
        guard let scalar = try typedScalar([.float, .int], expected: "a number", example: "0.01"),
            let value = Double.construct(from: scalar), value.isFinite
        else {
            throw error("\(name) must be a number", hint: "write a decimal number such as 0.01")
        }
        guard range.contains(value) else {
            throw error(
                "\(name) is \(scalar.string), outside \(range.lowerBound)…\(range.upperBound)",
                hint: "use a value from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// This value as an integer in `range`: a YAML int (not a float such as `3.0` or `!!float 3`,
    /// not a quoted or `!!str`-tagged string).
    public func integer(in range: ClosedRange<Int>) throws -> Int {
        guard let scalar = try typedScalar([.int], expected: "a whole number", example: "3"), let value = Int.construct(from: scalar) else {
            throw error("\(name) must be a whole number")
        }
        guard range.contains(value) else {
            throw error(
                "\(name) is \(value), outside \(range.lowerBound)…\(range.upperBound)",
                hint: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// This value as an unsigned 64-bit integer (seeds): a YAML int written in decimal.
    public func unsigned64() throws -> UInt64 {
        guard let scalar = try typedScalar([.int], expected: "a whole number", example: "42"), let value = UInt64(scalar.string) else {
            throw error("\(name) must be a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    /// This value as a boolean: a YAML bool (`true`, `false`, and YAML 1.1's `yes`, `no`, `on`, `off`).
    public func bool() throws -> Bool {
        guard let scalar = try typedScalar([.bool], expected: "true or false", example: "true"), let value = Bool.construct(from: scalar) else {
            throw error("\(name) must be true or false")
        }
        return value
    }

    /// The scalar when YAML resolves its tag to one of `tags`; `nil` for a list or mapping.
    ///
    /// - Throws: when it is a scalar of another type (a quoted `"3"`, `!!str 3`, `!!float 3` where an
    ///   integer is required), naming the type YAML gave it, so the value is never read against its tag.
    private func typedScalar(_ tags: [Tag.Name], expected: String, example: String) throws -> Node.Scalar? {
        guard case .scalar(let scalar) = node else { return nil }
        let plain = scalar.style == .plain || scalar.style == .any
        // An untagged plain scalar takes the type its text resolves to; a quoted one, or one
        // tagged `!`, is a string (YAML's non-specific tags); an explicit `!!x` tag is kept.
        let tag: Tag.Name =
            switch scalar.tag.rawValue {
            case Tag.Name.implicit.rawValue: plain ? Resolver.default.resolveTag(of: node) : .str
            case Tag.Name.nonSpecific.rawValue: .str
            default: Tag.Name(rawValue: scalar.tag.rawValue)
            }
        guard tags.contains(tag) else {
            let written = plain ? scalar.string : "\"\(scalar.string)\""
            throw error(
                "\(name) must be \(expected), but YAML reads \(written) as \(Self.typeName(tag))",
                hint: "write it plainly, without quotes or a !! tag, e.g. \(example)")
        }
        return scalar
    }

    /// What a YAML tag means, in words.
    private static func typeName(_ tag: Tag.Name) -> String {
        switch tag {
        case .str: "a string"
        case .int: "a whole number"
        case .float: "a decimal number"
        case .bool: "a boolean"
        case .null: "null"
        default: "'\(tag.rawValue)'"
        }
    }

    /// This value as one of an enumeration's raw values.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) throws -> Choice where Choice.RawValue == String {
        let text = try string()
        guard let value = Choice(rawValue: text) else {
            throw error(
                "\(name) is '\(text)', not one of the valid choices",
                hint: "valid choices: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    private func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        var row = Array(0...b.count)
        for i in a.indices {
            var next = [i + 1] + Array(repeating: 0, count: b.count)
            for j in b.indices {
                next[j + 1] = Swift.min(row[j + 1] + 1, next[j] + 1, row[j] + (a[i] == b[j] ? 0 : 1))
            }
            row = next
        }
        return row[b.count]
    }
}

/// The entries of a YAML mapping, already checked against the allowed keys, read by key.
public struct SpecMapping {
    /// The mapping itself, for errors about it as a whole.
    public let owner: SpecNode
    /// The entries in written order.
    public let entries: [(key: String, value: SpecNode)]

    /// The value of `key`, if present.
    public subscript(_ key: String) -> SpecNode? {
        entries.first { $0.key == key }?.value
    }
}

/// Where a YAML text sits in a document: turns Yams' 1-based (line, character column) marks into
/// document locations in UTF-8 byte columns.
///
/// libyaml (YAML 1.1) also ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which
/// neither Markdown nor an editor does, so a mark is first turned into a byte offset along
/// libyaml's lines and then into a line and column along the document's (LF, CRLF, CR).
public struct YAMLOrigin {
    /// The text's bytes.
    let bytes: [UInt8]
    /// Each line as libyaml counts lines: where it starts (after a byte-order mark on the first)
    /// and where its text ends, before its line break.
    let yamlLines: [(start: Int, end: Int)]
    /// Where each line starts as the document counts lines.
    let lineStarts: [Int]
    /// Maps a 1-based line and byte column of the YAML text to the document.
    let locate: (_ line: Int, _ column: Int) -> SourceLocation

    /// An origin for `yaml` placed in the document by `locate`.
    public init(yaml: String, locate: @escaping (_ line: Int, _ column: Int) -> SourceLocation) {
        bytes = Array(yaml.utf8)
        yamlLines = Self.lines(bytes, from: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, unicodeBreaks: true)
        lineStarts = Self.lines(bytes, from: 0, unicodeBreaks: false).map(\.start)
        self.locate = locate
    }

    /// The lines of `bytes` from `start` on, split at LF, CR and CRLF, and with `unicodeBreaks`
    /// also at NEL (C2 85), LS (E2 80 A8) and PS (E2 80 A9).
    private static func lines(_ bytes: [UInt8], from start: Int, unicodeBreaks: Bool) -> [(start: Int, end: Int)] {
        var lines: [(start: Int, end: Int)] = []
        var lineStart = start
        var index = start
        while index < bytes.count {
            var length = 0
            switch bytes[index] {
            case 0x0A: length = 1
            case 0x0D: length = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0xC2 where unicodeBreaks && index + 1 < bytes.count && bytes[index + 1] == 0x85: length = 2
            case 0xE2
            where unicodeBreaks && index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                length = 3
            default: break
            }
            if length > 0 {
                lines.append((lineStart, index))
                lineStart = index + length
            }
            index += max(length, 1)
        }
        lines.append((lineStart, bytes.count))
        return lines
    }

    /// The document location of a Yams mark. A mark past the last line with text (libyaml puts an
    /// error at the end of the text on the line after it) is the end of that line.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return locate(1, 1) }
        var offset = bytes.count
        if mark.line >= 1, mark.line <= yamlLines.count {
            let line = yamlLines[mark.line - 1]
            offset = line.start
            // Columns count characters: step over a UTF-8 sequence's continuation bytes.
            for _ in 1..<max(mark.column, 1) where offset < line.end {
                offset += 1
                while offset < line.end, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            }
        }
        return location(byteOffset: offset)
    }

    /// The document location of a byte offset into the YAML text (clamped to the end of its text).
    func location(byteOffset: Int) -> SourceLocation {
        var textEnd = bytes.count
        while textEnd > 0, bytes[textEnd - 1] == 0x0A || bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
        let offset = min(byteOffset, textEnd)
        let line = lineStarts.lastIndex { $0 <= offset } ?? 0
        return locate(line + 1, offset - lineStarts[line] + 1)
    }

    /// A located error for a YAML syntax error.
    func error(for error: YamlError) -> LocatedError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            LocatedError(location(mark), "malformed YAML: \(problem)", hint: "check indentation, colons and quoting on this line")
        case .duplicatedKeysInMapping(let duplicates, let context):
            LocatedError(
                location(context.mark), "duplicate key '\(duplicates.joined(separator: "', '"))' in YAML mapping",
                hint: "each key may appear once")
        default:
            LocatedError(locate(1, 1), "malformed YAML: \(error)")
        }
    }
}
