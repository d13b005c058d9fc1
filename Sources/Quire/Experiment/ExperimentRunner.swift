import QuireCore
import QuireLearning

/// Runs one resolved experiment spec: each repeat draws the data, splits and scales it, tunes and
/// evaluates every baseline (and the quantum model); `combine` collects the repeats' metrics.
///
/// Seeds: repeat r uses `RandomStream(seed: blockSeed, purpose: "experiment").substream(index: r)`,
/// with named substreams for the data, the split and each model. Every sweep point reuses the
/// same streams (common random numbers), so a sweep isolates the effect of the swept field.
struct ExperimentRunner {
    /// One model's measurements in one repeat.
    struct Measurement: Sendable {
        var trainAccuracy: Double
        var testAccuracy: Double
        /// Macro-F1 on the test set: the unweighted mean of every class's F1 (scikit-learn's
        /// `average="macro"`), so it does not depend on which class is called positive.
        var testF1: Double
        /// Hyperparameters chosen by cross-validation, or the model's settings.
        var settings: String
        /// Confusion matrix on the test set.
        var confusion: ConfusionMatrix
        /// The predicted class of every test sample, in test-set order.
        var testPredictions: [Int]
    }

    /// Every model's measurements over the repeats, models in report order.
    struct Outcome: Sendable {
        /// `name` is the row label at this point; `key` names the model's role the same at every
        /// sweep point (`quantum`, `mitigated`, or the baseline's name), so a sweep's columns line up.
        var models: [(name: String, key: String, runs: [Measurement])]
        /// The names of the dataset's classes, in class order (confusion matrices, legends).
        var classNames: [String]
        /// Train/test sizes and feature count of the first repeat.
        var trainSize: Int
        var testSize: Int
        var featureCount: Int
        /// SHA-256 of the first repeat's generated data (features and labels), for provenance.
        var dataSHA256: String
        /// The quantum model's training loss per epoch, one curve per repeat (empty without one).
        var lossCurves: [[Double]]
        /// The quantum model's circuit resources (qubits, depth, gates), when there is one.
        var resources: ResourceCount?
        /// The first model's decision function over the scaled feature plane of repeat 1, when the
        /// data has two features and the report asks for it.
        var boundary: DecisionBoundary?
        /// The engine the quantum model ran on, when there is one.
        var engine: String?
        /// Each repeat's own outcome, in repeat order (recorded in provenance for per-repeat export).
        var repeats: [RepeatOutcome]
    }

    /// A model's decision function on a grid over two features, and the samples over it.
    struct DecisionBoundary: Sendable {
        /// The model it shows.
        var model: String
        var xRange: (lower: Double, upper: Double)
        var yRange: (lower: Double, upper: Double)
        /// `values[row][column]`, row 0 at the bottom.
        var values: [[Double]]
        /// What the values are (e.g. "⟨Z0⟩ + b").
        var title: String
        /// Whether the values are predicted class indices (a model of three or more classes), not a
        /// decision function around 0.
        var classes: Bool
        var train: Dataset
        var test: Dataset
    }

    /// Folds of the stratified cross-validation that tunes every baseline on the training set.
    static let baselineFolds = 5

    /// Grid cells per side of a decision-boundary map.
    static let boundaryResolution = 40

    /// What one repeat produced.
    struct RepeatOutcome: Sendable {
        /// Each model's measurement, models in report order (`nil` for a baseline without a grid).
        var measurements: [Measurement?]
        /// The quantum model's training loss per epoch, when it is variational.
        var lossCurve: [Double]?
        /// The quantum model's training seed (initial parameters, batches, shots), when there is one.
        var modelSeed: UInt64?
        var trainSize: Int
        var testSize: Int
        var featureCount: Int
        var dataSHA256: String
        var resources: ResourceCount?
        var boundary: DecisionBoundary?
        var engine: String?
        /// The split's digest, each baseline's choice and the trained parameters, for provenance
        /// (stored in the point cache with the rest).
        var choices = RepeatChoices()
        /// The split, choices and trained models, for `quire export --reproduce`; `nil` for an
        /// outcome read back from the point cache.
        var reproduction: RepeatReproduction? = nil
    }

    let spec: ExperimentSpec
    let seed: UInt64
    /// Largest simulator state training may allocate (`--max-memory-gib`).
    let memoryLimit: Int
    /// Worker threads for one repeat's training and kernel matrix (results never depend on it).
    let threads: Int
    /// The run's workers, which the baselines' grid searches share (results never depend on them).
    var budget = JobBudget.serial
    /// The baselines tuned by the block's other sweep points (`nil`: this runner tunes its own).
    var sharedBaselines: BaselineMemo? = nil

    /// The quantum model, when the spec has one.
    var factory: QuantumModelFactory? {
        spec.model.flatMap { model in
            spec.encoding.map { encoding in
                QuantumModelFactory(
                    model: model, encoding: encoding, train: spec.train, execution: spec.execution, seed: 0, memoryLimit: memoryLimit,
                    threads: threads)
            }
        }
    }

    /// Evaluations of this point's variational model to time before the run; nil for any other model.
    func calibration() throws -> TrainingCalibration? {
        guard var factory, factory.model.kind == .variational else { return nil }
        factory.threads = 1
        return try factory.calibration(featureCount: spec.dataset.shape.features)
    }

    /// The models in report order: the quantum model (and its mitigated outputs), then the
    /// baselines, each with its row label and its role, the same at every sweep point (`quantum`,
    /// `mitigated`, or the baseline's name).
    var models: [(name: String, key: String)] {
        var models: [(name: String, key: String)] = []
        if let factory {
            models.append((QuantumModelFactory.name(factory.model), "quantum"))
            if factory.mitigates && factory.model.kind == .variational { models.append((factory.mitigationLabel, "mitigated")) }
        }
        return models + spec.baselines.map { ($0.rawValue, $0.rawValue) }
    }

    /// Runs repeat `repeatIndex` (from 0) alone: it depends on nothing but the spec, the seed and
    /// the index, so repeats may run in any order or at once. `epochFinished` hears each training
    /// epoch (from 1) of the quantum model, `batchFinished` each optimizer step (epoch, batch, batches).
    func runRepeat(
        _ repeatIndex: Int, epochFinished: (Int) -> Void = { _ in }, batchFinished: (Int, Int, Int) -> Void = { _, _, _ in }
    ) throws -> RepeatOutcome {
        let stream = RandomStream(seed: seed, purpose: "experiment").substream(index: UInt64(repeatIndex))
        let data = try spec.dataset.samples(stream)
        let split = try TrainTestSplit.stratified(data, testFraction: spec.dataset.testFraction, stream: stream.substream("split"))
            .scaled(spec.dataset.scaling)
        let names = models.map(\.name)
        var outcome = RepeatOutcome(
            measurements: Array(repeating: nil, count: names.count), trainSize: split.train.sampleCount,
            testSize: split.test.sampleCount, featureCount: data.featureCount,
            dataSHA256: repeatIndex == 0 ? Self.digest(data) : "")
        var reproduction = RepeatReproduction(split: split)
        let wantsBoundary = spec.report.contains("decision-boundary") && repeatIndex == 0 && split.train.featureCount == 2
        if var factory {
            factory.seed = stream.substream("quantum").uint64(at: 0)
            outcome.modelSeed = factory.seed
            if factory.model.kind == .kernel {
                let (classifier, settings) = try factory.fitKernel(on: split.train)
                reproduction.quantum = .kernel(classifier, c: factory.model.c)
                outcome.measurements[0] = Self.measure(classifier, split: split, settings: settings)
                outcome.engine = factory.execution.device == nil ? "statevector" : "density-matrix"
                if wantsBoundary, split.train.classCount > 2 {
                    outcome.boundary = try Self.classBoundary(names[0], classifier, split: split)
                } else if wantsBoundary {
                    outcome.boundary = try Self.boundary(names[0], "SVM decision value", split: split) {
                        try classifier.decisionFunction($0).column(0)
                    }
                }
            } else {
                let trained = try factory.train(on: split.train, epochFinished: epochFinished, batchFinished: batchFinished)
                reproduction.quantum = .variational(trained)
                outcome.lossCurve = trained.lossHistory
                outcome.resources = trained.resources
                outcome.engine = QuantumModelFactory.engine(trained)
                outcome.measurements[0] = Self.measure(trained, split: split, settings: factory.settings(trained))
                if wantsBoundary {
                    if let binary = trained as? TrainedVariationalClassifier {
                        outcome.boundary = try Self.boundary(names[0], "⟨\(factory.model.observable)⟩ + bias", split: split) {
                            try binary.outputs($0)
                        }
                    } else {
                        outcome.boundary = try Self.classBoundary(names[0], trained, split: split)
                    }
                }
                if factory.mitigates {
                    let zne = factory.zeroNoiseExtrapolation
                    let readout = factory.execution.readoutMitigation
                    let train = try trained.mitigatedPredictions(split.train.features, zne: zne, readout: readout)
                    let test = try trained.mitigatedPredictions(split.test.features, zne: zne, readout: readout)
                    outcome.measurements[1] = Self.measure(
                        trainPredicted: train, testPredicted: test, split: split, settings: "same parameters, mitigated outputs")
                }
            }
        }
        let offset = names.count - spec.baselines.count
        for (index, kind) in spec.baselines.enumerated() {
            let tuned = try tune(kind, split: split, stream: stream, drawsBoundary: wantsBoundary && outcome.boundary == nil)
            outcome.measurements[offset + index] = tuned.measurement
            reproduction.baselines.append(.init(name: kind.rawValue, chosen: tuned.chosen, testPredictions: tuned.measurement.testPredictions))
            if let boundary = tuned.boundary { outcome.boundary = boundary }
        }
        outcome.choices = reproduction.choices
        outcome.reproduction = reproduction
        return outcome
    }

    /// The outcome of every repeat, in repeat order: sizes, data digest and decision boundary from
    /// the first, resources and engine from the last that has them.
    func combine(_ repeats: [RepeatOutcome]) -> Outcome {
        let models = models
        let first = repeats.first
        let classCount = repeats.lazy.compactMap { $0.measurements.lazy.compactMap { $0 }.first?.confusion.classCount }.first ?? 0
        return Outcome(
            models: models.indices.map { index in (models[index].name, models[index].key, repeats.compactMap { $0.measurements[index] }) },
            classNames: spec.dataset.classNames(count: classCount),
            trainSize: first?.trainSize ?? 0, testSize: first?.testSize ?? 0, featureCount: first?.featureCount ?? 0,
            dataSHA256: first?.dataSHA256 ?? "", lossCurves: repeats.compactMap(\.lossCurve),
            resources: repeats.last { $0.resources != nil }?.resources, boundary: first?.boundary,
            engine: repeats.last { $0.engine != nil }?.engine, repeats: repeats)
    }

    /// The class `classifier` predicts over the grid of `boundary`: the decision map of a model of
    /// three or more classes.
    static func classBoundary(_ model: String, _ classifier: any Classifier, split: TrainTestSplit) throws -> DecisionBoundary {
        try boundary(model, "predicted class", split: split, classes: true) { classifier.predict($0).map(Double.init) }
    }

    /// `decision` evaluated at the centres of a square grid spanning both splits (5% margin);
    /// `classes` says the values are predicted class indices.
    static func boundary(
        _ model: String, _ title: String, split: TrainTestSplit, classes: Bool = false,
        decision: (Matrix) throws -> [Double]
    ) throws -> DecisionBoundary {
        func range(_ column: Int) -> (lower: Double, upper: Double) {
            let values =
                (0..<split.train.sampleCount).map { split.train.features[$0, column] }
                + (0..<split.test.sampleCount).map { split.test.features[$0, column] }
            let low = values.min() ?? 0, high = values.max() ?? 1
            let pad = max(high - low, 1e-9) * 0.05
            return (low - pad, high + pad)
        }
        let xRange = range(0), yRange = range(1)
        let n = boundaryResolution
        let xs = (0..<n).map { xRange.lower + (Double($0) + 0.5) * (xRange.upper - xRange.lower) / Double(n) }
        let ys = (0..<n).map { yRange.lower + (Double($0) + 0.5) * (yRange.upper - yRange.lower) / Double(n) }
        let grid = Matrix(rows: n * n, columns: 2, elements: ys.flatMap { y in xs.flatMap { [$0, y] } })
        let values = try decision(grid)
        return DecisionBoundary(
            model: model, xRange: xRange, yRange: yRange,
            values: (0..<n).map { Array(values[($0 * n)..<($0 * n + n)]) }, title: title, classes: classes, train: split.train, test: split.test)
    }

    /// Accuracy on both sets, macro-F1 and the confusion matrix on the test set.
    static func measure(_ model: any Classifier, split: TrainTestSplit, settings: String) -> Measurement {
        measure(
            trainPredicted: model.predict(split.train.features), testPredicted: model.predict(split.test.features), split: split, settings: settings)
    }

    /// The measurement of given predictions on the training and test sets.
    static func measure(trainPredicted: [Int], testPredicted: [Int], split: TrainTestSplit, settings: String) -> Measurement {
        let actual = split.test.labels
        return Measurement(
            trainAccuracy: Metrics.accuracy(predicted: trainPredicted, actual: split.train.labels),
            testAccuracy: Metrics.accuracy(predicted: testPredicted, actual: actual),
            testF1: Metrics.macroF1(predicted: testPredicted, actual: actual), settings: settings,
            confusion: ConfusionMatrix(predicted: testPredicted, actual: actual, classCount: split.test.classCount),
            testPredictions: testPredicted)
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
