/// A unified line diff (`-` recorded, `+` fresh, with context), for showing a reviewer how a
/// block's region changed.
enum LineDiff {
    /// Lines compared with a full longest-common-subsequence table only up to this product of line
    /// counts; beyond it the diff degrades to "all removed, all added" rather than using the memory.
    static let maxCells = 4_000_000

    /// The changed lines of `old` → `new` with `context` unchanged lines around each change.
    static func unified(old: [Substring], new: [Substring], context: Int = 2) -> [String] {
        let script = edits(old, new)
        var keep = Array(repeating: false, count: script.count)
        for (index, edit) in script.enumerated() where edit.mark != " " {
            for neighbour in max(0, index - context)...min(script.count - 1, index + context) { keep[neighbour] = true }
        }
        var lines: [String] = []
        var skipped = false
        for (index, edit) in script.enumerated() {
            if keep[index] {
                if skipped, !lines.isEmpty { lines.append("…") }
                lines.append("\(edit.mark) \(edit.line)")
                skipped = false
            } else {
                skipped = true
            }
        }
        return lines
    }

    private static func edits(_ old: [Substring], _ new: [Substring]) -> [(mark: Character, line: Substring)] {
        let n = old.count, m = new.count
        guard n * m <= maxCells else { return old.map { ("-", $0) } + new.map { ("+", $0) } }
        // suffix[i][j]: length of the longest common subsequence of old[i...] and new[j...].
        var suffix = Array(repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                suffix[i * (m + 1) + j] =
                    old[i] == new[j]
                    ? suffix[(i + 1) * (m + 1) + j + 1] + 1
                    : max(suffix[(i + 1) * (m + 1) + j], suffix[i * (m + 1) + j + 1])
            }
        }
        var script: [(mark: Character, line: Substring)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                script.append((" ", old[i]))
                i += 1
                j += 1
            } else if i < n, j == m || suffix[(i + 1) * (m + 1) + j] >= suffix[i * (m + 1) + j + 1] {
                script.append(("-", old[i]))
                i += 1
            } else {
                script.append(("+", new[j]))
                j += 1
            }
        }
        return script
    }
}
