import QuireLearning

/// An experiment repeat's outcome as a point cache entry stores it: every number as its exact bits
/// (a `Double` as its IEEE-754 bit pattern), so a unit computed on another machine assembles into
/// the same bytes as one computed here.
struct StoredRepeat: Codable, Hashable {
    struct Measurement: Codable, Hashable {
        var trainAccuracy: UInt64
        var testAccuracy: UInt64
        var testF1: UInt64
        var settings: String
        var confusion: [[Int]]
        var testPredictions: [Int]
    }
    struct Gate: Codable, Hashable {
        var name: String
        var count: Int
    }
    struct Resources: Codable, Hashable {
        var qubits: Int
        var depth: Int
        var gates: [Gate]
        var parameters: Int
    }
    struct Samples: Codable, Hashable {
        var rows: Int
        var columns: Int
        var features: [UInt64]
        var labels: [Int]
        var classCount: Int
        var featureNames: [String]?
    }
    struct Boundary: Codable, Hashable {
        var model: String
        var ranges: [UInt64]
        var values: [[UInt64]]
        var title: String
        var classes: Bool
        var train: Samples
        var test: Samples
    }
    var measurements: [Measurement?]
    var lossCurve: [UInt64]?
    var modelSeed: UInt64?
    var trainSize: Int
    var testSize: Int
    var featureCount: Int
    var dataSHA256: String
    var resources: Resources?
    var boundary: Boundary?
    var engine: String?
    var splitSHA256: String
    var baselineChoices: [RepeatChoices.Baseline]
    var trainedParameters: [UInt64]?

    /// `outcome`, stored.
    init(_ outcome: ExperimentRunner.RepeatOutcome) {
        measurements = outcome.measurements.map { measurement in
            measurement.map {
                Measurement(
                    trainAccuracy: $0.trainAccuracy.bitPattern, testAccuracy: $0.testAccuracy.bitPattern, testF1: $0.testF1.bitPattern,
                    settings: $0.settings, confusion: $0.confusion.counts, testPredictions: $0.testPredictions)
            }
        }
        lossCurve = outcome.lossCurve?.map(\.bitPattern)
        modelSeed = outcome.modelSeed
        trainSize = outcome.trainSize
        testSize = outcome.testSize
        featureCount = outcome.featureCount
        dataSHA256 = outcome.dataSHA256
        resources = outcome.resources.map {
            Resources(
                qubits: $0.qubits, depth: $0.depth, gates: $0.gateCounts.map { Gate(name: $0.name, count: $0.count) }, parameters: $0.parameters)
        }
        boundary = outcome.boundary.map {
            Boundary(
                model: $0.model, ranges: [$0.xRange.lower, $0.xRange.upper, $0.yRange.lower, $0.yRange.upper].map(\.bitPattern),
                values: $0.values.map { $0.map(\.bitPattern) }, title: $0.title, classes: $0.classes, train: Samples($0.train),
                test: Samples($0.test))
        }
        engine = outcome.engine
        splitSHA256 = outcome.choices.splitSHA256
        baselineChoices = outcome.choices.baselines
        trainedParameters = outcome.choices.trainedParameters?.map(\.bitPattern)
    }

    /// The outcome it stores, or `nil` when its parts do not fit together (a confusion matrix that
    /// is not square, a feature matrix of the wrong size).
    var outcome: ExperimentRunner.RepeatOutcome? {
        var result = ExperimentRunner.RepeatOutcome(
            measurements: [], lossCurve: lossCurve?.map(Double.init(bitPattern:)), modelSeed: modelSeed, trainSize: trainSize,
            testSize: testSize, featureCount: featureCount, dataSHA256: dataSHA256,
            resources: resources.map {
                ResourceCount(
                    qubits: $0.qubits, depth: $0.depth, gates: $0.gates.map { .init(named: $0.name, count: $0.count) }, parameters: $0.parameters)
            }, boundary: nil, engine: engine,
            choices: RepeatChoices(
                splitSHA256: splitSHA256, baselines: baselineChoices, trainedParameters: trainedParameters?.map(Double.init(bitPattern:))))
        for measurement in measurements {
            guard let measurement else {
                result.measurements.append(nil)
                continue
            }
            guard let confusion = Self.confusion(measurement.confusion) else { return nil }
            result.measurements.append(
                ExperimentRunner.Measurement(
                    trainAccuracy: Double(bitPattern: measurement.trainAccuracy), testAccuracy: Double(bitPattern: measurement.testAccuracy),
                    testF1: Double(bitPattern: measurement.testF1), settings: measurement.settings, confusion: confusion,
                    testPredictions: measurement.testPredictions))
        }
        if let boundary {
            guard boundary.ranges.count == 4, let train = boundary.train.dataset, let test = boundary.test.dataset else { return nil }
            let ranges = boundary.ranges.map(Double.init(bitPattern:))
            result.boundary = ExperimentRunner.DecisionBoundary(
                model: boundary.model, xRange: (ranges[0], ranges[1]), yRange: (ranges[2], ranges[3]),
                values: boundary.values.map { $0.map(Double.init(bitPattern:)) }, title: boundary.title, classes: boundary.classes,
                train: train, test: test)
        }
        return result
    }

    /// The confusion matrix with `counts`, tallied again from as many (actual, predicted) pairs.
    private static func confusion(_ counts: [[Int]]) -> ConfusionMatrix? {
        guard counts.allSatisfy({ $0.count == counts.count && $0.allSatisfy { $0 >= 0 } }) else { return nil }
        var predicted: [Int] = [], actual: [Int] = []
        for (row, cells) in counts.enumerated() {
            for (column, count) in cells.enumerated() {
                predicted += Array(repeating: column, count: count)
                actual += Array(repeating: row, count: count)
            }
        }
        return ConfusionMatrix(predicted: predicted, actual: actual, classCount: counts.count)
    }
}

extension StoredRepeat.Samples {
    /// `dataset`, stored.
    init(_ dataset: Dataset) {
        rows = dataset.features.rows
        columns = dataset.features.columns
        features = dataset.features.elements.map(\.bitPattern)
        labels = dataset.labels
        classCount = dataset.classCount
        featureNames = dataset.featureNames
    }

    /// The dataset it stores, or `nil` when its sizes do not match.
    var dataset: Dataset? {
        guard rows >= 0, columns >= 0, features.count == rows * columns, labels.count == rows,
            labels.allSatisfy({ (0..<max(classCount, 0)).contains($0) }), featureNames.map({ $0.count == columns }) ?? true
        else { return nil }
        return Dataset(
            features: Matrix(rows: rows, columns: columns, elements: features.map(Double.init(bitPattern:))), labels: labels,
            classCount: classCount, featureNames: featureNames)
    }
}
