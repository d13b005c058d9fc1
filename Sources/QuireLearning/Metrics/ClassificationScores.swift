/// Every score of one model on one dataset: the row a metrics table prints.
public struct ClassificationScores: Hashable, Sendable {
    /// Fraction classified correctly.
    public let accuracy: Double
    /// F1 of class 1 for two classes, the macro-averaged F1 otherwise.
    public let f1: Double
    /// Mean log loss, nil when the model has no probabilities (the SVM).
    public let logLoss: Double?
    /// Counts of (true, predicted) class pairs.
    public let confusion: ConfusionMatrix

    /// Scores `model` on `data`.
    public init(model: any Classifier, data: Dataset) {
        let predicted = model.predict(data.features)
        accuracy = Metrics.accuracy(predicted: predicted, actual: data.labels)
        f1 =
            data.classCount == 2
            ? Metrics.f1(predicted: predicted, actual: data.labels)
            : Metrics.macroF1(predicted: predicted, actual: data.labels)
        logLoss = model.probabilities(data.features).map { Metrics.logLoss(probabilities: $0, actual: data.labels) }
        confusion = ConfusionMatrix(predicted: predicted, actual: data.labels, classCount: data.classCount)
    }
}
