import Foundation

/// The k-nearest-neighbours rules, on one query's row of squared distances, exactly as
/// scikit-learn's brute-force `KNeighborsClassifier` applies them.
///
/// - Distance: Euclidean, `Σ_f (x_f − t_f)²` summed feature by feature in order. (scikit-learn's
///   distance-weighted path computes `‖x‖² − 2x·t + ‖t‖²`, which agrees except for rounding at
///   distances equal to the last bits.)
/// - Which k: the training rows are offered in order to a max-heap of k entries
///   (scikit-learn's `heap_push`): a row enters only when strictly closer than the farthest kept, which
///   it replaces. So at a tie for the k-th place the earlier row stays; when a closer row arrives later
///   and several kept rows tie for farthest, the one at the heap's root leaves.
/// - Vote: uniform (1 each) or 1/distance, where a query with neighbours at distance 0 counts only
///   those, 1 each (`_get_weights`); weights are added per class in order of distance, then training
///   order. The most voted class wins, ties to the smallest class (`argmax`). Distance-weighted votes
///   equal in exact arithmetic but not in floating point are decided by rounding, on either side.
enum NeighborVote {
    /// Squared distances from row `row` of `features` to every row of `training`.
    static func squaredDistances(_ features: Matrix, row: Int, to training: Matrix) -> [Double] {
        precondition(features.columns == training.columns, "knn: feature count differs from training")
        let d = features.columns
        return (0..<training.rows).map { t in
            var sum = 0.0
            for f in 0..<d {
                let difference = features.elements[row * d + f] - training.elements[t * d + f]
                sum += difference * difference
            }
            return sum
        }
    }

    /// The positions of the `count` nearest rows, chosen by scikit-learn's heap, ordered by distance
    /// and then position.
    static func nearest(_ squaredDistances: [Double], count: Int) -> [Int] {
        var values = [Double](repeating: .infinity, count: count)
        var indices = [Int](repeating: -1, count: count)
        for (index, value) in squaredDistances.enumerated() where value < values[0] {
            var current = 0
            while true {
                let left = 2 * current + 1, right = left + 1
                let next: Int
                if left >= count {
                    break
                } else if right >= count || values[left] >= values[right] {
                    guard value < values[left] else { break }
                    next = left
                } else {
                    guard value < values[right] else { break }
                    next = right
                }
                values[current] = values[next]
                indices[current] = indices[next]
                current = next
            }
            values[current] = value
            indices[current] = index
        }
        return indices.filter { $0 >= 0 }.sorted { (squaredDistances[$0], $0) < (squaredDistances[$1], $1) }
    }

    /// The weighted votes per class of `neighbors` (positions into `squaredDistances` and `labels`).
    static func votes(
        _ neighbors: [Int], squaredDistances: [Double], labels: [Int], classCount: Int, weights: KNNParameters.Weights
    ) -> [Double] {
        var weight = [Double](repeating: 1, count: neighbors.count)
        if weights == .distance {
            weight = neighbors.map { 1 / squaredDistances[$0].squareRoot() }
            if weight.contains(where: \.isInfinite) { weight = weight.map { $0.isInfinite ? 1 : 0 } }
        }
        var votes = [Double](repeating: 0, count: classCount)
        for (neighbor, w) in zip(neighbors, weight) { votes[labels[neighbor]] += w }
        return votes
    }

    /// The first class with the most votes.
    static func winner(_ votes: [Double]) -> Int {
        var best = 0
        for c in votes.indices where votes[c] > votes[best] { best = c }
        return best
    }
}
