import QuireCore

/// Reads the `key=value` attributes that follow the kind in a runnable block's info string.
enum InfoString {
    /// Parses attribute words (the info string after the kind), locating each on the fence line.
    ///
    /// Values may be double-quoted only when they contain no spaces (the info string is split on
    /// whitespace first); keys are `[A-Za-z0-9_-]+` and appear once.
    static func attributes(
        _ words: [String], fenceLine: String,
        locate: (Int) -> SourceLocation
    ) throws -> [BlockAttribute] {
        var result: [BlockAttribute] = []
        var searchFrom = fenceLine.utf8.startIndex
        for word in words {
            let column: Int
            if let found = fenceLine[searchFrom...].range(of: word) {
                column = fenceLine.utf8.distance(from: fenceLine.utf8.startIndex, to: found.lowerBound) + 1
                searchFrom = found.upperBound
            } else {
                column = 1
            }
            let at = locate(column)
            guard let equals = word.firstIndex(of: "=") else { throw MarkdownError.malformedAttribute(at, text: word) }
            let key = String(word[..<equals])
            var value = String(word[word.index(after: equals)...])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !key.isEmpty, key.utf8.allSatisfy(isIDByte), !result.contains(where: { $0.key == key }) else {
                throw MarkdownError.malformedAttribute(at, text: word)
            }
            result.append(BlockAttribute(key: key, value: value, location: at))
        }
        return result
    }

    /// Whether `byte` may appear in an id or attribute key: `[A-Za-z0-9_-]`.
    static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x2D || byte == 0x5F
    }
}
