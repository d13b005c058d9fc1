/// A trained classifier: what cross-validation, the metrics table and the decision-boundary
/// figure need from every model, classical or quantum.
public protocol Classifier: Sendable {
    /// The number of classes the model distinguishes (labels `0 ..< classCount`).
    var classCount: Int { get }
    /// The predicted class of every row of `features`.
    func predict(_ features: Matrix) -> [Int]
    /// Class probabilities, one row per sample and one column per class, when the model defines
    /// them (nil otherwise, e.g. for the SVM, whose log loss is then reported as undefined).
    func probabilities(_ features: Matrix) -> Matrix?
}

extension Classifier {
    /// The fraction of `data` classified correctly.
    public func accuracy(on data: Dataset) -> Double {
        Metrics.accuracy(predicted: predict(data.features), actual: data.labels)
    }
}

extension Dataset {
    /// Throws `LearningError.unusableData` unless there are samples, at least two classes, and
    /// every class `0 ..< classCount` occurs (a model cannot learn a class it never sees).
    func requireEveryClass(for owner: String) throws {
        guard sampleCount > 0, classCount >= 2 else {
            throw LearningError.unusableData(owner: owner, message: "needs samples of at least two classes")
        }
        if let missing = classCounts.firstIndex(of: 0) {
            throw LearningError.unusableData(owner: owner, message: "class \(missing) has no training samples")
        }
    }
}
