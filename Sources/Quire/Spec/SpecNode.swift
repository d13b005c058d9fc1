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

    /// This value as a finite number in `range`.
    public func double(in range: ClosedRange<Double>) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double.construct(from: scalar), value.isFinite else {
            throw error("\(name) must be a number", hint: "write a decimal number such as 0.01")
        }
        guard range.contains(value) else {
            throw error("\(name) is \(scalar.string), outside \(range.lowerBound)…\(range.upperBound)",
                        hint: "use a value from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// This value as an integer in `range`.
    public func integer(in range: ClosedRange<Int>) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int.construct(from: scalar) else {
            throw error("\(name) must be a whole number")
        }
        guard range.contains(value) else {
            throw error("\(name) is \(value), outside \(range.lowerBound)…\(range.upperBound)",
                        hint: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// This value as an unsigned 64-bit integer (seeds).
    public func unsigned64() throws -> UInt64 {
        guard case .scalar(let scalar) = node, let value = UInt64(scalar.string) else {
            throw error("\(name) must be a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    /// This value as a boolean.
    public func bool() throws -> Bool {
        guard case .scalar(let scalar) = node, let value = Bool.construct(from: scalar) else {
            throw error("\(name) must be true or false")
        }
        return value
    }

    /// This value as one of an enumeration's raw values.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) throws -> Choice where Choice.RawValue == String {
        let text = try string()
        guard let value = Choice(rawValue: text) else {
            throw error("\(name) is '\(text)', not one of the valid choices",
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

/// Where a YAML text sits in a document: turns Yams' 1-based (line, scalar column) marks into
/// document locations in UTF-8 byte columns.
public struct YAMLOrigin {
    /// The YAML text's lines.
    let lines: [Substring]
    /// Maps a 1-based line and byte column of the YAML text to the document.
    let locate: (_ line: Int, _ column: Int) -> SourceLocation

    /// An origin for `yaml` placed in the document by `locate`.
    public init(yaml: String, locate: @escaping (_ line: Int, _ column: Int) -> SourceLocation) {
        // "\r\n" is one Character, so CRLF lines need naming to be split.
        lines = yaml.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        self.locate = locate
    }

    /// The document location of a Yams mark.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return locate(1, 1) }
        // libyaml puts an error at the end of a text without a final line break on the line after
        // it, which does not exist: it is the end of the last line.
        if mark.line > lines.count, let last = lines.last { return locate(lines.count, last.utf8.count + 1) }
        return locate(mark.line, byteColumn(line: mark.line, scalarColumn: mark.column))
    }

    private func byteColumn(line: Int, scalarColumn: Int) -> Int {
        guard line >= 1, line <= lines.count else { return scalarColumn }
        let scalars = lines[line - 1].unicodeScalars.prefix(max(scalarColumn - 1, 0))
        return scalars.reduce(0) { $0 + String($1).utf8.count } + 1
    }

    /// A located error for a YAML syntax error.
    func error(for error: YamlError) -> LocatedError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            LocatedError(location(mark), "malformed YAML: \(problem)", hint: "check indentation, colons and quoting on this line")
        case .duplicatedKeysInMapping(let duplicates, let context):
            LocatedError(location(context.mark), "duplicate key '\(duplicates.joined(separator: "', '"))' in YAML mapping",
                         hint: "each key may appear once")
        default:
            LocatedError(locate(1, 1), "malformed YAML: \(error)")
        }
    }
}
