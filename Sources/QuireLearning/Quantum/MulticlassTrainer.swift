import QuireCore

/// Trains a variational classifier on k ≥ 2 classes, by one of two readouts (each with the
/// determinism rules of `TrainingConfiguration`).
///
/// - `softmax(scale:)`: one circuit; class c is read as ⟨Z_c⟩ on qubit c (so the model needs at
///   least k qubits), logits z_c = s·⟨Z_c⟩ + b_c, loss the softmax cross-entropy (`SoftmaxObjective`).
///   Parameters start as θ of `VariationalTrainer.initialParameters` and biases 0. The loss
///   configured for two-class models (`TrainingConfiguration.loss`) is not used.
/// - `oneVsRest`: k two-class models (`VariationalTrainer`, the configured loss and observable),
///   model c learning class c against the rest on the same training set with its own seed
///   `RandomStream(seed, purpose: "one-vs-rest").uint64(at: c)` (training and shots), so no model's
///   result depends on another's or on the order they are trained in.
///
/// Either way the result predicts the class of the largest output (ties go to the lowest index).
public enum MulticlassTrainer {
    /// How a multi-class variational classifier reads its classes.
    public enum Readout: Hashable, Sendable {
        /// One ⟨Z_c⟩ per class with softmax cross-entropy; `scale` is the fixed logit scale s.
        case softmax(scale: Double)
        /// k two-class models, class c against the rest.
        case oneVsRest
    }

    /// Trains `model` on every class of `data`; `epochFinished(e, loss)` hears each epoch (from 1)
    /// with the epoch's loss (for one-vs-rest, the mean of the k models' losses, told once all k
    /// have finished it).
    ///
    /// - Throws: `LearningError` for invalid settings, a class without samples, a softmax readout
    ///   with fewer qubits than classes or a non-positive scale, or features the encoding cannot
    ///   take; `SimulationError` and `SimulationError` as `VariationalTrainer.train`.
    public static func train(
        _ model: VariationalModel, readout: Readout, on data: Dataset, configuration: TrainingConfiguration,
        epochFinished: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }
    ) throws -> TrainedMulticlassClassifier {
        try configuration.validate(qubits: model.qubitCount)
        try data.requireEveryClass(for: "variational classifier")
        switch readout {
        case .softmax(let scale): return try softmax(model, scale: scale, on: data, configuration: configuration, epochFinished: epochFinished)
        case .oneVsRest: return try oneVsRest(model, on: data, configuration: configuration, epochFinished: epochFinished)
        }
    }

    private static func softmax(
        _ model: VariationalModel, scale: Double, on data: Dataset, configuration: TrainingConfiguration,
        epochFinished: (Int, Double) -> Void
    ) throws -> TrainedMulticlassClassifier {
        let k = data.classCount
        guard model.qubitCount >= k else {
            throw LearningError.outOfRange(
                owner: "model", field: "qubits", value: "\(model.qubitCount)",
                valid: "at least \(k), one per class: the softmax readout reads class c on qubit c")
        }
        try Check.real(scale, "scale", of: "softmax", lower: 0, lowerClosed: false)
        let readouts = try (0..<k).map { try model.reading(.z(qubit: $0)) }
        let objective = SoftmaxObjective(
            evaluators: readouts.map { VariationalEvaluator(model: $0, configuration: configuration) },
            inputs: try model.encoding.inputs(forRows: data.features), labels: data.labels, scale: scale)
        let initial =
            VariationalTrainer.initialParameters(count: model.parameterCount, seed: configuration.seed) + Array(repeating: 0, count: k - 1)
        let (parameters, history) = try VariationalTrainer.optimize(
            initial, sampleCount: data.sampleCount, configuration: configuration, epochFinished: epochFinished
        ) { batch, parameters, step in
            try objective.gradient(batch, parameters: parameters, configuration: configuration, step: step)
        } meanLoss: { samples, parameters, key in
            try objective.meanLoss(samples, parameters: parameters, key: key)
        }
        let theta = Array(parameters.prefix(objective.thetaCount))
        // Class c's output f_c = ⟨Z_c⟩ + b_c/s, so that s·f_c is its logit and argmax f_c the predicted class.
        let members = readouts.enumerated().map { c, readout in
            TrainedVariationalClassifier(
                model: readout, parameters: theta + [parameters[objective.thetaCount + c] / scale], lossHistory: [],
                configuration: configuration, circuitExecutions: 0)
        }
        return TrainedMulticlassClassifier(
            readout: .softmax(scale: scale), members: members, parameters: parameters, lossHistory: history,
            configuration: configuration, circuitExecutions: objective.evaluators.reduce(0) { $0 + $1.executionCount })
    }

    private static func oneVsRest(
        _ model: VariationalModel, on data: Dataset, configuration: TrainingConfiguration, epochFinished: (Int, Double) -> Void
    ) throws -> TrainedMulticlassClassifier {
        let seeds = RandomStream(seed: configuration.seed, purpose: "one-vs-rest")
        let members = try (0..<data.classCount).map { c in
            var binary = configuration
            binary.seed = seeds.uint64(at: UInt64(c))
            binary.execution?.seed = binary.seed
            let rest = Dataset(features: data.features, labels: data.labels.map { $0 == c ? 1 : 0 }, classCount: 2, featureNames: data.featureNames)
            return try VariationalTrainer.train(model, on: rest, configuration: binary)
        }
        let history = (0..<configuration.epochs).map { epoch in members.reduce(0) { $0 + $1.lossHistory[epoch] } / Double(members.count) }
        for (epoch, loss) in history.enumerated() { epochFinished(epoch + 1, loss) }
        return TrainedMulticlassClassifier(
            readout: .oneVsRest, members: members, parameters: members.flatMap(\.parameters), lossHistory: history,
            configuration: configuration, circuitExecutions: members.reduce(0) { $0 + $1.circuitExecutions })
    }
}
