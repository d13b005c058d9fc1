import QuireCore

/// YAML front matter: a `---` line at the very top of the document (after a BOM), YAML lines,
/// then a closing `---` or `...` line, as Jekyll, Pandoc and Quarto read it.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML text between the delimiters, line breaks as in the file.
    public var yaml: String
    /// 1-based document line of the first YAML line, to map YAML positions to the document.
    public var firstYAMLLine: Int
    /// 1-based document line of the closing delimiter.
    public var closingLine: Int

    /// Finds front matter at the top of `source`.
    ///
    /// - Throws: `MarkdownError.unterminatedFrontMatter` when the document opens with `---` followed
    ///   by YAML-looking lines but never closes it: silently reading it as Markdown would drop the
    ///   author's settings (seed, precision).
    static func find(in source: MarkdownSource, file: String) throws -> FrontMatter? {
        guard source.lineCount >= 1 else { return nil }
        let first = Array(source.bytes[source.contentRange(1)].dropFirst(source.bomLength))
        guard first.trailingWhitespaceTrimmed == Array("---".utf8) else { return nil }
        var line = 2
        while line <= source.lineCount {
            let text = source.bytes[source.contentRange(line)].trailingWhitespaceArray
            if text == Array("---".utf8) || text == Array("...".utf8) {
                let start = source.lineStarts[1 < source.lineStarts.count ? 1 : 0]
                let yamlRange = line > 2 ? start..<source.lineStarts[line - 1] : start..<start
                return FrontMatter(
                    yaml: String(decoding: source.bytes[yamlRange], as: UTF8.self),
                    firstYAMLLine: 2, closingLine: line)
            }
            line += 1
        }
        if source.lineCount >= 2, Self.looksLikeYAMLKey(source.lineText(2)) {
            throw MarkdownError.unterminatedFrontMatter(SourceLocation(file: file, line: 1, column: 1 + source.bomLength))
        }
        return nil
    }

    private static func looksLikeYAMLKey(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon]
        return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}

extension ArraySlice where Element == UInt8 {
    /// The bytes without trailing spaces and tabs, as an array.
    var trailingWhitespaceArray: [UInt8] { Array(self).trailingWhitespaceTrimmed }
}
