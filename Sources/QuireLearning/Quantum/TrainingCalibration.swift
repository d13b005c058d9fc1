/// A few evaluations of a variational model exactly as training runs them, for a caller that times
/// them to estimate a run's duration before it starts (the engine itself reads no clock).
///
/// Built once (buffers allocated, circuit compiled) so that the timed calls measure evaluation
/// alone; results are discarded and nothing here affects any training run.
public final class TrainingCalibration: @unchecked Sendable {
    private let evaluator: VariationalEvaluator
    private let inputs: [[Double]]
    private let theta: [Double]
    private let derivative: VariationalEvaluator.Derivative

    /// A calibration of `model` under `configuration` on one feature row (any representative values).
    ///
    /// - Throws: `LearningError` when the encoding cannot take `features`.
    public init(_ model: VariationalModel, configuration: TrainingConfiguration, features: [Double]) throws {
        var single = configuration
        single.threads = 1
        evaluator = VariationalEvaluator(model: model, configuration: single)
        inputs = [try model.encoding.inputs(for: features)]
        theta = Array(VariationalTrainer.initialParameters(count: model.parameterCount, seed: configuration.seed).dropLast())
        switch configuration.gradient {
        case .adjoint: derivative = .adjoint
        case .parameterShift: derivative = .parameterShift
        case .spsa: derivative = .none
        }
    }

    /// One sample's value and gradient on one thread, as in a training step (SPSA: one value; it
    /// takes two per step for the whole batch).
    public func evaluateGradient() throws {
        _ = try evaluator.evaluate(samples: [0], inputs: inputs, parameters: theta, derivative: derivative, key: 0)
    }

    /// One sample's value on one thread, as in the loss curve and predictions.
    public func evaluateValue() throws {
        _ = try evaluator.evaluate(samples: [0], inputs: inputs, parameters: theta, derivative: .none, key: 0)
    }
}
