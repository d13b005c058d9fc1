import QuireCore
import Yams

extension SpecNode {
    /// The document location of `line`:`column` (1-based, UTF-8 bytes) of the text of this scalar,
    /// for errors inside a language embedded in YAML (an OpenQASM body).
    ///
    /// Exact for a literal block scalar (`qasm: |`, line k of the text is the k-th line after the
    /// indicator, shifted by the block's indentation) and for a single-line plain or quoted scalar
    /// without escapes; otherwise the scalar's start.
    func location(inText line: Int, column: Int) -> SourceLocation {
        guard let mark = node.mark, case .scalar(let scalar) = node else { return location }
        switch scalar.style {
        case .literal:
            let lines = origin.yamlLines
            let first = mark.line  // 0-based index of the text's first line
            guard line >= 1, first + line - 1 < lines.count else { return location }
            let indent =
                lines[first...].lazy.compactMap { line in
                    let text = self.origin.bytes[line.start..<line.end]
                    return text.allSatisfy({ $0 == 0x20 }) ? nil : text.prefix { $0 == 0x20 }.count
                }.first ?? 0
            let target = lines[first + line - 1]
            return origin.location(byteOffset: target.start + indent + column - 1)
        case .plain, .singleQuoted, .doubleQuoted:
            guard line == 1, !scalar.string.contains("\n"), mark.line >= 1, mark.line <= origin.yamlLines.count else { return location }
            let quote = scalar.style == .plain ? 0 : 1
            let start = origin.yamlLines[mark.line - 1].start + max(mark.column, 1) - 1
            return origin.location(byteOffset: start + quote + column - 1)
        default:
            return location
        }
    }
}
