/// The kinds of runnable fenced block (DESIGN §3): the first word of the info string.
public enum BlockKind: String, Hashable, Sendable, CaseIterable {
    /// A QML experiment described in YAML.
    case experiment
    /// An OpenQASM 2.0 circuit whose measurement distribution is reported.
    case circuit
    /// A YAML noise profile other blocks refer to by id.
    case noise
    /// A YAML dataset declaration other blocks refer to by id.
    case dataset
    /// A device calibration snapshot circuit blocks run on (`device=ID`).
    case device

    /// The Quire kind `word` was probably meant to be, when it is close but not equal to one
    /// (different case, a plural, a one- or two-letter typo, or a `quire-` prefix); `nil` for
    /// words that are plainly another language's info string (`python`, `yaml`, `json`).
    static func likelyMeant(by word: String) -> BlockKind? {
        var lowered = word.lowercased()
        if lowered.hasPrefix("quire-") || lowered.hasPrefix("quire:") { lowered.removeFirst(6) }
        if let exact = BlockKind(rawValue: lowered) { return exact }
        return allCases.first { kind in
            let distance = editDistance(lowered, kind.rawValue)
            return distance <= (kind.rawValue.count <= 5 ? 1 : 2)
        }
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if abs(a.count - b.count) > 2 { return 3 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where i <= a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
