import OrderedCollections
import QuireCore
import QuireSimulator
import Yams

/// An `experiment` block's body (issue 4): what to learn from, how to encode it, which model and
/// training, on which simulated device, against which classical baselines, how often, over which
/// sweep. Every field has a default; `canonical` writes every value out for provenance.
struct ExperimentSpec: Sendable {
    /// The data.
    var dataset: DatasetSpec
    /// How features become a quantum state; `nil` without a quantum model.
    var encoding: EncodingSpec?
    /// The quantum model; `nil` for a baselines-only experiment.
    var model: ModelSpec?
    /// How the quantum model is trained.
    var train: TrainSpec
    /// The simulated device.
    var execution: ExecutionSpec
    /// Classical baselines, tuned by cross-validation on the training set.
    var baselines: [String]
    /// Independent repetitions with derived seeds (mean ± 95% CI reported).
    var repeats: Int
    /// Sections of the region.
    var report: [String]
    /// The spec with every default written out.
    var canonical: CanonicalJSON

    /// Top-level keys.
    static let keys = ["dataset", "encoding", "model", "train", "execution", "baselines", "repeat", "sweep", "report"]
    /// Report sections, in the order they are written.
    static let reportSections = ["metrics", "loss-curve", "decision-boundary", "confusion-matrix", "sweep"]

    /// Decodes a resolved spec mapping (sweep already applied; `swept` says whether there was one).
    static func decode(
        _ root: SpecNode, swept: Bool, noiseProfiles: (String, SpecNode) throws -> NoiseProfile,
        datasets: (String, SpecNode) throws -> DatasetBlock.Loaded
    ) throws -> ExperimentSpec {
        let map = try root.mapping(allowed: keys)
        guard let datasetNode = map["dataset"] else {
            throw root.error("an experiment needs a 'dataset'", hint: "e.g. dataset: {name: moons, samples: 200, noise: 0.1}")
        }
        let dataset = try DatasetSpec.decode(datasetNode, datasets: datasets)
        let model = try map["model"].map(ModelSpec.decode)
        let encoding = try model == nil ? map["encoding"].map(EncodingSpec.decode) : EncodingSpec.decode(map["encoding"])
        if model == nil, let encodingNode = map["encoding"] {
            throw encodingNode.error(
                "'encoding' is given but there is no 'model' to use it", hint: "add model: {kind: variational} or remove encoding")
        }
        let train = try TrainSpec.decode(map["train"])
        let execution = try ExecutionSpec.decode(map["execution"], noiseProfiles: noiseProfiles)
        var baselines = ["logistic-regression", "rbf-svm", "mlp"]
        if let node = map["baselines"] {
            baselines = try node.sequence().map { item in
                let name = try item.string()
                guard ["logistic-regression", "rbf-svm", "mlp"].contains(name) else {
                    throw item.error("unknown baseline '\(name)'", hint: "baselines: logistic-regression, rbf-svm, mlp")
                }
                return name
            }
        }
        if model == nil && baselines.isEmpty {
            throw root.error("an experiment needs a 'model' or at least one baseline", hint: "e.g. model: {kind: variational}")
        }
        let repeats = try map["repeat"]?.integer(in: 1...1000) ?? 1
        var report = (model == nil ? ["metrics"] : ["metrics", "loss-curve"]) + (swept ? ["sweep"] : [])
        if let node = map["report"] {
            report = try node.sequence().map { item in
                let name = try item.string()
                guard reportSections.contains(name) else {
                    throw item.error("unknown report section '\(name)'", hint: "sections: \(reportSections.joined(separator: ", "))")
                }
                return name
            }
        }
        var canonical: OrderedDictionary<String, CanonicalJSON> = ["dataset": dataset.canonical]
        canonical["encoding"] = encoding?.canonical ?? .null
        canonical["model"] = model?.canonical ?? .null
        canonical["train"] = model == nil ? .null : train.canonical
        canonical["execution"] = execution.canonical
        canonical["baselines"] = .array(baselines.map(CanonicalJSON.string))
        canonical["repeat"] = .integer(Int64(repeats))
        canonical["report"] = .array(report.map(CanonicalJSON.string))
        return ExperimentSpec(
            dataset: dataset, encoding: encoding, model: model, train: train, execution: execution,
            baselines: baselines, repeats: repeats, report: report, canonical: .object(canonical))
    }
}

extension ExperimentSpec {
    /// An upper estimate of the circuit evaluations training needs: repeats × epochs × training
    /// samples × evaluations per sample and step (adjoint 2, parameter shift 2 per parameter + 1,
    /// SPSA 2), counting parameters generously as 3 per qubit per layer plus the bias.
    var estimatedCircuitEvaluations: Int {
        guard let model, model.kind == "variational" else { return 0 }
        let samples = Double(dataset.estimatedSamples) * (1 - dataset.testFraction)
        let qubits = Double(model.qubits ?? 8)
        let parameters = 3 * qubits * Double(model.layers) + 1
        let perSample = train.gradient == "parameter-shift" ? 2 * parameters + 1 : 2
        let total = Double(repeats) * Double(train.epochs) * samples * perSample
        return total >= Double(Int.max) ? Int.max : Int(total.rounded(.up))
    }
}

/// `encoding:` — how a feature vector becomes a quantum state.
struct EncodingSpec: Sendable, Hashable {
    /// angle | amplitude | basis | iqp | reupload.
    var kind: String
    /// Rotation axis of angle and re-uploading encodings.
    var rotation: String
    /// Repetitions of the IQP feature map.
    var reps: Int

    static let kinds = ["angle", "amplitude", "basis", "iqp", "reupload"]

    /// Decodes `node` (absent: angle encoding with y rotations).
    static func decode(_ node: SpecNode?) throws -> EncodingSpec {
        guard let node else { return EncodingSpec(kind: "angle", rotation: "y", reps: 2) }
        let map = try node.mapping(allowed: ["kind", "rotation", "reps"])
        let kind = try choice(map["kind"], kinds, default: "angle")
        return EncodingSpec(
            kind: kind, rotation: try choice(map["rotation"], ["x", "y", "z"], default: "y"),
            reps: try map["reps"]?.integer(in: 1...10) ?? 2)
    }

    var canonical: CanonicalJSON {
        var object: OrderedDictionary<String, CanonicalJSON> = ["kind": .string(kind)]
        if kind == "angle" || kind == "reupload" { object["rotation"] = .string(rotation) }
        if kind == "iqp" { object["reps"] = .integer(Int64(reps)) }
        return .object(object)
    }
}

/// `model:` — the quantum model.
struct ModelSpec: Sendable, Hashable {
    /// variational | kernel.
    var kind: String
    /// Qubits; `nil` = as many as the encoding needs, written `auto` (as the canonical spec records it).
    var qubits: Int?
    /// hardware-efficient | strongly-entangling.
    var ansatz: String
    /// Ansatz layers.
    var layers: Int
    /// `Z<k>` on qubit k, or `parity` of all qubits.
    var observable: String
    /// Regularisation of the kernel SVM.
    var c: Double

    static let kinds = ["variational", "kernel"]

    static func decode(_ node: SpecNode) throws -> ModelSpec {
        let map = try node.mapping(allowed: ["kind", "qubits", "ansatz", "layers", "observable", "c"])
        let observable = try map["observable"]?.string() ?? "Z0"
        if observable != "parity" {
            guard observable.first == "Z", let qubit = Int(observable.dropFirst()), qubit >= 0 else {
                throw (map["observable"] ?? node).error("observable '\(observable)' is not Z<qubit> or parity", hint: "e.g. observable: Z0")
            }
        }
        return ModelSpec(
            kind: try choice(map["kind"], kinds, default: "variational"),
            qubits: try map["qubits"].flatMap { try $0.node.string == "auto" ? nil : $0.integer(in: 1...20) },
            ansatz: try choice(map["ansatz"], ["hardware-efficient", "strongly-entangling"], default: "strongly-entangling"),
            layers: try map["layers"]?.integer(in: 1...50) ?? 2, observable: observable,
            c: try map["c"]?.double(in: 1e-6...1e6) ?? 1)
    }

    var canonical: CanonicalJSON {
        var object: OrderedDictionary<String, CanonicalJSON> = [
            "kind": .string(kind), "qubits": qubits.map { .integer(Int64($0)) } ?? .string("auto"),
        ]
        if kind == "variational" {
            object["ansatz"] = .string(ansatz)
            object["layers"] = .integer(Int64(layers))
            object["observable"] = .string(observable)
        } else {
            object["c"] = .number(c)
        }
        return .object(object)
    }
}

/// `train:` — optimisation of a variational model.
struct TrainSpec: Sendable, Hashable {
    var optimizer: String
    var learningRate: Double
    var epochs: Int
    var batchSize: Int
    var gradient: String
    var loss: String

    static func decode(_ node: SpecNode?) throws -> TrainSpec {
        guard let node else {
            return TrainSpec(optimizer: "adam", learningRate: 0.05, epochs: 30, batchSize: 16, gradient: "adjoint", loss: "square")
        }
        let map = try node.mapping(allowed: ["optimizer", "learning_rate", "epochs", "batch_size", "gradient", "loss"])
        return TrainSpec(
            optimizer: try choice(map["optimizer"], ["adam", "sgd", "spsa"], default: "adam"),
            learningRate: try map["learning_rate"]?.double(in: 1e-9...10) ?? 0.05,
            epochs: try map["epochs"]?.integer(in: 1...10_000) ?? 30,
            batchSize: try map["batch_size"]?.integer(in: 1...100_000) ?? 16,
            gradient: try choice(map["gradient"], ["adjoint", "parameter-shift", "spsa"], default: "adjoint"),
            loss: try choice(map["loss"], ["square", "cross-entropy"], default: "square"))
    }

    var canonical: CanonicalJSON {
        .object([
            "optimizer": .string(optimizer), "learning_rate": .number(learningRate), "epochs": .integer(Int64(epochs)),
            "batch_size": .integer(Int64(batchSize)), "gradient": .string(gradient), "loss": .string(loss),
        ])
    }
}

/// `execution:` — the simulated device a quantum model runs on.
struct ExecutionSpec: Sendable, Hashable {
    var engine: SimulationMethod
    var shots: Int
    /// The noise block id, or `inline` for a profile written in place.
    var noiseName: String?
    var noise: NoiseProfile?
    var zneScaleFactors: [Int]?
    var zneExtrapolation: String
    var readoutMitigation: Bool

    static func decode(_ node: SpecNode?, noiseProfiles: (String, SpecNode) throws -> NoiseProfile) throws -> ExecutionSpec {
        var spec = ExecutionSpec(
            engine: .auto, shots: 0, noiseName: nil, noise: nil, zneScaleFactors: nil, zneExtrapolation: "richardson", readoutMitigation: false)
        guard let node else { return spec }
        let map = try node.mapping(allowed: ["engine", "shots", "noise", "mitigation"])
        spec.engine = try map["engine"]?.choice(SimulationMethod.self) ?? .auto
        spec.shots = try map["shots"]?.integer(in: 0...100_000_000) ?? 0
        if let noiseNode = map["noise"] {
            if case .scalar = noiseNode.node {
                let id = try noiseNode.string()
                spec.noiseName = id
                spec.noise = try noiseProfiles(id, noiseNode)
            } else {
                spec.noiseName = "inline"
                spec.noise = try NoiseProfileDecoder.decode(noiseNode)
            }
        }
        if let mitigationNode = map["mitigation"] {
            let mitigation = try mitigationNode.mapping(allowed: ["zne", "readout"])
            spec.readoutMitigation = try mitigation["readout"]?.bool() ?? false
            if let zneNode = mitigation["zne"] {
                let zne = try zneNode.mapping(allowed: ["scale_factors", "extrapolation"])
                let factors = try zne["scale_factors"]?.sequence().map { try $0.integer(in: 1...99) } ?? [1, 3, 5]
                guard factors.count >= 2, factors.allSatisfy({ $0 % 2 == 1 }), Set(factors).count == factors.count else {
                    throw (zne["scale_factors"] ?? zneNode).error(
                        "'scale_factors' must be at least two distinct odd integers",
                        hint: "unitary folding scales noise by odd factors, e.g. [1, 3, 5]")
                }
                spec.zneScaleFactors = factors
                spec.zneExtrapolation = try choice(zne["extrapolation"], ["linear", "richardson", "exponential"], default: "richardson")
            }
        }
        return spec
    }

    var canonical: CanonicalJSON {
        var zne: CanonicalJSON = .null
        if let factors = zneScaleFactors {
            zne = .object(["scale_factors": .array(factors.map { .integer(Int64($0)) }), "extrapolation": .string(zneExtrapolation)])
        }
        return .object([
            "engine": .string(engine.rawValue), "shots": .integer(Int64(shots)),
            "noise": noiseName.map(CanonicalJSON.string) ?? .null,
            "noise_profile": noise?.canonical ?? .null,
            "mitigation": .object(["zne": zne, "readout": .bool(readoutMitigation)]),
        ])
    }
}

/// The string at `node`, one of `choices`, or `fallback` when absent.
private func choice(_ node: SpecNode?, _ choices: [String], default fallback: String) throws -> String {
    guard let node else { return fallback }
    let value = try node.string()
    guard choices.contains(value) else {
        throw node.error(
            "'\(node.path)' is '\(value)', not one of \(choices.joined(separator: ", "))", hint: "use one of \(choices.joined(separator: ", "))")
    }
    return value
}
