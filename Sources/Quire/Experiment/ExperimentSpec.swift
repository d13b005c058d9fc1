import OrderedCollections
import QuireCore
import QuireLearning
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
    /// Qubits of the quantum model's circuits (`model.qubits` or what the encoding needs); `nil` without a model.
    var qubits: Int?
    /// How the quantum model is trained.
    var train: TrainSpec
    /// The simulated device.
    var execution: ExecutionSpec
    /// Classical baselines, tuned by cross-validation on the training set.
    var baselines: [BaselineKind]
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

    /// Decodes a resolved spec mapping (sweep already applied; `swept` says whether there was one,
    /// `modelSwept` whether it varies the model, so a `train` section may serve only some points).
    ///
    /// Only the fields the model uses are resolved: `train` for a variational model alone (written
    /// for a kernel model or for baselines alone it is an error, unless the sweep varies the model),
    /// and `train.gradient` resolves to the method that runs (`TrainSpec.decode`). Memory and
    /// shots are checked against `limits` here, where the fields are located. `devices` loads the
    /// device block `execution.device` names; `routingSeed` is the block's default routing seed.
    static func decode(
        _ root: SpecNode, swept: Bool, modelSwept: Bool, limits: Limits,
        noiseProfiles: (String, SpecNode) throws -> NoiseProfile, datasets: (String, SpecNode) throws -> DatasetBlock.Loaded,
        devices: (String, SpecNode) throws -> DeviceBlock.Loaded = { _, node in throw node.error("no device blocks") }, routingSeed: UInt64 = 0
    ) throws -> ExperimentSpec {
        let map = try root.mapping(allowed: keys)
        guard let datasetNode = map["dataset"] else {
            throw root.error("an experiment needs a 'dataset'", hint: "e.g. dataset: {name: moons, samples: 200, noise: 0.1}")
        }
        let dataset = try DatasetSpec.decode(datasetNode, datasets: datasets)
        var model = try map["model"].map { try ModelSpec.decode($0, classes: dataset.shape.classes, swept: swept) }
        let encoding = try model == nil ? map["encoding"].map(EncodingSpec.decode) : EncodingSpec.decode(map["encoding"])
        if model == nil, let encodingNode = map["encoding"] {
            throw encodingNode.error(
                "'encoding' is given but there is no 'model' to use it", hint: "add model: {kind: variational} or remove encoding")
        }
        let execution = try ExecutionSpec.decode(
            map["execution"], maxShots: limits.shots, noiseProfiles: noiseProfiles, devices: devices, routingSeed: routingSeed)
        let qubits = try encoding.map { try circuitQubits(model: model, encoding: $0, dataset: dataset, map: map) }
        if let device = execution.device { try device.check(qubits: qubits) }
        if let qubits { model = try checkQASMBodies(model: model, encoding: encoding, features: dataset.shape.features, qubits: qubits, map: map) }
        var train = TrainSpec()
        if let model, model.kind == .variational, let qubits {
            train = try TrainSpec.decode(map["train"], path: QuantumModelFactory.path(of: execution, qubits: qubits), softmax: model.readsSoftmax)
        } else if let trainNode = map["train"], !modelSwept {
            throw trainNode.error(
                model == nil ? "'train' is given but there is no quantum model to train" : "'train' is given but a kernel model is not trained",
                hint: model == nil
                    ? "add model: {kind: variational} or remove train"
                    : "remove train: a kernel model's SVM is fitted exactly, set only by model.c")
        }
        var baselines: [BaselineKind] = [.logisticRegression, .rbfSVM, .mlp]
        if let node = map["baselines"] {
            baselines = try node.sequence().map { item in
                let name = try item.string()
                guard let kind = BaselineKind(rawValue: name) else {
                    throw item.error(
                        "unknown baseline '\(name)'", hint: "baselines: \(BaselineKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return kind
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
        canonical["train"] = model?.kind == .variational ? train.canonical : .null
        canonical["execution"] = execution.canonical
        canonical["baselines"] = .array(baselines.map { .string($0.rawValue) })
        canonical["repeat"] = .integer(Int64(repeats))
        canonical["report"] = .array(report.map(CanonicalJSON.string))
        let spec = ExperimentSpec(
            dataset: dataset, encoding: encoding, model: model, qubits: qubits, train: train, execution: execution,
            baselines: baselines, repeats: repeats, report: report, canonical: .object(canonical))
        try spec.checkMemory(limit: limits.memoryBytes, dataset: datasetNode, model: map["model"], baselines: map["baselines"] ?? root)
        return spec
    }

    /// The qubits of the quantum model's circuits: `model.qubits`, or the fewest the encoding
    /// needs for the dataset's features; located errors when the features need more qubits than
    /// an encoding may have, or more than `model.qubits` gives.
    private static func circuitQubits(model: ModelSpec?, encoding: EncodingSpec, dataset: DatasetSpec, map: SpecMapping) throws -> Int {
        let features = dataset.shape.features
        let needed = Encoding.minimumQubits(encoding.learningKind, featureCount: features)
        let reason = encoding.kind == .qasm ? "as its body uses q[\(needed - 1)]" : "for the dataset's \(features) features"
        guard needed <= Encoding.maximumQubits else {
            throw (map["dataset"] ?? map.owner).error(
                "the \(encoding.kind.rawValue) encoding needs \(needed) qubits \(reason), more than the \(Encoding.maximumQubits) an encoding may have",
                hint: "use fewer features, or amplitude encoding (⌈log₂ features⌉ qubits)")
        }
        guard let model else { return needed }
        guard let qubits = model.qubits else {
            let circuit = model.neededQubits(encoding: needed)
            guard circuit <= ModelSpec.maximumQubits else {
                throw (map["model"] ?? map.owner).error(
                    "the QASM ansatz uses q[\(circuit - 1)], but a model has at most \(ModelSpec.maximumQubits) qubits",
                    hint: "write the ansatz on q[0] … q[\(ModelSpec.maximumQubits - 1)]")
            }
            return model.circuitQubits(needed: circuit)
        }
        guard qubits >= needed else {
            throw (map["model"] ?? map.owner).error(
                "model.qubits is \(qubits), but the \(encoding.kind.rawValue) encoding needs \(needed) qubits \(reason)",
                hint: "use qubits: \(needed) or more, or qubits: auto")
        }
        if model.readsSoftmax, qubits < model.classes {
            let qubitsNode = try map["model"]?.mapping(allowed: ModelSpec.fields)["qubits"]
            throw (qubitsNode ?? map.owner).error(
                "model.qubits is \(qubits), but the softmax readout reads class c on qubit c, so the dataset's \(model.classes) classes need at least \(model.classes) qubits",
                hint: "use qubits: \(model.classes) or more, or qubits: auto, or multiclass: one-vs-rest")
        }
        return qubits
    }
}

/// `encoding:` — how a feature vector becomes a quantum state.
struct EncodingSpec: Sendable, Hashable {
    /// The encoding.
    var kind: EncodingKind
    /// Rotation axis of angle and re-uploading encodings.
    var rotation: Encoding.Rotation
    /// Repetitions of the IQP feature map.
    var reps: Int
    /// The OpenQASM body of a `qasm` encoding.
    var qasm: QASMBodySpec? = nil

    /// Every field an `encoding:` mapping may have.
    static let fields = ["kind", "rotation", "reps", "qasm"]

    /// Decodes `node` (absent: angle encoding with y rotations); `{qasm: |…}` is a custom encoding.
    static func decode(_ node: SpecNode?) throws -> EncodingSpec {
        guard let node else { return EncodingSpec(kind: .angle, rotation: .y, reps: 2) }
        let map = try node.mapping(allowed: fields)
        let kind = try choice(map["kind"], default: map["qasm"] == nil ? EncodingKind.angle : .qasm)
        let qasm = try map["qasm"].map(QASMBodySpec.decode)
        if kind == .qasm, qasm == nil {
            throw node.error("a qasm encoding needs its body", hint: "write encoding: {qasm: \"ry(x[0]) q[0];\"}, or a block with qasm: |")
        }
        if let field = kind == .qasm ? map["rotation"] ?? map["reps"] : map["qasm"] {
            throw field.error(
                "'\(field.path)' does not apply to a\([.angle, .amplitude, .iqp].contains(kind) ? "n" : "") \(kind.rawValue) encoding",
                hint: kind == .qasm ? "remove it: the QASM body says everything" : "remove it, or remove kind to use the QASM body")
        }
        return EncodingSpec(
            kind: kind, rotation: try choice(map["rotation"], default: .y), reps: try map["reps"]?.integer(in: 1...10) ?? 2, qasm: qasm)
    }

    /// The encoding in QuireLearning's terms.
    var learningKind: Encoding.Kind {
        switch kind {
        case .angle: .angle(rotation: rotation, scale: 1)
        case .amplitude: .amplitude
        case .basis: .basis
        case .iqp: .iqp(reps: reps)
        case .reupload: .reupload(rotation: rotation, scale: 1)
        case .qasm: .qasm(qasm?.text ?? "")
        }
    }

    var canonical: CanonicalJSON {
        var object: OrderedDictionary<String, CanonicalJSON> = ["kind": .string(kind.rawValue)]
        if kind == .angle || kind == .reupload { object["rotation"] = .string(rotation.rawValue) }
        if kind == .iqp { object["reps"] = .integer(Int64(reps)) }
        if let qasm, case .object(let body) = qasm.canonical { object.merge(body) { $1 } }
        return .object(object)
    }
}

/// `model:` — the quantum model.
struct ModelSpec: Sendable, Hashable {
    /// The model.
    var kind: ModelKind
    /// Qubits; `nil` = as many as the encoding needs, written `auto` (as the canonical spec records it).
    var qubits: Int?
    /// The variational model's built-in layers (unless `ansatzQASM` gives them).
    var ansatz: AnsatzKind
    /// The OpenQASM body of a custom ansatz (`ansatz: {qasm: |…}`), which replaces `ansatz`.
    var ansatzQASM: QASMBodySpec? = nil
    /// Ansatz layers.
    var layers: Int
    /// `Z<k>` on qubit k, or `parity` of all qubits.
    var observable: String
    /// Regularisation of the kernel SVM.
    var c: Double
    /// Classes of the dataset: a variational model on more than two reads them by `multiclass`.
    var classes: Int
    /// How a variational model reads more than two classes.
    var multiclass: MulticlassKind
    /// The softmax readout's logit scale s (logit z_c = s·⟨Z_c⟩ + b_c).
    var scale: Double

    /// Every field a `model:` mapping may have.
    static let fields = ["kind", "qubits", "ansatz", "layers", "observable", "c", "multiclass", "scale"]
    /// The softmax readout's default logit scale.
    static let defaultScale = 2.0

    /// Decodes `node` for a dataset of `classes` classes: `multiclass` and `scale` apply to a
    /// variational model on three or more classes (located errors elsewhere, unless the spec is
    /// `swept`, where other points may use them), and the softmax readout fixes the observables.
    static func decode(_ node: SpecNode, classes: Int, swept: Bool) throws -> ModelSpec {
        let map = try node.mapping(allowed: fields)
        let observable = try map["observable"]?.string() ?? "Z0"
        if observable != "parity" {
            guard observable.first == "Z", let qubit = Int(observable.dropFirst()), qubit >= 0 else {
                throw (map["observable"] ?? node).error("observable '\(observable)' is not Z<qubit> or parity", hint: "e.g. observable: Z0")
            }
        }
        let kind: ModelKind = try choice(map["kind"], default: .variational)
        let multiclass: MulticlassKind = try choice(map["multiclass"], default: .softmax)
        let multiple = kind == .variational && classes > 2
        if !multiple, !swept, let field = map["multiclass"] ?? map["scale"] {
            throw field.error(
                "'\(field.path)' applies to a variational model on three or more classes; "
                    + (kind == .variational ? "this dataset has \(classes)" : "this is a kernel model"),
                hint: "remove it: two classes are read as one output ⟨O⟩ + b")
        }
        if multiple, multiclass == .softmax, let field = map["observable"] {
            throw field.error(
                "the softmax readout reads class c as Z on qubit c, so 'observable' cannot be chosen",
                hint: "remove observable, or use multiclass: one-vs-rest (each class's model reads the observable)")
        }
        if multiclass == .oneVsRest, !swept, let field = map["scale"] {
            throw field.error("'scale' is the softmax readout's logit scale; one-vs-rest has none", hint: "remove scale, or use multiclass: softmax")
        }
        let ansatzQASM = try map["ansatz"].flatMap { node in
            node.node.mapping == nil ? nil : try node.mapping(allowed: ["qasm"])["qasm"].map(QASMBodySpec.decode)
        }
        if ansatzQASM == nil, let node = map["ansatz"], node.node.mapping != nil {
            throw node.error("a custom ansatz needs its body", hint: "write ansatz: {qasm: \"ry(theta[0]) q[0];\"}, or a block with qasm: |")
        }
        return ModelSpec(
            kind: kind,
            qubits: try map["qubits"].flatMap { try $0.node.string == "auto" ? nil : $0.integer(in: 1...maximumQubits) },
            ansatz: ansatzQASM == nil ? try choice(map["ansatz"], default: .stronglyEntangling) : .stronglyEntangling,
            ansatzQASM: ansatzQASM,
            layers: try map["layers"]?.integer(in: 1...50) ?? 2, observable: observable,
            c: try map["c"]?.double(in: 1e-6...1e6) ?? 1, classes: classes, multiclass: multiclass,
            scale: try map["scale"]?.double(in: 1e-3...100) ?? defaultScale)
    }

    /// Whether the model reads more than two classes (by `multiclass`).
    var isMulticlass: Bool { kind == .variational && classes > 2 }

    /// Whether the model reads its classes by the softmax readout.
    var readsSoftmax: Bool { isMulticlass && multiclass == .softmax }

    /// The most qubits a model may have (`qubits:`, or what `auto` finds).
    static let maximumQubits = 20

    /// The ansatz in QuireLearning's terms: the QASM body's when there is one.
    var learningAnsatz: Ansatz { ansatzQASM.map { .qasm($0.text) } ?? ansatz.ansatz }

    /// One ansatz layer's trained parameters and the gates that use them on `qubits` qubits: a QASM
    /// body's as counted when it was lowered while decoding, else the built-in layer's (a gate each).
    func layerParameters(qubits: Int) -> (parameters: Int, gates: Int) {
        if let ansatzQASM { return (ansatzQASM.parameters, ansatzQASM.trainableGates) }
        let count = ansatz.ansatz.parametersPerLayer(qubits: qubits) ?? 0
        return (count, count)
    }

    /// The qubits a circuit needs when the encoding needs `encoding`: a variational model's QASM
    /// ansatz may reach higher qubits than the encoding writes.
    func neededQubits(encoding: Int) -> Int { kind == .variational ? max(encoding, learningAnsatz.minimumQubits) : encoding }

    /// The circuit's qubits when `qubits` is auto and the encoding needs `needed`: one per class
    /// at least for the softmax readout.
    func circuitQubits(needed: Int) -> Int { qubits ?? (readsSoftmax ? max(needed, classes) : needed) }

    var canonical: CanonicalJSON {
        var object: OrderedDictionary<String, CanonicalJSON> = [
            "kind": .string(kind.rawValue), "qubits": qubits.map { .integer(Int64($0)) } ?? .string("auto"),
        ]
        if kind == .variational {
            object["ansatz"] = ansatzQASM?.canonical ?? .string(ansatz.rawValue)
            object["layers"] = .integer(Int64(layers))
            if !readsSoftmax { object["observable"] = .string(observable) }
            if isMulticlass { object["multiclass"] = .string(multiclass.rawValue) }
            if readsSoftmax { object["scale"] = .number(scale) }
        } else {
            object["c"] = .number(c)
        }
        return .object(object)
    }
}

/// `train:` — optimisation of a variational model.
struct TrainSpec: Sendable, Hashable {
    var optimizer = OptimizerKind.adam
    var learningRate = 0.05
    var epochs = 30
    var batchSize = 16
    /// The gradient method that runs.
    var gradient = GradientKind.adjoint
    var loss = ClassifierLoss.square

    /// Decodes `node` for circuits that run on `path`, resolving `gradient` to the method that runs
    /// there, so the canonical spec records it: unless written, adjoint on an exact fast path
    /// (statevector, or density matrix with noise and no shots) and parameter-shift on an engine
    /// (shots, trajectories, larger noisy registers); always spsa with the spsa optimizer, which
    /// estimates its own gradient.
    ///
    /// A `softmax` model's loss is always cross-entropy (softmax cross-entropy of its logits).
    ///
    /// - Throws: at `gradient` when the written method cannot run there (adjoint on an engine,
    ///   anything but spsa with the spsa optimizer); at `loss` when a softmax model is given square.
    static func decode(_ node: SpecNode?, path: ExecutionPath, softmax: Bool) throws -> TrainSpec {
        var spec = TrainSpec()
        spec.gradient = path == .engine ? .parameterShift : .adjoint
        if softmax { spec.loss = .crossEntropy }
        guard let node else { return spec }
        let map = try node.mapping(allowed: ["optimizer", "learning_rate", "epochs", "batch_size", "gradient", "loss"])
        spec.optimizer = try choice(map["optimizer"], default: spec.optimizer)
        spec.learningRate = try map["learning_rate"]?.double(in: 1e-9...10) ?? spec.learningRate
        spec.epochs = try map["epochs"]?.integer(in: 1...10_000) ?? spec.epochs
        spec.batchSize = try map["batch_size"]?.integer(in: 1...100_000) ?? spec.batchSize
        spec.loss = try choice(map["loss"], default: spec.loss)
        if softmax, spec.loss != .crossEntropy, let lossNode = map["loss"] {
            throw lossNode.error(
                "the softmax readout is trained by softmax cross-entropy, not \(spec.loss.rawValue)",
                hint: "write loss: cross-entropy or leave it out, or use model.multiclass: one-vs-rest")
        }
        if spec.optimizer == .spsa { spec.gradient = .spsa }
        if let gradientNode = map["gradient"] {
            let written: GradientKind = try choice(gradientNode, default: spec.gradient)
            if spec.optimizer == .spsa, written != .spsa {
                throw gradientNode.error(
                    "gradient \(written.rawValue) cannot be used with the spsa optimizer, which estimates its own gradient",
                    hint: "write gradient: spsa, or leave it out")
            }
            if written == .adjoint, path == .engine {
                throw gradientNode.error(
                    "adjoint gradients need exact states, but these circuits run on an engine (shots, trajectories or more than \(ExecutionPath.densityMatrixQubits) noisy qubits)",
                    hint: "write gradient: parameter-shift or spsa, or leave it out (parameter-shift)")
            }
            spec.gradient = written
        }
        return spec
    }

    var canonical: CanonicalJSON {
        .object([
            "optimizer": .string(optimizer.rawValue), "learning_rate": .number(learningRate), "epochs": .integer(Int64(epochs)),
            "batch_size": .integer(Int64(batchSize)), "gradient": .string(gradient.rawValue), "loss": .string(loss.rawValue),
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
    var zneExtrapolation: ZNESettings.Method
    var readoutMitigation: Bool
    /// The device block the model's circuit is compiled for and run on (`execution.device`), with
    /// the compilation options; nil runs the logical circuit.
    var device: DeviceExecution?

    /// Decodes `node` (absent: the ideal device, exact); `maxShots` is `--max-shots`; `devices`
    /// loads a device block by id, and `routingSeed` is the default routing seed.
    static func decode(
        _ node: SpecNode?, maxShots: Int, noiseProfiles: (String, SpecNode) throws -> NoiseProfile,
        devices: (String, SpecNode) throws -> DeviceBlock.Loaded, routingSeed: UInt64
    ) throws -> ExecutionSpec {
        var spec = ExecutionSpec(
            engine: .auto, shots: 0, noiseName: nil, noise: nil, zneScaleFactors: nil, zneExtrapolation: .richardson, readoutMitigation: false)
        guard let node else { return spec }
        let map = try node.mapping(allowed: ["engine", "shots", "noise", "mitigation"] + DeviceExecution.keys)
        spec.device = try DeviceExecution.decode(map, devices: devices, routingSeed: routingSeed)
        spec.engine = try map["engine"]?.choice(SimulationMethod.self) ?? .auto
        if let shotsNode = map["shots"] {
            spec.shots = try shotsNode.integer(in: 0...Int.max)
            guard spec.shots <= maxShots else {
                throw shotsNode.error(
                    "execution.shots is \(spec.shots), more than the limit of \(maxShots) shots",
                    hint: "use fewer shots, or raise the limit with --max-shots")
            }
        }
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
                let factors =
                    try zne["scale_factors"]?.sequence().map { try $0.integer(in: ZNESettings.scaleFactorRange) } ?? ZNESettings.defaultScaleFactors
                if let problem = ZNESettings.problem(scaleFactors: factors) {
                    throw (zne["scale_factors"] ?? zneNode).error("'scale_factors' \(problem.message)", hint: problem.hint)
                }
                spec.zneScaleFactors = factors
                spec.zneExtrapolation = try choice(zne["extrapolation"], default: .richardson)
            }
        }
        return spec
    }

    var canonical: CanonicalJSON {
        var zne: CanonicalJSON = .null
        if let factors = zneScaleFactors {
            zne = .object(["scale_factors": .array(factors.map { .integer(Int64($0)) }), "extrapolation": .string(zneExtrapolation.rawValue)])
        }
        var object: OrderedDictionary<String, CanonicalJSON> = [
            "engine": .string(engine.rawValue), "shots": .integer(Int64(shots)),
            "noise": noiseName.map(CanonicalJSON.string) ?? .null,
            "noise_profile": noise?.canonical ?? .null,
            "mitigation": .object(["zne": zne, "readout": .bool(readoutMitigation)]),
        ]
        // Written only with a device, so specs without one (and their cache keys) are unchanged.
        if let device { object.merge(device.canonical) { _, new in new } }
        return .object(object)
    }
}

/// The choice spelled at `node`, or `fallback` when absent; a located error naming every choice otherwise.
private func choice<Choice: RawRepresentable & CaseIterable>(_ node: SpecNode?, default fallback: Choice) throws -> Choice
where Choice.RawValue == String {
    guard let node else { return fallback }
    let value = try node.string()
    guard let choice = Choice(rawValue: value) else {
        let choices = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        throw node.error("'\(node.path)' is '\(value)', not one of \(choices)", hint: "use one of \(choices)")
    }
    return choice
}
