import QuireSimulator

/// A trained variational classifier: class 1 when f(x) = ⟨O⟩ + b ≥ 0, else class 0.
public struct TrainedVariationalClassifier: Classifier {
    /// The model.
    public let model: VariationalModel
    /// θ followed by the bias b.
    public let parameters: [Double]
    /// Mean training loss after each epoch.
    public let lossHistory: [Double]
    /// The configuration it was trained with (its execution is used for predictions too).
    public let configuration: TrainingConfiguration
    /// Circuits executed during training (loss curve included): a forward or adjoint pass counts
    /// one, each shifted circuit of the parameter-shift rule one more.
    public let circuitExecutions: Int

    /// Shots spent in training: `execution.shots × circuitExecutions` (0 for exact evaluation).
    public var shotsUsed: Int { (configuration.execution?.shots ?? 0) * circuitExecutions }

    /// Two classes.
    public var classCount: Int { 2 }

    /// f(x) = ⟨O⟩ + b for every row, on the training configuration's engine (sampled evaluations
    /// keyed apart from training's).
    ///
    /// - Throws: `LearningError` when the encoding cannot take a row; `SimulationError` from the engine.
    public func outputs(_ features: Matrix) throws -> [Double] {
        let inputs = try model.encoding.inputs(forRows: features)
        let evaluator = VariationalEvaluator(
            model: model, configuration: configuration)
        let values = try evaluator.evaluate(
            samples: Array(0..<features.rows), inputs: inputs, parameters: Array(parameters.dropLast()), derivative: .none, key: 1 << 38)
        return values.values.map { $0 + parameters.last! }
    }

    /// Classes from `outputs`; rows the encoding or engine cannot take (an all-zero row under
    /// amplitude encoding) are predicted as class 0 — call `outputs` to see the error.
    public func predict(_ features: Matrix) -> [Int] {
        guard let values = try? outputs(features) else {
            return (0..<features.rows).map { row in
                (try? outputs(features.selectingRows([row]))).map { $0[0] >= 0 ? 1 : 0 } ?? 0
            }
        }
        return values.map { $0 >= 0 ? 1 : 0 }
    }

    /// P(class 1) = (f + 1)/2 clipped to [0, 1], P(class 0) its complement; nil if a row cannot be encoded.
    public func probabilities(_ features: Matrix) -> Matrix? {
        guard let values = try? outputs(features) else { return nil }
        return Matrix(
            rows: features.rows, columns: 2,
            elements: values.flatMap { f -> [Double] in
                let p = min(max((f + 1) / 2, 0), 1)
                return [1 - p, p]
            })
    }
}
