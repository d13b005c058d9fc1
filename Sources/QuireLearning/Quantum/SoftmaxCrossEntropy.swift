import Foundation
import QuireCore

/// Softmax cross-entropy of a multi-class variational classifier's logits: the loss of the
/// `softmax` readout.
///
/// For logits z₀…z_{k−1} and label y, pᶜ = exp(z_c − m) / Σⱼ exp(zⱼ − m) with m = maxⱼ zⱼ (the
/// shift changes nothing but keeps exp finite) and ℓ = −log p_y = log Σⱼ exp(zⱼ − m) − (z_y − m);
/// ∂ℓ/∂z_c = p_c − [c = y]. Sums run in class order.
enum SoftmaxCrossEntropy {
    /// The class probabilities softmax(z).
    static func probabilities(_ logits: [Double]) -> [Double] {
        let m = logits.max() ?? 0
        let exponentials = logits.map { Elementary.exp($0 - m) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// ℓ(z, y) = −log softmax(z)_y.
    static func value(logits: [Double], label y: Int) -> Double {
        let m = logits.max() ?? 0
        return Elementary.log(logits.reduce(0) { $0 + Elementary.exp($1 - m) }) - (logits[y] - m)
    }

    /// ∂ℓ/∂z_c = softmax(z)_c − [c = y] for every class c.
    static func derivative(logits: [Double], label y: Int) -> [Double] {
        var gradient = probabilities(logits)
        gradient[y] -= 1
        return gradient
    }
}
