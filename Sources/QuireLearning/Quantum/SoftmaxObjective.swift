/// The mean softmax cross-entropy of a variational model's k class logits over a batch, and its
/// gradient: what `SoftmaxTrainer` optimises.
///
/// Parameters are θ followed by the class biases b₀…b_{k−1}; logit z_c = s·⟨Z_c⟩_θ(x) + b_c with Z_c
/// on qubit c and a fixed scale s. Then ∂ℓ/∂θ = Σ_c (p_c − [c = y])·s·∂⟨Z_c⟩/∂θ and
/// ∂ℓ/∂b_c = p_c − [c = y], where ∂⟨Z_c⟩/∂θ comes from class c's evaluator (adjoint or parameter
/// shift). Every class reads the same circuit with the same evaluation keys, so sampled estimates of
/// all k outputs come from one set of shots, as one measurement record would give them.
struct SoftmaxObjective {
    /// One evaluator per class, reading Z on that class's qubit.
    let evaluators: [VariationalEvaluator]
    /// The encoded inputs of every sample.
    let inputs: [[Double]]
    /// Class indices.
    let labels: [Int]
    /// The logit scale s.
    let scale: Double

    /// Number of classes k.
    var classCount: Int { evaluators.count }
    /// Number of circuit parameters θ.
    var thetaCount: Int { evaluators[0].circuit.parameterCount }

    /// Every class's ⟨Z_c⟩ (and its derivative rows) on `samples`.
    private func evaluate(
        _ samples: [Int], _ parameters: [Double], derivative: VariationalEvaluator.Derivative, key: UInt64
    ) throws -> [(values: [Double], jacobian: [Double])] {
        let theta = Array(parameters.prefix(thetaCount))
        return try evaluators.map { try $0.evaluate(samples: samples, inputs: inputs, parameters: theta, derivative: derivative, key: key) }
    }

    /// The logits of the sample in `slot`.
    private func logits(_ outputs: [(values: [Double], jacobian: [Double])], slot: Int, _ parameters: [Double]) -> [Double] {
        (0..<classCount).map { scale * outputs[$0].values[slot] + parameters[thetaCount + $0] }
    }

    /// Mean loss over `samples` (summed in sample order).
    func meanLoss(_ samples: [Int], parameters: [Double], key: UInt64) throws -> Double {
        let outputs = try evaluate(samples, parameters, derivative: .none, key: key)
        var sum = 0.0
        for (slot, sample) in samples.enumerated() {
            sum += SoftmaxCrossEntropy.value(logits: logits(outputs, slot: slot, parameters), label: labels[sample])
        }
        return sum / Double(samples.count)
    }

    /// The gradient of the batch's mean loss with respect to (θ, b), by the configured method.
    func gradient(_ batch: [Int], parameters: [Double], configuration: TrainingConfiguration, step: UInt64) throws -> [Double] {
        let derivative: VariationalEvaluator.Derivative
        switch configuration.gradient {
        case .adjoint: derivative = .adjoint
        case .parameterShift: derivative = .parameterShift
        case .spsa(let c):
            return try VariationalTrainer.spsaGradient(parameters, configuration: configuration, perturbation: c, step: step) {
                try meanLoss(batch, parameters: $0, key: $1)
            }
        }
        let outputs = try evaluate(batch, parameters, derivative: derivative, key: step)
        let p = thetaCount
        var gradient = [Double](repeating: 0, count: p + classCount)
        for (slot, sample) in batch.enumerated() {
            let weights = SoftmaxCrossEntropy.derivative(logits: logits(outputs, slot: slot, parameters), label: labels[sample])
            for (c, weight) in weights.enumerated() {
                let jacobian = outputs[c].jacobian
                for k in 0..<p { gradient[k] += scale * weight * jacobian[slot * p + k] }
                gradient[p + c] += weight
            }
        }
        return gradient.map { $0 / Double(batch.count) }
    }
}
