import OrderedCollections

extension CanonicalJSON {
    /// Deepest nesting `init(parsing:)` reads; a deeper (planted) value is refused, not recursed into.
    static let maxParsingDepth = 256

    /// Reads JSON text as the value that wrote it: object keys keep their order (so a record read
    /// back renders and hashes the same bytes), integers stay exact, and every other number is
    /// parsed by Swift's correctly rounded `Double(String)`, so a shortest round-trip decimal gives
    /// back the very double that printed it (Foundation's number parser does not promise that).
    ///
    /// - Throws: `ParseError` at the first byte that is not valid JSON; `nil` for no value.
    init(parsing text: some StringProtocol) throws {
        var reader = Reader(bytes: Array(text.utf8))
        self = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == reader.bytes.count else { throw ParseError(offset: reader.offset) }
    }

    /// Text that is not one JSON value.
    struct ParseError: Error, Equatable {
        /// The byte offset where reading stopped.
        var offset: Int
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
        }

        mutating func expect(_ literal: String) throws {
            let expected = Array(literal.utf8)
            guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
                throw ParseError(offset: offset)
            }
            offset += expected.count
        }

        mutating func value(depth: Int) throws -> CanonicalJSON {
            guard depth < CanonicalJSON.maxParsingDepth else { throw ParseError(offset: offset) }
            skipSpace()
            guard offset < bytes.count else { throw ParseError(offset: offset) }
            switch bytes[offset] {
            case UInt8(ascii: "{"):
                offset += 1
                var members: OrderedDictionary<String, CanonicalJSON> = [:]
                try sequence(close: "}") {
                    $0.skipSpace()
                    let key = try $0.string()
                    $0.skipSpace()
                    try $0.expect(":")
                    let value = try $0.value(depth: depth + 1)
                    if members.updateValue(value, forKey: key) != nil { throw ParseError(offset: $0.offset) }
                }
                return .object(members)
            case UInt8(ascii: "["):
                offset += 1
                var items: [CanonicalJSON] = []
                try sequence(close: "]") { items.append(try $0.value(depth: depth + 1)) }
                return .array(items)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expect("null")
                return .null
            default: return try number()
            }
        }

        /// Elements read by `element` up to `close`, separated by commas.
        mutating func sequence(close: Character, element: (inout Reader) throws -> Void) throws {
            skipSpace()
            if offset < bytes.count, bytes[offset] == close.asciiValue {
                offset += 1
                return
            }
            while true {
                try element(&self)
                skipSpace()
                guard offset < bytes.count else { throw ParseError(offset: offset) }
                offset += 1
                if bytes[offset - 1] == close.asciiValue { return }
                guard bytes[offset - 1] == UInt8(ascii: ",") else { throw ParseError(offset: offset - 1) }
            }
        }

        mutating func number() throws -> CanonicalJSON {
            let start = offset
            while offset < bytes.count, "+-0123456789.eE".utf8.contains(bytes[offset]) { offset += 1 }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            guard !text.isEmpty, text.first != "+" else { throw ParseError(offset: start) }
            if !text.contains(where: { ".eE".contains($0) }) {
                if let integer = Int64(text) { return .integer(integer) }
                if let unsigned = UInt64(text) { return .unsigned(unsigned) }
            }
            guard let number = Double(text), number.isFinite else { throw ParseError(offset: start) }
            return .number(number)
        }

        mutating func string() throws -> String {
            try expect("\"")
            var scalars = String.UnicodeScalarView()
            var run = offset
            func flush(_ end: Int) throws {
                guard let text = String(validating: bytes[run..<end], as: UTF8.self) else { throw ParseError(offset: run) }
                scalars.append(contentsOf: text.unicodeScalars)
            }
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    try flush(offset)
                    offset += 1
                    return String(scalars)
                }
                guard byte >= 0x20 else { throw ParseError(offset: offset) }
                guard byte == UInt8(ascii: "\\") else {
                    offset += 1
                    continue
                }
                try flush(offset)
                offset += 1
                guard offset < bytes.count else { break }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try escapedScalar())
                default: throw ParseError(offset: offset - 1)
                }
                run = offset
            }
            throw ParseError(offset: offset)
        }

        /// The scalar of a `\uXXXX` escape (the `\u` read), joining a surrogate pair.
        mutating func escapedScalar() throws -> Unicode.Scalar {
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high) {
                try expect("\\u")
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (low - 0xDC00)) else {
                    throw ParseError(offset: offset)
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw ParseError(offset: offset) }
            return scalar
        }

        mutating func hex4() throws -> UInt32 {
            let digits = bytes.count - offset >= 4 ? String(decoding: bytes[offset..<offset + 4], as: UTF8.self) : ""
            guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
                throw ParseError(offset: offset)
            }
            offset += 4
            return value
        }
    }
}
