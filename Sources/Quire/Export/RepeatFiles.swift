import OrderedCollections
import QuireCore
import QuireLearning

/// The files `quire export --reproduce` writes for one repeat: `split.csv` (every sample as the
/// models saw it: set, row index into the dataset, class index, scaled features in shortest
/// round-trip decimals) and `repeat.json` (the point's resolved spec, the split's digest, each
/// baseline's chosen hyperparameters, test predictions and accuracies, and the quantum model's
/// trained parameters with its test outputs and predictions), and the circuits the quantum model
/// ran as OpenQASM 2 (`circuits/test-<i>.qasm`, i from 0 in test-set order: a variational model's
/// encoding and ansatz bound to the sample and the trained θ; for a kernel model also
/// `circuits/train-<i>.qasm`, the encoding's state of each training sample).
struct RepeatFiles {
    /// The CSV text.
    var splitCSV: String
    /// The JSON record.
    var json: CanonicalJSON
    /// Circuit files, by name inside `circuits/`.
    var circuits: [(name: String, qasm: String)] = []

    /// The files of repeat `repeatIndex` of `point` of block `block`.
    ///
    /// - Throws: what evaluating the trained quantum model on the test set throws (it ran before).
    init(
        block: String, point: ExperimentBlock.Point, outcome: ExperimentRunner.Outcome, repeatIndex: Int,
        repeatOutcome: ExperimentRunner.RepeatOutcome
    ) throws {
        guard let reproduction = repeatOutcome.reproduction else {
            preconditionFailure("an export computes every repeat; only the point cache drops the reproduction")
        }
        let split = reproduction.split
        splitCSV = Self.csv(split)
        var object: OrderedDictionary<String, CanonicalJSON> = [
            "block": .string(block), "repeat": .integer(Int64(repeatIndex + 1)), "spec": point.spec.canonical,
            "split_sha256": .string(reproduction.splitSHA256), "classes": .array(outcome.classNames.map(CanonicalJSON.string)),
        ]
        if !point.values.isEmpty { object["sweep_values"] = .array(point.values) }
        let measured = Dictionary(
            zip(outcome.models, repeatOutcome.measurements).compactMap { model, measurement in measurement.map { (model.key, $0) } },
            uniquingKeysWith: { first, _ in first })
        object["baselines"] = .array(
            reproduction.baselines.map { baseline in
                var entry: OrderedDictionary<String, CanonicalJSON> = [
                    "name": .string(baseline.name), "hyperparameters": RepeatChoices.record(baseline.chosen),
                ]
                if let measurement = measured[baseline.name] { entry.merge(Self.scores(measurement)) { $1 } }
                return .object(entry)
            })
        if let quantum = reproduction.quantum, let measurement = measured["quantum"] {
            object["quantum"] = try Self.quantum(quantum, measurement: measurement, split: split)
            circuits = try Self.circuits(quantum, split: split)
        }
        json = .object(object)
    }

    /// Accuracies and test predictions of one model.
    private static func scores(_ measurement: ExperimentRunner.Measurement) -> OrderedDictionary<String, CanonicalJSON> {
        [
            "train_accuracy": .number(measurement.trainAccuracy), "test_accuracy": .number(measurement.testAccuracy),
            "test_predictions": .array(measurement.testPredictions.map { .integer(Int64($0)) }),
        ]
    }

    /// The quantum model's record: kind, trained parameters (variational) or C (kernel), test outputs.
    private static func quantum(
        _ quantum: RepeatReproduction.Quantum, measurement: ExperimentRunner.Measurement, split: TrainTestSplit
    ) throws -> CanonicalJSON {
        var entry: OrderedDictionary<String, CanonicalJSON> = [:]
        switch quantum {
        case .variational(let multiclass as TrainedMulticlassClassifier):
            entry["kind"] = .string("variational-multiclass")
            entry["readout"] = .string("\(multiclass.readout)")
            entry["qubits"] = .integer(Int64(multiclass.model.qubitCount))
            entry["parameters"] = .array(multiclass.parameters.map(CanonicalJSON.number))
        case .variational(let anyTrained):
            let trained = anyTrained as! TrainedVariationalClassifier
            entry["kind"] = .string("variational")
            entry["qubits"] = .integer(Int64(trained.model.qubitCount))
            entry["observable"] = .string(trained.model.observable.label)
            entry["parameters"] = .array(trained.parameters.dropLast().map(CanonicalJSON.number))
            entry["bias"] = .number(trained.parameters.last ?? 0)
            entry["test_outputs"] = .array(try trained.outputs(split.test.features).map(CanonicalJSON.number))
        case .kernel(let classifier, let c):
            entry["kind"] = .string("kernel")
            entry["qubits"] = .integer(Int64(classifier.encoding.qubitCount))
            entry["c"] = .number(c)
        }
        entry.merge(scores(measurement)) { $1 }
        return .object(entry)
    }

    /// The circuits of `quantum` on every test sample (and, for a kernel, every training sample).
    private static func circuits(_ quantum: RepeatReproduction.Quantum, split: TrainTestSplit) throws -> [(name: String, qasm: String)] {
        switch quantum {
        case .variational(let anyTrained):
            // A multi-class model's readout is not one circuit's ⟨O⟩ + b: its parameters are exported, not its circuits.
            guard let trained = anyTrained as? TrainedVariationalClassifier else { return [] }
            return try (0..<split.test.sampleCount).map { row in
                ("test-\(row).qasm", try trained.model.boundCircuit(parameters: trained.parameters, features: split.test.features.row(row)).qasm())
            }
        case .kernel(let classifier, _):
            let encoding = classifier.encoding
            return try [("train", split.train), ("test", split.test)].flatMap { set, data in
                try (0..<data.sampleCount).map { row in
                    ("\(set)-\(row).qasm", encoding.circuit.bind(parameters: [], inputs: try encoding.inputs(for: data.features.row(row))).qasm())
                }
            }
        }
    }

    /// `set,row,label,<features>`: the training samples, then the test samples, in set order.
    static func csv(_ split: TrainTestSplit) -> String {
        let names = split.train.featureNames ?? (0..<split.train.featureCount).map { "x\($0)" }
        var text = "set,row,label," + names.map(Self.field).joined(separator: ",") + "\n"
        for (set, data, indices) in [("train", split.train, split.trainIndices), ("test", split.test, split.testIndices)] {
            for row in 0..<data.sampleCount {
                text += "\(set),\(indices[row]),\(data.labels[row])"
                for column in 0..<data.featureCount { text += ",\(data.features[row, column])" }
                text += "\n"
            }
        }
        return text
    }

    /// A CSV field: quoted (quotes doubled) when it holds a comma, quote or line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
