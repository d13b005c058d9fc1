import QuireCore

/// The lines of `text` as Markdown counts them (LF, CRLF and a lone CR end a line), in bytes.
func markdownLines(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index < text.count {
        if text[index] == 0x0A || text[index] == 0x0D {
            lines.append(text[start..<index])
            if text[index] == 0x0D, index + 1 < text.count, text[index + 1] == 0x0A { index += 1 }
            start = index + 1
        }
        index += 1
    }
    lines.append(text[start..<text.count])
    return lines
}

/// The lines of `text` that hold text: `markdownLines` without the empty one after a final line
/// break (an error at the end of such a text belongs at the end of its last line).
func textLines(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
    let lines = markdownLines(text)
    return lines.count > 1 && lines.last!.isEmpty ? Array(lines.dropLast()) : lines
}

/// Stops when `location` is not inside `lines`, counted from document line `firstLine`: a line
/// that exists and a UTF-8 column on it or just past its end.
func checkInside(_ location: SourceLocation, lines: [ArraySlice<UInt8>], firstLine: Int = 1, _ error: any Error) {
    let line = location.line - firstLine + 1
    guard line >= 1, line <= lines.count, location.column >= 1, location.column <= lines[line - 1].count + 1 else {
        fatalError("error at \(location.line):\(location.column) outside lines \(firstLine)…\(firstLine + lines.count - 1): \(error)")
    }
}
