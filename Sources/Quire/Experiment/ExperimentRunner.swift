import QuireCore
import QuireLearning

/// Runs one resolved experiment spec: for each repeat, draws the data, splits and scales it, tunes
/// and evaluates every baseline (and the quantum model), and collects the metrics.
///
/// Seeds: repeat r uses `RandomStream(seed: blockSeed, purpose: "experiment").substream(index: r)`,
/// with named substreams for the data, the split and each model. Every sweep point reuses the
/// same streams (common random numbers), so a sweep isolates the effect of the swept field.
struct ExperimentRunner {
    /// One model's measurements in one repeat.
    struct Measurement: Sendable {
        var trainAccuracy: Double
        var testAccuracy: Double
        var testF1: Double
        /// Hyperparameters chosen by cross-validation, or the model's settings.
        var settings: String
        /// Confusion matrix on the test set.
        var confusion: ConfusionMatrix
    }

    /// Every model's measurements over the repeats, models in report order.
    struct Outcome: Sendable {
        var models: [(name: String, runs: [Measurement])]
        /// Train/test sizes and feature count of the first repeat.
        var trainSize: Int
        var testSize: Int
        var featureCount: Int
        /// SHA-256 of the first repeat's generated data (features and labels), for provenance.
        var dataSHA256: String
    }

    let spec: ExperimentSpec
    let seed: UInt64

    /// Runs every repeat.
    func run() throws -> Outcome {
        var models: [(name: String, runs: [Measurement])] = spec.baselines.map { ($0, []) }
        var sizes = (0, 0, 0)
        var dataHash = ""
        for repeatIndex in 0..<spec.repeats {
            let stream = RandomStream(seed: seed, purpose: "experiment").substream(index: UInt64(repeatIndex))
            let data = try spec.dataset.samples(stream)
            let split = try TrainTestSplit.stratified(data, testFraction: spec.dataset.testFraction, stream: stream.substream("split"))
                .scaled(spec.dataset.scaling)
            if repeatIndex == 0 {
                sizes = (split.train.sampleCount, split.test.sampleCount, data.featureCount)
                dataHash = Self.digest(data)
            }
            for (index, name) in spec.baselines.enumerated() {
                guard let grid = BaselineGrid.standard(name) else { continue }
                let tuned = try TunedBaseline.tune(grid, on: split.train, folds: 5, stream: stream.substream("baseline/\(name)"))
                models[index].runs.append(Self.measure(tuned.model, split: split,
                                                       settings: tuned.chosen.map(\.description).joined(separator: ", ")))
            }
        }
        return Outcome(models: models, trainSize: sizes.0, testSize: sizes.1, featureCount: sizes.2, dataSHA256: dataHash)
    }

    /// Accuracy on both sets, F1 and the confusion matrix on the test set.
    static func measure(_ model: any Classifier, split: TrainTestSplit, settings: String) -> Measurement {
        let predicted = model.predict(split.test.features)
        let actual = split.test.labels
        let f1 = split.test.classCount == 2 ? Metrics.f1(predicted: predicted, actual: actual) : Metrics.macroF1(predicted: predicted, actual: actual)
        return Measurement(trainAccuracy: model.accuracy(on: split.train), testAccuracy: Metrics.accuracy(predicted: predicted, actual: actual),
                           testF1: f1, settings: settings,
                           confusion: ConfusionMatrix(predicted: predicted, actual: actual, classCount: split.test.classCount))
    }

    /// SHA-256 of a dataset's features (shortest round-trip decimals) and labels.
    static func digest(_ data: Dataset) -> String {
        var text = "\(data.sampleCount)x\(data.featureCount)\n"
        for row in 0..<data.sampleCount {
            text += (0..<data.featureCount).map { "\(data.features[row, $0])" }.joined(separator: ",") + ";\(data.labels[row])\n"
        }
        return Hashing.sha256Hex(Array(text.utf8))
    }
}
