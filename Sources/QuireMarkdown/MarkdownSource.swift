/// The bytes of a Markdown file with a table of its lines, so cmark-gfm's line/column positions can
/// be turned into byte offsets and back. Line breaks are LF, CRLF or a lone CR, as CommonMark says.
public struct MarkdownSource: Sendable {
    /// The file's bytes, exactly as read.
    public let bytes: [UInt8]
    /// Byte offset of the start of each line; `lineStarts[0]` is line 1.
    public let lineStarts: [Int]
    /// Length in bytes of the UTF-8 byte-order mark at the start, 0 or 3.
    public let bomLength: Int

    /// Indexes `bytes` by line.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [0]
        var index = 0
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count && buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        if starts.count > 1 && starts.last == count { starts.removeLast() }
        lineStarts = starts
    }

    /// Number of lines (a final line without a line break counts).
    public var lineCount: Int { bytes.isEmpty ? 0 : lineStarts.count }

    /// Byte range of line `line` (1-based) including its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        return start..<end
    }

    /// Byte range of line `line` (1-based) without its line break.
    public func contentRange(_ line: Int) -> Range<Int> {
        let range = lineRange(line)
        var end = range.upperBound
        while end > range.lowerBound && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return range.lowerBound..<end
    }

    /// The text of line `line` without its line break.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[contentRange(line)], as: UTF8.self)
    }

    /// The line break the document uses: the first one found, LF when there is none.
    public var lineEnding: [UInt8] {
        guard let first = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return [0x0A] }
        if bytes[first] == 0x0A { return [0x0A] }
        return first + 1 < bytes.count && bytes[first + 1] == 0x0A ? [0x0D, 0x0A] : [0x0D]
    }

    /// Whether the last byte is a line break.
    public var endsWithLineBreak: Bool {
        bytes.last == 0x0A || bytes.last == 0x0D
    }

    /// The 1-based line containing byte `offset`.
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Whether line `line` holds only spaces, tabs and block-quote markers (blank inside its container).
    func isBlank(_ line: Int, prefix: [UInt8]) -> Bool {
        let range = contentRange(line)
        return bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 } || Array(bytes[range]) == prefix
            || Array(bytes[range]) == prefix.trailingWhitespaceTrimmed
    }
}

extension Array where Element == UInt8 {
    /// The bytes without trailing spaces and tabs.
    var trailingWhitespaceTrimmed: [UInt8] {
        var end = count
        while end > 0 && (self[end - 1] == 0x20 || self[end - 1] == 0x09) { end -= 1 }
        return Array(self[0..<end])
    }
}
