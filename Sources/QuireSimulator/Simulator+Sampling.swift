import QuireCore

extension Simulator {
    /// Samples `shots` outcomes of `probabilities`: shot i reads `RandomStream(seed:, purpose: "shots")`
    /// at index i, scaled by the total, and finds the first state whose cumulative probability (summed
    /// in index order) exceeds it. Counts ascend by state; the same seed gives the same counts on any machine.
    public static func sample(_ probabilities: [Double], shots: Int, seed: UInt64) -> [(state: UInt64, count: Int)] {
        var cumulative = [Double](repeating: 0, count: probabilities.count)
        var total = 0.0
        for (i, p) in probabilities.enumerated() {
            total += max(0, p)
            cumulative[i] = total
        }
        let stream = RandomStream(seed: seed, purpose: "shots")
        var hits = [Int: Int]()
        for shot in 0..<shots {
            let u = stream.uniform(at: UInt64(shot)) * total
            var lo = 0, hi = cumulative.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
            }
            hits[lo, default: 0] += 1
        }
        return hits.keys.sorted().map { (UInt64($0), hits[$0]!) }
    }
}
