import QuireSimulator

/// A trained multi-class variational classifier: k class outputs f_c(x), the predicted class the
/// largest (ties to the lowest index).
///
/// Each class's output is a two-class classifier's f = ⟨O⟩ + b (`members[c]`): for one-vs-rest the
/// model trained for class c against the rest; for the softmax readout the shared circuit read as
/// ⟨Z_c⟩ with bias b_c/s, so that s·f_c is class c's logit.
public struct TrainedMulticlassClassifier: Classifier {
    /// How the classes are read.
    public let readout: MulticlassTrainer.Readout
    /// Class c's output f_c, in class order.
    public let members: [TrainedVariationalClassifier]
    /// Every trained parameter: θ then the class biases (softmax), or each member's θ and bias in
    /// class order (one-vs-rest).
    public let parameters: [Double]
    /// Mean training loss after each epoch (for one-vs-rest, the mean over the k models).
    public let lossHistory: [Double]
    /// The configuration it was trained with (one-vs-rest members carry their own seeds).
    public let configuration: TrainingConfiguration
    /// Circuits executed during training, counted as `TrainedVariationalClassifier.circuitExecutions`.
    public let circuitExecutions: Int

    /// The number of classes k.
    public var classCount: Int { members.count }

    /// f_c(x) for every row (rows × k), on the training configuration's engine.
    ///
    /// - Throws: `LearningError` when the encoding cannot take a row; `SimulationError` from the engine.
    public func outputs(_ features: Matrix) throws -> Matrix {
        Self.columns(try members.map { try $0.outputs(features) }, rows: features.rows)
    }

    /// The mitigated f_c(x) (`TrainedVariationalClassifier.mitigatedOutputs` of every class), rows × k.
    ///
    /// - Throws: as `TrainedVariationalClassifier.mitigatedOutputs`.
    public func mitigatedOutputs(_ features: Matrix, zne: ZeroNoiseExtrapolation?, readout: Bool) throws -> Matrix {
        Self.columns(try members.map { try $0.mitigatedOutputs(features, zne: zne, readout: readout) }, rows: features.rows)
    }

    /// The class of the largest output in each row of `outputs`, ties to the lowest index.
    public static func argmax(_ outputs: Matrix) -> [Int] {
        (0..<outputs.rows).map { row in
            (1..<outputs.columns).reduce(0) { best, c in outputs[row, c] > outputs[row, best] ? c : best }
        }
    }

    /// Classes from `outputs`; rows the encoding or engine cannot take are predicted as class 0
    /// (as `TrainedVariationalClassifier.predict` does).
    public func predict(_ features: Matrix) -> [Int] {
        if let values = try? outputs(features) { return Self.argmax(values) }
        return (0..<features.rows).map { row in (try? outputs(features.selectingRows([row]))).map { Self.argmax($0)[0] } ?? 0 }
    }

    /// Softmax: softmax(s·f). One-vs-rest: each class's P(class c) = (f_c + 1)/2 clipped to [0, 1],
    /// normalised to sum 1 (uniform when all are 0), as scikit-learn's `OneVsRestClassifier`; nil
    /// if a row cannot be encoded.
    public func probabilities(_ features: Matrix) -> Matrix? {
        guard let values = try? outputs(features) else { return nil }
        let rows = (0..<features.rows).map { row -> [Double] in
            let f = (0..<classCount).map { values[row, $0] }
            if case .softmax(let scale) = readout { return SoftmaxCrossEntropy.probabilities(f.map { scale * $0 }) }
            let p = f.map { min(max(($0 + 1) / 2, 0), 1) }
            let total = p.reduce(0, +)
            return total > 0 ? p.map { $0 / total } : Array(repeating: 1 / Double(classCount), count: classCount)
        }
        return Matrix(rows: features.rows, columns: classCount, elements: rows.flatMap { $0 })
    }

    /// A rows × k matrix from k columns.
    private static func columns(_ columns: [[Double]], rows: Int) -> Matrix {
        Matrix(rows: rows, columns: columns.count, elements: (0..<rows).flatMap { row in columns.map { $0[row] } })
    }
}
