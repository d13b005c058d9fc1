import QuireCore
import QuireSimulator

/// Trains a `VariationalModel` on a two-class dataset (see `TrainingConfiguration` for every
/// determinism rule), recording the loss after every epoch.
public enum VariationalTrainer {
    /// The trained classifier and its loss curve.
    ///
    /// `lossHistory[e]` is the mean loss over the whole training set with the parameters reached at
    /// the end of epoch e (evaluated on the configured engine); `circuitExecutions` counts the
    /// circuits run, loss-curve evaluations included. `epochFinished(e, loss)` is called after epoch e
    /// (from 1) with its loss, and `batchFinished(e, b, batches)` after each optimizer step (batch b
    /// of epoch e, both from 1), for progress reports; neither can change the result.
    ///
    /// - Throws: `LearningError` for invalid settings, a dataset that is not two-class, or features
    ///   the encoding cannot take; `SimulationError` for an invalid noise profile; `SimulationError` from the engine.
    public static func train(
        _ model: VariationalModel, on data: Dataset, configuration: TrainingConfiguration,
        epochFinished: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in },
        batchFinished: (_ epoch: Int, _ batch: Int, _ batches: Int) -> Void = { _, _, _ in }
    ) throws -> TrainedVariationalClassifier {
        try configuration.validate(qubits: model.qubitCount)
        try data.requireEveryClass(for: "variational classifier")
        guard data.classCount == 2 else {
            throw LearningError.unusableData(
                owner: "variational classifier", message: "needs two classes, got \(data.classCount); use a kernel model for more")
        }
        let inputs = try model.encoding.inputs(forRows: data.features)
        let labels = data.labels.map { $0 == 1 ? 1.0 : -1.0 }
        let evaluator = VariationalEvaluator(
            model: model, configuration: configuration)
        let (parameters, history) = try optimize(
            initialParameters(count: model.parameterCount, seed: configuration.seed), sampleCount: data.sampleCount,
            configuration: configuration, epochFinished: epochFinished, batchFinished: batchFinished
        ) { batch, parameters, step in
            try batchGradient(
                batch, inputs: inputs, labels: labels, parameters: parameters, evaluator: evaluator, configuration: configuration, step: step)
        } meanLoss: { samples, parameters, key in
            try meanLoss(samples, inputs: inputs, labels: labels, parameters: parameters, evaluator: evaluator, loss: configuration.loss, key: key)
        }
        return TrainedVariationalClassifier(
            model: model, parameters: parameters, lossHistory: history, configuration: configuration,
            circuitExecutions: evaluator.executionCount)
    }

    /// The optimisation loop every variational trainer shares: epochs of seeded batches, one optimizer
    /// step per batch, and the mean loss over every sample after each epoch (see `TrainingConfiguration`).
    ///
    /// - Parameters:
    ///   - batchFinished: told (epoch, batch, batches), all from 1, after each optimizer step.
    ///   - gradient: the batch's mean-loss gradient at the parameters, for optimizer step `step`.
    ///   - meanLoss: the mean loss over the listed samples at the parameters, sampled evaluations keyed by `key`.
    static func optimize(
        _ initial: [Double], sampleCount: Int, configuration: TrainingConfiguration, epochFinished: (_ epoch: Int, _ loss: Double) -> Void,
        batchFinished: (_ epoch: Int, _ batch: Int, _ batches: Int) -> Void = { _, _, _ in },
        gradient: (_ batch: [Int], _ parameters: [Double], _ step: UInt64) throws -> [Double],
        meanLoss: (_ samples: [Int], _ parameters: [Double], _ key: UInt64) throws -> Double
    ) throws -> (parameters: [Double], history: [Double]) {
        var parameters = initial
        var state = OptimizerState(configuration.optimizer, count: parameters.count)
        let batches = RandomStream(seed: configuration.seed, purpose: "batches")
        let everyone = Array(0..<sampleCount)
        var history = [Double]()
        var step: UInt64 = 0
        for epoch in 0..<configuration.epochs {
            let order = batches.substream(index: UInt64(epoch)).permutation(count: sampleCount)
            for start in stride(from: 0, to: order.count, by: configuration.batchSize) {
                state.update(
                    &parameters, gradient: try gradient(Array(order[start..<min(start + configuration.batchSize, order.count)]), parameters, step))
                step += 1
                batchFinished(epoch + 1, start / configuration.batchSize + 1, (sampleCount + configuration.batchSize - 1) / configuration.batchSize)
            }
            history.append(try meanLoss(everyone, parameters, UInt64(1) << 39 | UInt64(epoch)))
            epochFinished(epoch + 1, history[epoch])
        }
        return (parameters, history)
    }

    /// θₖ = 2π·u(k) from the "init" stream, bias 0.
    public static func initialParameters(count: Int, seed: UInt64) -> [Double] {
        let stream = RandomStream(seed: seed, purpose: "init")
        return (0..<(count - 1)).map { 2 * .pi * stream.uniform(at: UInt64($0)) } + [0]
    }

    /// Mean loss over `samples` (summed in sample order).
    static func meanLoss(
        _ samples: [Int], inputs: [[Double]], labels: [Double], parameters: [Double], evaluator: VariationalEvaluator,
        loss: ClassifierLoss, key: UInt64
    ) throws -> Double {
        let values = try evaluator.evaluate(samples: samples, inputs: inputs, parameters: Array(parameters.dropLast()), derivative: .none, key: key)
            .values
        var sum = 0.0
        for (slot, sample) in samples.enumerated() { sum += loss.value(output: values[slot] + parameters.last!, label: labels[sample]) }
        return sum / Double(samples.count)
    }

    /// The gradient of the batch's mean loss with respect to (θ, b).
    static func batchGradient(
        _ batch: [Int], inputs: [[Double]], labels: [Double], parameters: [Double], evaluator: VariationalEvaluator,
        configuration: TrainingConfiguration, step: UInt64
    ) throws -> [Double] {
        let theta = Array(parameters.dropLast())
        let bias = parameters.last!
        let p = theta.count
        let derivative: VariationalEvaluator.Derivative
        switch configuration.gradient {
        case .adjoint: derivative = .adjoint
        case .parameterShift: derivative = .parameterShift
        case .spsa(let c):
            return try spsaGradient(parameters, configuration: configuration, perturbation: c, step: step) { parameters, key in
                try meanLoss(batch, inputs: inputs, labels: labels, parameters: parameters, evaluator: evaluator, loss: configuration.loss, key: key)
            }
        }
        let (values, jacobian) = try evaluator.evaluate(samples: batch, inputs: inputs, parameters: theta, derivative: derivative, key: step)
        var gradient = [Double](repeating: 0, count: p + 1)
        for (slot, sample) in batch.enumerated() {
            let weight = configuration.loss.derivative(output: values[slot] + bias, label: labels[sample])
            for k in 0..<p { gradient[k] += weight * jacobian[slot * p + k] }
            gradient[p] += weight
        }
        return gradient.map { $0 / Double(batch.count) }
    }

    /// SPSA estimate [L(θ + cₖΔ) − L(θ − cₖΔ)]/(2cₖ)·Δ of a batch loss L over every parameter (biases
    /// included), cₖ the optimizer's perturbation at `step` for base size `c`; the two losses are keyed
    /// `step << 1` and `step << 1 | 1`.
    static func spsaGradient(
        _ parameters: [Double], configuration: TrainingConfiguration, perturbation c: Double, step: UInt64,
        loss: (_ parameters: [Double], _ key: UInt64) throws -> Double
    ) throws -> [Double] {
        let c = configuration.optimizer.perturbation(c, step: Int(step))
        let directions = RandomStream(seed: configuration.seed, purpose: "spsa").substream(index: step)
        let delta = parameters.indices.map { directions.uniform(at: UInt64($0)) < 0.5 ? -1.0 : 1.0 }
        let up = try loss(zip(parameters, delta).map { $0 + c * $1 }, step << 1)
        let down = try loss(zip(parameters, delta).map { $0 - c * $1 }, step << 1 | 1)
        return delta.map { (up - down) / (2 * c) * $0 }
    }
}
