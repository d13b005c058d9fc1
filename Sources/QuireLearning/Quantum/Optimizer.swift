import Foundation
import QuireCore

/// First-order optimizers for variational parameters (all deterministic; SPSA's randomness lives
/// in its gradient estimate, drawn from the training seed).
///
/// - `adam`: Kingma and Ba (2015), Algorithm 1: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
///   θ ← θ − α·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Defaults β₁ = 0.9, β₂ = 0.999, ε = 1e−8.
/// - `sgd`: v ← μv + g, θ ← θ − α·v (PyTorch's momentum form; μ = 0 is plain gradient descent).
/// - `spsa`: Spall (1998): θ ← θ − a_k·ĝ_k with a_k = α/(k + 1 + A)^0.602 and the SPSA estimate ĝ_k
///   taken with perturbation c_k = c/(k + 1)^0.101 (c from `GradientMethod.spsa`), k = step from 0.
public enum Optimizer: Hashable, Sendable {
    /// Adam with bias correction.
    case adam(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8)
    /// Gradient descent with momentum.
    case sgd(learningRate: Double, momentum: Double = 0)
    /// Simultaneous-perturbation stochastic approximation with Spall's gain sequences.
    case spsa(learningRate: Double, alpha: Double = 0.602, gamma: Double = 0.101, stability: Double = 0)

    /// Throws `LearningError.outOfRange` for invalid hyperparameters.
    func validate() throws {
        switch self {
        case .adam(let rate, let beta1, let beta2, let epsilon):
            try Check.real(rate, "learning_rate", of: "adam", lower: 0, lowerClosed: false)
            try Check.real(beta1, "beta1", of: "adam", lower: 0, upper: 1, upperClosed: false)
            try Check.real(beta2, "beta2", of: "adam", lower: 0, upper: 1, upperClosed: false)
            try Check.real(epsilon, "epsilon", of: "adam", lower: 0, lowerClosed: false)
        case .sgd(let rate, let momentum):
            try Check.real(rate, "learning_rate", of: "sgd", lower: 0, lowerClosed: false)
            try Check.real(momentum, "momentum", of: "sgd", lower: 0, upper: 1, upperClosed: false)
        case .spsa(let rate, let alpha, let gamma, let stability):
            try Check.real(rate, "learning_rate", of: "spsa", lower: 0, lowerClosed: false)
            try Check.real(alpha, "alpha", of: "spsa", lower: 0, lowerClosed: false)
            try Check.real(gamma, "gamma", of: "spsa", lower: 0, lowerClosed: false)
            try Check.real(stability, "stability", of: "spsa", lower: 0)
        }
    }

    /// SPSA's perturbation size at step k for base size c (other optimizers: c itself).
    func perturbation(_ c: Double, step k: Int) -> Double {
        guard case .spsa(_, _, let gamma, _) = self else { return c }
        return c / Elementary.pow(Double(k + 1), gamma)
    }
}

/// The running state of an optimizer: step count and moment estimates.
public struct OptimizerState: Hashable, Sendable {
    /// The optimizer.
    public let optimizer: Optimizer
    /// Steps taken.
    public private(set) var step = 0
    var first: [Double]
    var second: [Double]

    /// A fresh state for `count` parameters.
    public init(_ optimizer: Optimizer, count: Int) {
        self.optimizer = optimizer
        first = Array(repeating: 0, count: count)
        second = Array(repeating: 0, count: count)
    }

    /// Updates `parameters` with `gradient` and advances the step.
    public mutating func update(_ parameters: inout [Double], gradient: [Double]) {
        step += 1
        switch optimizer {
        case .adam(let rate, let beta1, let beta2, let epsilon):
            let correction1 = 1 - Elementary.pow(beta1, Double(step))
            let correction2 = 1 - Elementary.pow(beta2, Double(step))
            for k in parameters.indices {
                first[k] = beta1 * first[k] + (1 - beta1) * gradient[k]
                second[k] = beta2 * second[k] + (1 - beta2) * gradient[k] * gradient[k]
                parameters[k] -= rate * (first[k] / correction1) / ((second[k] / correction2).squareRoot() + epsilon)
            }
        case .sgd(let rate, let momentum):
            for k in parameters.indices {
                first[k] = momentum * first[k] + gradient[k]
                parameters[k] -= rate * first[k]
            }
        case .spsa(let rate, let alpha, _, let stability):
            let gain = rate / Elementary.pow(Double(step) + stability, alpha)
            for k in parameters.indices { parameters[k] -= gain * gradient[k] }
        }
    }
}
