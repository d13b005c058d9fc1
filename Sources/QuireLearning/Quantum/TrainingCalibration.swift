/// A few evaluations of a variational model exactly as training runs them, for a caller that times
/// them to estimate a run's duration before it starts (the engine itself reads no clock).
///
/// The evaluator (buffers, compiled circuit) is built on the first call, so a calibration nobody
/// times costs no memory; time the second and later calls to measure evaluation alone. Results are
/// discarded and nothing here affects any training run. One caller at a time.
public final class TrainingCalibration: @unchecked Sendable {
    private let model: VariationalModel
    private let configuration: TrainingConfiguration
    private lazy var evaluator = VariationalEvaluator(model: model, configuration: configuration)
    private let inputs: [[Double]]
    private let theta: [Double]
    private let derivative: VariationalEvaluator.Derivative

    /// A calibration of `model` under `configuration` on one feature row (any representative values).
    ///
    /// - Throws: `LearningError` when the encoding cannot take `features`.
    public init(_ model: VariationalModel, configuration: TrainingConfiguration, features: [Double]) throws {
        var single = configuration
        single.threads = 1
        self.model = model
        self.configuration = single
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
