/// Gradient and hessian sums per (feature, bin) of one node's samples, and the best split they
/// allow, as scikit-learn's histogram builder and `Splitter` compute them.
struct NodeHistogram {
    /// Sum of gradients, sum of hessians and sample count of bin `b` of feature `f` at `f * stride + b`.
    var gradients: [Double]
    var hessians: [Double]
    var counts: [Int]

    /// An empty histogram of `features × stride` bins.
    init(features: Int, stride: Int) {
        gradients = [Double](repeating: 0, count: features * stride)
        hessians = gradients
        counts = [Int](repeating: 0, count: features * stride)
    }

    /// Adds the samples `rows` (in this order, so the sums are scikit-learn's) of the column-major
    /// `bins` of `sampleCount` rows; gradients and hessians are single precision, as there.
    mutating func add(
        rows: ArraySlice<Int>, bins: [UInt8], sampleCount: Int, stride: Int, gradients g: [Float], hessians h: [Float]
    ) {
        let features = counts.count / stride
        for f in 0..<features {
            let column = f * sampleCount
            let offset = f * stride
            for i in rows {
                let b = offset + Int(bins[column + i])
                gradients[b] += Double(g[i])
                hessians[b] += Double(h[i])
                counts[b] += 1
            }
        }
    }

    /// The histogram of `parent`'s samples less those of `child` (scikit-learn's subtraction trick).
    init(_ parent: NodeHistogram, minus child: NodeHistogram) {
        gradients = zip(parent.gradients, child.gradients).map { $0 - $1 }
        hessians = zip(parent.hessians, child.hessians).map { $0 - $1 }
        counts = zip(parent.counts, child.counts).map { $0 - $1 }
    }

    /// NumPy's pairwise sum of `values[start ..< start + count]` (eight accumulators up to 128
    /// values, halves above), which scikit-learn uses for the root's totals.
    static func pairwiseSum(_ values: [Double], _ start: Int, _ count: Int) -> Double {
        if count < 8 {
            var sum = -0.0
            for i in start..<(start + count) { sum += values[i] }
            return sum
        }
        if count <= 128 {
            var r = Array(values[start..<(start + 8)])
            var i = 8
            while i < count - count % 8 {
                for j in 0..<8 { r[j] += values[start + i + j] }
                i += 8
            }
            var sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < count {
                sum += values[start + i]
                i += 1
            }
            return sum
        }
        let half = count / 2 - (count / 2) % 8
        return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, count - half)
    }
}

/// The best split of a node: the feature, the last bin that goes left, and both sides' sums.
struct HistogramSplit {
    var gain: Double
    var feature: Int
    var bin: Int
    var gradientLeft: Double
    var hessianLeft: Double
    var gradientRight: Double
    var hessianRight: Double
    var samplesLeft: Int
    var samplesRight: Int

    /// scikit-learn's leaf value −G/(H + λ + 10⁻¹⁵) (before shrinkage).
    static func value(_ gradient: Double, _ hessian: Double, l2: Double) -> Double {
        -gradient / (hessian + l2 + 1e-15)
    }

    /// The best split of a node whose value is `value` (0 for the root, as in scikit-learn), or nil
    /// when no split keeps `minSamplesLeaf` samples and a hessian of 10⁻³ on both sides with a
    /// positive gain. Bins are scanned left to right and features in order; only a strictly larger
    /// gain replaces the best, so ties go to the first feature and bin, as in scikit-learn.
    static func best(
        _ histogram: NodeHistogram, stride: Int, binCounts: [Int], samples: Int, gradient: Double, hessian: Double,
        value: Double, minSamplesLeaf: Int, l2: Double
    ) -> HistogramSplit? {
        let parentLoss = gradient * value
        var best: HistogramSplit?
        for (f, binCount) in binCounts.enumerated() {
            var featureBest: HistogramSplit?
            var gradientLeft = 0.0
            var hessianLeft = 0.0
            var samplesLeft = 0
            for b in 0..<(binCount - 1) {
                let k = f * stride + b
                samplesLeft += histogram.counts[k]
                let samplesRight = samples - samplesLeft
                hessianLeft += histogram.hessians[k]
                let hessianRight = hessian - hessianLeft
                gradientLeft += histogram.gradients[k]
                let gradientRight = gradient - gradientLeft
                if samplesLeft < minSamplesLeaf { continue }
                if samplesRight < minSamplesLeaf { break }
                if hessianLeft < 1e-3 { continue }
                if hessianRight < 1e-3 { break }
                var gain = parentLoss
                gain -= gradientLeft * Self.value(gradientLeft, hessianLeft, l2: l2)
                gain -= gradientRight * Self.value(gradientRight, hessianRight, l2: l2)
                if gain > (featureBest?.gain ?? -1) && gain > 0 {
                    featureBest = HistogramSplit(
                        gain: gain, feature: f, bin: b, gradientLeft: gradientLeft, hessianLeft: hessianLeft,
                        gradientRight: gradient - gradientLeft, hessianRight: hessian - hessianLeft,
                        samplesLeft: samplesLeft, samplesRight: samples - samplesLeft)
                }
            }
            if let featureBest, featureBest.gain > (best?.gain ?? -1) { best = featureBest }
        }
        return best
    }
}
