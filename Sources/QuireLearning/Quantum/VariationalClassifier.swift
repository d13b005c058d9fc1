/// A trained variational classifier of any class count: what a report needs to measure, describe
/// and mitigate it, whether it is one two-class model or a multi-class one.
public protocol VariationalClassifier: Classifier {
    /// The circuit (for a multi-class classifier, class 0's reading of it).
    var model: VariationalModel { get }
    /// Mean training loss after each epoch.
    var lossHistory: [Double] { get }
    /// The configuration it was trained with.
    var configuration: TrainingConfiguration { get }
    /// Circuits executed during training.
    var circuitExecutions: Int { get }
    /// The circuit's qubits, depth and gates, with every trained parameter counted.
    var resources: ResourceCount { get }
    /// The classes predicted from error-mitigated outputs (see `TrainedVariationalClassifier.mitigatedOutputs`).
    ///
    /// - Throws: as `TrainedVariationalClassifier.mitigatedOutputs`.
    func mitigatedPredictions(_ features: Matrix, zne: ZeroNoiseExtrapolation?, readout: Bool) throws -> [Int]
}

extension TrainedVariationalClassifier: VariationalClassifier {
    /// The model's resources (θ and the bias).
    public var resources: ResourceCount { model.resources }

    /// Class 1 where the mitigated f ≥ 0.
    public func mitigatedPredictions(_ features: Matrix, zne: ZeroNoiseExtrapolation?, readout: Bool) throws -> [Int] {
        try mitigatedOutputs(features, zne: zne, readout: readout).map { $0 >= 0 ? 1 : 0 }
    }
}

extension TrainedMulticlassClassifier: VariationalClassifier {
    /// Class 0's model: the circuit every class reads (one-vs-rest models share its shape).
    public var model: VariationalModel { members[0].model }

    /// One circuit's resources, with every trained parameter of all classes.
    public var resources: ResourceCount {
        var count = model.resources
        count.parameters = parameters.count
        return count
    }

    /// The class of the largest mitigated output.
    public func mitigatedPredictions(_ features: Matrix, zne: ZeroNoiseExtrapolation?, readout: Bool) throws -> [Int] {
        Self.argmax(try mitigatedOutputs(features, zne: zne, readout: readout))
    }
}
