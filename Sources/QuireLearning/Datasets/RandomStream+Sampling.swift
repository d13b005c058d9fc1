import QuireCore

extension RandomStream {
    /// A uniformly random permutation of `0 ..< count` (Fisher–Yates; swap `i` with an index
    /// drawn from uniform value `i`), so the result depends only on this stream and `count`.
    func permutation(count: Int) -> [Int] {
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = min(i, Int(uniform(at: UInt64(i)) * Double(i + 1)))
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }
}

/// Helpers shared by the dataset generators.
enum Generation {
    /// `count` evenly spaced values from `start` to `stop` (inclusive when `endpoint`), computed as
    /// numpy's `linspace` does (`start + i·step`, the last value set to `stop` exactly), so that
    /// noise-free moons and circles lie on the same points as scikit-learn's.
    static func linspace(_ start: Double, _ stop: Double, count: Int, endpoint: Bool = true) -> [Double] {
        guard count > 0 else { return [] }
        let divisions = endpoint ? count - 1 : count
        guard divisions > 0 else { return [start] }
        let step = (stop - start) / Double(divisions)
        var values = (0..<count).map { start + Double($0) * step }
        if endpoint { values[count - 1] = stop }
        return values
    }

    /// Scales every column to mean 0 and population standard deviation 1 (scikit-learn's
    /// `StandardScaler().fit_transform`, used by the qml-benchmarks generators); a constant column
    /// is only centred.
    static func standardizeColumns(_ matrix: inout Matrix) {
        let scaler = Scaling.standard.fit(matrix)
        matrix = scaler.transform(matrix)
    }

    /// The dataset with rows in the order given by a permutation drawn from `stream`.
    static func shuffled(_ dataset: Dataset, _ stream: RandomStream) -> Dataset {
        dataset.selecting(stream.permutation(count: dataset.sampleCount))
    }
}
