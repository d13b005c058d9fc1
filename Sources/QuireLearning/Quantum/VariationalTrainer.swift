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
    /// (from 1) with its loss, for progress reports; it cannot change the result.
    ///
    /// - Throws: `LearningError` for invalid settings, a dataset that is not two-class, or features
    ///   the encoding cannot take; `NoiseProfileError` for an invalid noise profile; `SimulationError` from the engine.
    public static func train(
        _ model: VariationalModel, on data: Dataset, configuration: TrainingConfiguration,
        epochFinished: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }
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
        var parameters = initialParameters(count: model.parameterCount, seed: configuration.seed)
        var state = OptimizerState(configuration.optimizer, count: parameters.count)
        let batches = RandomStream(seed: configuration.seed, purpose: "batches")
        let everyone = Array(0..<data.sampleCount)
        var history = [Double]()
        var step: UInt64 = 0
        for epoch in 0..<configuration.epochs {
            let order = batches.substream(index: UInt64(epoch)).permutation(count: data.sampleCount)
            for start in stride(from: 0, to: order.count, by: configuration.batchSize) {
                let batch = Array(order[start..<min(start + configuration.batchSize, order.count)])
                let gradient = try batchGradient(
                    batch, inputs: inputs, labels: labels, parameters: parameters, evaluator: evaluator,
                    configuration: configuration, step: step)
                state.update(&parameters, gradient: gradient)
                step += 1
            }
            let key = UInt64(1) << 39 | UInt64(epoch)
            history.append(
                try meanLoss(
                    everyone, inputs: inputs, labels: labels, parameters: parameters, evaluator: evaluator, loss: configuration.loss, key: key))
            epochFinished(epoch + 1, history[epoch])
        }
        return TrainedVariationalClassifier(
            model: model, parameters: parameters, lossHistory: history, configuration: configuration,
            circuitExecutions: evaluator.executionCount)
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
            return try spsaGradient(
                batch, inputs: inputs, labels: labels, parameters: parameters, evaluator: evaluator, configuration: configuration,
                perturbation: configuration.optimizer.perturbation(c, step: Int(step)), step: step)
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

    /// SPSA estimate [L(θ + cΔ) − L(θ − cΔ)]/(2c)·Δ of the batch loss, bias included in θ.
    static func spsaGradient(
        _ batch: [Int], inputs: [[Double]], labels: [Double], parameters: [Double], evaluator: VariationalEvaluator,
        configuration: TrainingConfiguration, perturbation c: Double, step: UInt64
    ) throws -> [Double] {
        let directions = RandomStream(seed: configuration.seed, purpose: "spsa").substream(index: step)
        let delta = parameters.indices.map { directions.uniform(at: UInt64($0)) < 0.5 ? -1.0 : 1.0 }
        let plus = zip(parameters, delta).map { $0 + c * $1 }
        let minus = zip(parameters, delta).map { $0 - c * $1 }
        let up = try meanLoss(batch, inputs: inputs, labels: labels, parameters: plus, evaluator: evaluator, loss: configuration.loss, key: step << 1)
        let down = try meanLoss(
            batch, inputs: inputs, labels: labels, parameters: minus, evaluator: evaluator, loss: configuration.loss, key: step << 1 | 1)
        return delta.map { (up - down) / (2 * c) * $0 }
    }
}
