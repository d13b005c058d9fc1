import OrderedCollections
import QuireCore
import QuireLearning

/// What a third party needs to reproduce one repeat outside Quire: the split as the models saw it
/// (row indices and scaled features), each baseline's chosen hyperparameters with its test
/// predictions, and the quantum model as trained. `quire export --reproduce` writes it out; the
/// provenance keeps its small part (`choices`): the split's digest, the hyperparameters and the
/// trained parameters.
struct RepeatReproduction: Sendable {
    /// The split, features scaled as every model saw them.
    var split: TrainTestSplit
    /// Each tuned baseline, in report order.
    var baselines: [Baseline] = []
    /// The quantum model, when the spec has one.
    var quantum: Quantum?

    /// A tuned baseline's choice and its predictions on the test set.
    struct Baseline: Sendable {
        var name: String
        var chosen: [Hyperparameter]
        var testPredictions: [Int]
    }

    /// The quantum model as trained (variational, of any class count) or fitted (kernel).
    enum Quantum: Sendable {
        case variational(any VariationalClassifier)
        case kernel(QuantumKernelClassifier, c: Double)
    }

    /// What provenance records of this repeat.
    var choices: RepeatChoices {
        RepeatChoices(
            splitSHA256: splitSHA256, baselines: baselines.map { RepeatChoices.Baseline(name: $0.name, chosen: $0.chosen) },
            trainedParameters: trainedParameters)
    }

    /// SHA-256 of the split: `train:` and `test:` with their row indices (into the dataset, in
    /// set order), one line each, so a reader can confirm an exported split without the data.
    var splitSHA256: String {
        let text =
            "train:" + split.trainIndices.map(String.init).joined(separator: ",") + "\n"
            + "test:" + split.testIndices.map(String.init).joined(separator: ",") + "\n"
        return Hashing.sha256Hex(Array(text.utf8))
    }

    /// The trained parameters θ followed by the bias, or nil for a kernel model (its fit is a pure
    /// function of the split and the recorded C).
    var trainedParameters: [Double]? {
        switch quantum {
        case .variational(let binary as TrainedVariationalClassifier): return binary.parameters
        case .variational(let multiclass as TrainedMulticlassClassifier): return multiclass.parameters
        default: return nil
        }
    }
}

/// The part of a repeat's reproduction that provenance records (and the point cache stores): the
/// split's SHA-256, each baseline's chosen hyperparameters and the variational model's trained
/// parameters (θ, then the bias).
struct RepeatChoices: Codable, Hashable, Sendable {
    /// A baseline's choice.
    struct Baseline: Codable, Hashable, Sendable {
        var name: String
        var chosen: [Hyperparameter]
    }

    var splitSHA256 = ""
    var baselines: [Baseline] = []
    var trainedParameters: [Double]?

    /// The hyperparameters as a record object, values typed (numbers stay numbers).
    static func record(_ chosen: [Hyperparameter]) -> CanonicalJSON {
        .object(
            OrderedDictionary(
                uniqueKeysWithValues: chosen.map { parameter in
                    let value: CanonicalJSON
                    switch parameter.value {
                    case .real(let number): value = .number(number)
                    case .integer(let number): value = .integer(Int64(number))
                    case .integers(let numbers): value = .array(numbers.map { .integer(Int64($0)) })
                    case .text(let text): value = .string(text)
                    }
                    return (parameter.name, value)
                }))
    }
}
