import Foundation

/// Each feature's bin thresholds, found as scikit-learn's `_BinMapper` finds them, and the data
/// mapped to bins.
///
/// With at most `maxBins` distinct values a feature's thresholds are the midpoints `(a + b) / 2` of
/// neighbouring distinct values; with more, the `i / maxBins` percentiles of the sorted column
/// (NumPy's `averaged_inverted_cdf`: the mean of two neighbours where the rank is whole), duplicates
/// dropped. Value `x` falls in bin `i` when `threshold[i − 1] < x ≤ threshold[i]`. scikit-learn
/// finds the percentiles on a subsample of 200,000 rows above that size; Quire's data sets are
/// smaller, so every row counts, as there.
struct HistogramBinning: Hashable, Sendable {
    /// Thresholds of every feature, ascending; feature `f` has `thresholds[f].count + 1` bins.
    let thresholds: [[Double]]

    /// The thresholds of every column of `features`.
    init(_ features: Matrix, maxBins: Int) {
        thresholds = (0..<features.columns).map { column in
            Self.thresholds((0..<features.rows).map { features[$0, column] }, maxBins: maxBins)
        }
    }

    /// The bins of feature `f` (its thresholds plus one).
    func binCount(_ f: Int) -> Int { thresholds[f].count + 1 }

    /// Every value's bin, column-major (`bins[f * rows + i]` for row `i`), as the tree grower reads them.
    func bins(_ features: Matrix) -> [UInt8] {
        var bins = [UInt8](repeating: 0, count: features.rows * features.columns)
        for f in 0..<features.columns {
            for i in 0..<features.rows { bins[f * features.rows + i] = UInt8(Self.bin(features[i, f], thresholds[f])) }
        }
        return bins
    }

    /// The first bin whose threshold is at least `value` (binary search), or the last bin.
    static func bin(_ value: Double, _ thresholds: [Double]) -> Int {
        var low = 0
        var high = thresholds.count
        while low < high {
            let middle = low + (high - low - 1) / 2
            if value <= thresholds[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// One column's thresholds (empty for a constant column).
    static func thresholds(_ column: [Double], maxBins: Int) -> [Double] {
        let sorted = column.sorted()
        var distinct = [Double]()
        for value in sorted where distinct.last != value { distinct.append(value) }
        guard distinct.count > 1 else { return [] }
        var result: [Double]
        if distinct.count <= maxBins {
            result = zip(distinct, distinct.dropFirst()).map { ($0 + $1) / 2 }
        } else {
            result = (1..<maxBins).map { percentile(sorted, Double($0) * (100 / Double(maxBins))) }
            var unique = [Double]()
            for value in result.sorted() where unique.last != value { unique.append(value) }
            result = unique
        }
        return result.map { min($0, 1e300) }
    }

    /// NumPy's `percentile(sorted, q, method="averaged_inverted_cdf")`: the virtual index
    /// `n · q/100 − 1`, rounded up to the next element, or the two neighbours' mean when it is whole.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let n = sorted.count
        let virtual = Double(n) * (q / 100) - 1
        let previous = virtual.rounded(.down)
        let lower = sorted[min(max(Int(previous), 0), n - 1)]
        let upper = sorted[min(max(Int(previous) + 1, 0), n - 1)]
        let t = virtual - previous == 0 ? 0.5 : 1
        let difference = upper - lower
        return t >= 0.5 ? upper - difference * (1 - t) : lower + difference * t
    }
}
