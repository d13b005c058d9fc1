/// "Did you mean" suggestions for misspelt names.
enum QASMSuggestion {
    /// Common names of standard gates in other toolkits, mapped to their `qelib1.inc` names.
    private static let aliases: [String: String] = [
        "cnot": "cx", "ccnot": "ccx", "toffoli": "ccx", "fredkin": "cswap", "i": "id",
        "phase": "p", "cphase": "cp", "sqrtx": "sx",
    ]

    /// The candidate closest to `name` by edit distance (at most 2, and less than the longer
    /// name's length), or `name`'s usual alias. Ties prefer a candidate with the same first letter,
    /// then the alphabetically first, so the suggestion never depends on dictionary order.
    static func closest(to name: String, among candidates: [String]) -> String? {
        if let alias = aliases[name], candidates.contains(alias) { return alias }
        let target = Array(name.utf8)
        var best: (distance: Int, otherInitial: Int, name: String)?
        for candidate in candidates {
            let bytes = Array(candidate.utf8)
            let distance = editDistance(target, bytes)
            guard distance <= 2, distance < max(target.count, bytes.count) else { continue }
            let key = (distance: distance, otherInitial: bytes.first == target.first ? 0 : 1, name: candidate)
            if let best, best <= key { continue }
            best = key
        }
        return best?.name
    }

    /// " Did you mean `x`?" or the empty string.
    static func didYouMean(_ name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " Did you mean `\($0)`?" } ?? ""
    }

    /// Levenshtein distance over bytes (names are ASCII).
    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
