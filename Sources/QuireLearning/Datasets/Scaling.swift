/// How features are rescaled before a model sees them; fitted on the training set only.
///
/// Fitting on the training set alone and applying the same map to the test set keeps every
/// statistic of the test data out of training (no leakage); test values may therefore fall
/// outside the target range, and are not clipped (scikit-learn's default).
public enum Scaling: Hashable, Sendable {
    /// Leave features unchanged.
    case none
    /// Subtract the column mean and divide by the population standard deviation (scikit-learn's
    /// `StandardScaler`); a constant column is only centred.
    case standard
    /// Map each column's training minimum to `lower` and maximum to `upper` (scikit-learn's
    /// `MinMaxScaler(feature_range=(lower, upper))`), e.g. `[0, π]` for angle encodings; a
    /// constant column maps to `lower`.
    case minMax(lower: Double, upper: Double)

    /// Throws `LearningError.outOfRange` when a min-max range is empty or not finite.
    public func validate() throws {
        if case .minMax(let lower, let upper) = self {
            try Check.real(lower, "range.lower", of: "scale", lower: nil)
            try Check.real(upper, "range.upper", of: "scale", lower: lower, lowerClosed: false)
        }
    }

    /// The per-column map fitted to `features` (the training set).
    public func fit(_ features: Matrix) -> FittedScaler {
        let n = features.rows
        let d = features.columns
        var center = [Double](repeating: 0, count: d)
        var factor = [Double](repeating: 1, count: d)
        var shift = [Double](repeating: 0, count: d)
        switch self {
        case .none:
            break
        case .standard:
            for j in 0..<d {
                var mean = 0.0
                for i in 0..<n { mean += features[i, j] }
                mean /= Double(max(n, 1))
                var variance = 0.0
                for i in 0..<n { variance += (features[i, j] - mean) * (features[i, j] - mean) }
                let deviation = (variance / Double(max(n, 1))).squareRoot()
                center[j] = mean
                factor[j] = deviation > 0 ? 1 / deviation : 1
            }
        case .minMax(let lower, let upper):
            for j in 0..<d {
                var low = Double.infinity
                var high = -Double.infinity
                for i in 0..<n {
                    low = min(low, features[i, j])
                    high = max(high, features[i, j])
                }
                let range = high - low
                center[j] = n > 0 ? low : 0
                factor[j] = range > 0 ? (upper - lower) / range : 1
                shift[j] = lower
            }
        }
        return FittedScaler(scaling: self, center: center, factor: factor, shift: shift)
    }
}

/// A fitted per-column affine map `x' = (x − center) · factor + shift`.
public struct FittedScaler: Hashable, Sendable {
    /// The scaling this map was fitted for.
    public let scaling: Scaling
    /// Per-column value subtracted first (mean or training minimum).
    public let center: [Double]
    /// Per-column multiplier.
    public let factor: [Double]
    /// Per-column value added last (the lower end of a min-max range).
    public let shift: [Double]

    /// `features` mapped column by column; the column count must match the fitted data.
    public func transform(_ features: Matrix) -> Matrix {
        precondition(features.columns == center.count, "FittedScaler: \(features.columns) columns, fitted on \(center.count)")
        var out = features
        let d = features.columns
        for i in 0..<features.rows {
            for j in 0..<d {
                out.elements[i * d + j] = (features.elements[i * d + j] - center[j]) * factor[j] + shift[j]
            }
        }
        return out
    }

    /// `data` with its features mapped; labels and names unchanged.
    public func transform(_ data: Dataset) -> Dataset {
        var copy = data
        copy.features = transform(data.features)
        return copy
    }
}

extension TrainTestSplit {
    /// The split with `scaling` fitted on the training features and applied to both sets.
    public func scaled(_ scaling: Scaling) throws -> TrainTestSplit {
        try scaling.validate()
        let scaler = scaling.fit(train.features)
        var copy = self
        copy.train = scaler.transform(train)
        copy.test = scaler.transform(test)
        return copy
    }
}
