import Foundation
import QuireCore

/// The per-sample loss of a variational classifier with output f = ⟨O⟩ + b and label y ∈ {−1, +1}.
///
/// - `square` (default): (f − y)², the loss of PennyLane's variational-classifier tutorial and of
///   Schuld et al. (2020).
/// - `crossEntropy`: binary cross-entropy of p = (f + 1)/2 against t = (y + 1)/2, with p clipped to
///   [1e−12, 1 − 1e−12]; where the clip is active the loss is constant and its derivative zero.
/// A batch's loss is the mean of its samples' losses, summed in sample order.
public enum ClassifierLoss: String, Hashable, Sendable, CaseIterable {
    /// (f − y)².
    case square
    /// −[t log p + (1 − t) log(1 − p)], p = (f + 1)/2.
    case crossEntropy = "cross-entropy"

    static let clip = 1e-12

    /// The loss ℓ(f, y).
    public func value(output f: Double, label y: Double) -> Double {
        switch self {
        case .square:
            return (f - y) * (f - y)
        case .crossEntropy:
            let p = min(max((f + 1) / 2, Self.clip), 1 - Self.clip)
            let t = (y + 1) / 2
            return -(t * Elementary.log(p) + (1 - t) * Elementary.log(1 - p))
        }
    }

    /// ∂ℓ/∂f.
    public func derivative(output f: Double, label y: Double) -> Double {
        switch self {
        case .square:
            return 2 * (f - y)
        case .crossEntropy:
            let p = (f + 1) / 2
            let t = (y + 1) / 2
            guard p > Self.clip, p < 1 - Self.clip else { return 0 }
            return (p - t) / (p * (1 - p)) / 2
        }
    }
}
