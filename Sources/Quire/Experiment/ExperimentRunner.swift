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
        /// The quantum model's training loss per epoch, one curve per repeat (empty without one).
        var lossCurves: [[Double]]
        /// The quantum model's circuit resources (qubits, depth, gates), when there is one.
        var resources: ResourceCount?
        /// The first model's decision function over the scaled feature plane of repeat 1, when the
        /// data has two features and the report asks for it.
        var boundary: DecisionBoundary?
        /// The engine the quantum model ran on, when there is one.
        var engine: String?
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
        var train: Dataset
        var test: Dataset
    }

    /// Grid cells per side of a decision-boundary map.
    static let boundaryResolution = 40

    let spec: ExperimentSpec
    let seed: UInt64
    /// Largest simulator state training may allocate (`--max-memory-gib`).
    let memoryLimit: Int

    /// Runs every repeat.
    func run() throws -> Outcome {
        let factory = spec.model.flatMap { model in spec.encoding.map { encoding in
            QuantumModelFactory(model: model, encoding: encoding, train: spec.train, execution: spec.execution, seed: 0, memoryLimit: memoryLimit)
        } }
        var quantumRows: [String] = []
        if let factory {
            quantumRows.append(QuantumModelFactory.name(factory.model))
            if factory.mitigates && factory.model.kind == "variational" { quantumRows.append(factory.mitigationLabel) }
        }
        var models: [(name: String, runs: [Measurement])] = quantumRows.map { ($0, []) } + spec.baselines.map { ($0, []) }
        let offset = quantumRows.count
        var sizes = (0, 0, 0)
        var dataHash = ""
        var lossCurves: [[Double]] = []
        var resources: ResourceCount?
        var boundary: DecisionBoundary?
        var engine: String?
        let wantsBoundary = spec.report.contains("decision-boundary")
        for repeatIndex in 0..<spec.repeats {
            let stream = RandomStream(seed: seed, purpose: "experiment").substream(index: UInt64(repeatIndex))
            let data = try spec.dataset.samples(stream)
            let split = try TrainTestSplit.stratified(data, testFraction: spec.dataset.testFraction, stream: stream.substream("split"))
                .scaled(spec.dataset.scaling)
            if repeatIndex == 0 {
                sizes = (split.train.sampleCount, split.test.sampleCount, data.featureCount)
                dataHash = Self.digest(data)
            }
            if var factory {
                factory.seed = stream.substream("quantum").uint64(at: 0)
                if factory.model.kind == "kernel" {
                    let (classifier, settings) = try factory.fitKernel(on: split.train)
                    models[0].runs.append(Self.measure(classifier, split: split, settings: settings))
                    engine = "statevector"
                    if wantsBoundary, repeatIndex == 0, split.train.featureCount == 2 {
                        boundary = try Self.boundary(models[0].name, "SVM decision value", split: split) { try classifier.decisionFunction($0).column(0) }
                    }
                } else {
                    let trained = try factory.train(on: split.train)
                    lossCurves.append(trained.lossHistory)
                    resources = trained.model.resources
                    engine = QuantumModelFactory.engine(trained)
                    models[0].runs.append(Self.measure(trained, split: split, settings: factory.settings(trained.model)))
                    if wantsBoundary, repeatIndex == 0, split.train.featureCount == 2 {
                        boundary = try Self.boundary(models[0].name, "⟨\(factory.model.observable)⟩ + bias", split: split) { try trained.outputs($0) }
                    }
                    if factory.mitigates {
                        let zne = factory.zeroNoiseExtrapolation
                        let readout = factory.execution.readoutMitigation
                        let train = try trained.mitigatedOutputs(split.train.features, zne: zne, readout: readout).map { $0 >= 0 ? 1 : 0 }
                        let test = try trained.mitigatedOutputs(split.test.features, zne: zne, readout: readout).map { $0 >= 0 ? 1 : 0 }
                        models[1].runs.append(Self.measure(trainPredicted: train, testPredicted: test, split: split, settings: "same parameters, mitigated outputs"))
                    }
                }
            }
            for (index, name) in spec.baselines.enumerated() {
                guard let grid = BaselineGrid.standard(name) else { continue }
                let tuned = try TunedBaseline.tune(grid, on: split.train, folds: 5, stream: stream.substream("baseline/\(name)"))
                models[offset + index].runs.append(Self.measure(tuned.model, split: split,
                                                                settings: tuned.chosen.map(\.description).joined(separator: ", ")))
                if wantsBoundary, repeatIndex == 0, boundary == nil, split.train.featureCount == 2 {
                    boundary = try Self.boundary(name, "P(class 1) − ½", split: split) { grid in
                        if let probabilities = tuned.model.probabilities(grid) { return probabilities.column(1).map { $0 - 0.5 } }
                        return tuned.model.predict(grid).map { Double($0) - 0.5 }
                    }
                }
            }
        }
        return Outcome(models: models, trainSize: sizes.0, testSize: sizes.1, featureCount: sizes.2, dataSHA256: dataHash,
                       lossCurves: lossCurves, resources: resources, boundary: boundary, engine: engine)
    }

    /// `decision` evaluated at the centres of a square grid spanning both splits (5% margin).
    static func boundary(_ model: String, _ title: String, split: TrainTestSplit,
                         decision: (Matrix) throws -> [Double]) throws -> DecisionBoundary {
        func range(_ column: Int) -> (lower: Double, upper: Double) {
            let values = (0..<split.train.sampleCount).map { split.train.features[$0, column] }
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
        return DecisionBoundary(model: model, xRange: xRange, yRange: yRange,
                                values: (0..<n).map { Array(values[($0 * n)..<($0 * n + n)]) }, title: title, train: split.train, test: split.test)
    }

    /// Accuracy on both sets, F1 and the confusion matrix on the test set.
    static func measure(_ model: any Classifier, split: TrainTestSplit, settings: String) -> Measurement {
        measure(trainPredicted: model.predict(split.train.features), testPredicted: model.predict(split.test.features), split: split, settings: settings)
    }

    /// The measurement of given predictions on the training and test sets.
    static func measure(trainPredicted: [Int], testPredicted: [Int], split: TrainTestSplit, settings: String) -> Measurement {
        let actual = split.test.labels
        let f1 = split.test.classCount == 2 ? Metrics.f1(predicted: testPredicted, actual: actual) : Metrics.macroF1(predicted: testPredicted, actual: actual)
        return Measurement(trainAccuracy: Metrics.accuracy(predicted: trainPredicted, actual: split.train.labels),
                           testAccuracy: Metrics.accuracy(predicted: testPredicted, actual: actual), testF1: f1, settings: settings,
                           confusion: ConfusionMatrix(predicted: testPredicted, actual: actual, classCount: split.test.classCount))
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
