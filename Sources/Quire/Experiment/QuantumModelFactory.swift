import Foundation
import QuireCore
import QuireLearning
import QuireSimulator

/// Builds and trains the quantum model an experiment spec describes, with QuireLearning's types.
///
/// The exact statevector fast path (adjoint or parameter-shift gradients) is used when the device
/// is ideal and exact (no noise, no shots); otherwise every circuit runs on the engine the
/// execution spec names, with its noise profile and shots, keyed by the training seed.
struct QuantumModelFactory {
    var model: ModelSpec
    var encoding: EncodingSpec
    var train: TrainSpec
    var execution: ExecutionSpec
    /// The repeat's training seed (initial parameters, batches, shots, SPSA directions).
    var seed: UInt64
    var memoryLimit: Int
    /// Worker threads for training and the kernel matrix (results never depend on it).
    var threads: Int

    /// SPSA's perturbation size c when SPSA estimates the gradient.
    static let spsaPerturbation = 0.1

    /// The model's row label in tables: `variational (strongly-entangling, 2 layers)`, `variational (qasm
    /// ansatz, 2 layers)`, `quantum kernel`.
    ///
    /// - Parameter swept: sweep paths whose fields are left out, since they vary along the sweep
    ///   (`variational (strongly-entangling)` for a `model.layers` sweep): a sweep's column title.
    static func name(_ model: ModelSpec, omitting swept: [String] = []) -> String {
        guard model.kind == .variational else { return "quantum kernel" }
        func varies(_ field: String) -> Bool { swept.contains { field == $0 || field.hasPrefix($0 + ".") } }
        var parts: [String] = []
        if !varies("model.ansatz") { parts.append(model.ansatzQASM == nil ? model.ansatz.rawValue : "qasm ansatz") }
        if !varies("model.layers") { parts.append("\(model.layers) layer\(model.layers == 1 ? "" : "s")") }
        if model.isMulticlass, !varies("model.multiclass") { parts.append(model.multiclass.rawValue) }
        return parts.isEmpty ? "variational" : "variational (\(parts.joined(separator: ", ")))"
    }

    /// Fits the quantum-kernel classifier (fidelity kernel of the encoding, SVM with `c`) on `data`:
    /// computed exactly from the encoded states, or with `execution.device` compiled once for the
    /// device and evaluated on its noisy density matrix; `execution.noise` and shots are refused.
    func fitKernel(on data: Dataset) throws -> (QuantumKernelClassifier, String) {
        guard execution.noise == nil, execution.shots == 0 else {
            throw LearningError.unusableData(
                owner: "quantum kernel",
                message: "the fidelity kernel is computed exactly from the encoded states; remove execution.noise and execution.shots")
        }
        let encoded = try Encoding(encoding.learningKind, featureCount: data.featureCount, qubitCount: model.qubits)
        let resources = encoded.resources
        let settings = "\(encoding.kind.rawValue) encoding, \(resources.qubits) qubits, depth \(resources.depth), fidelity kernel"
        if let device = execution.device {
            let classifier = try QuantumKernelClassifier.fit(kernel: device.kernel(for: encoded, threads: threads), data: data, c: model.c)
            return (classifier, settings + " on device \(device.name), SVM C=\(model.c)")
        }
        let classifier = try QuantumKernelClassifier.fit(kernel: FidelityKernel(encoding: encoded, threads: threads), data: data, c: model.c)
        return (classifier, settings + ", SVM C=\(model.c)")
    }

    /// Zero-noise extrapolation as the execution spec asks, if it does.
    var zeroNoiseExtrapolation: ZeroNoiseExtrapolation? {
        execution.zneScaleFactors.map { ZNESettings(scaleFactors: $0, extrapolation: execution.zneExtrapolation).recipe }
    }

    /// Whether any error mitigation is requested.
    var mitigates: Bool { execution.zneScaleFactors != nil || execution.readoutMitigation }

    /// The row label of the mitigated model.
    var mitigationLabel: String {
        var parts: [String] = []
        if let factors = execution.zneScaleFactors {
            parts.append("ZNE \(execution.zneExtrapolation.rawValue) at \(factors.map(String.init).joined(separator: ", "))")
        }
        if execution.readoutMitigation { parts.append("readout") }
        return "+ mitigation (" + parts.joined(separator: "; ") + ")"
    }

    /// Trains the variational classifier on `data`, telling `epochFinished` each epoch (from 1) as it
    /// ends: a two-class model, or on more classes the `multiclass` readout (`MulticlassTrainer`).
    /// `batchFinished(e, b, batches)` hears each optimizer step (`MulticlassTrainer.train` numbers those of one-vs-rest).
    func train(
        on data: Dataset, epochFinished: (Int) -> Void = { _ in }, batchFinished: (Int, Int, Int) -> Void = { _, _, _ in }
    ) throws -> any VariationalClassifier {
        let (variational, configuration) = try variationalSetup(featureCount: data.featureCount)
        guard model.isMulticlass else {
            return try VariationalTrainer.train(
                variational, on: data, configuration: configuration, epochFinished: { epoch, _ in epochFinished(epoch) }, batchFinished: batchFinished
            )
        }
        let readout: MulticlassTrainer.Readout = model.readsSoftmax ? .softmax(scale: model.scale) : .oneVsRest
        return try MulticlassTrainer.train(
            variational, readout: readout, on: data, configuration: configuration, epochFinished: { epoch, _ in epochFinished(epoch) },
            batchFinished: batchFinished)
    }

    /// Evaluations of the variational model as training runs them, to time before a run
    /// (`TrainingCalibration`), on a row of `featureCount` features of ½.
    func calibration(featureCount: Int) throws -> TrainingCalibration {
        let (variational, configuration) = try variationalSetup(featureCount: featureCount)
        return try TrainingCalibration(variational, configuration: configuration, features: Array(repeating: 0.5, count: featureCount))
    }

    /// The variational model and its training configuration for data of `featureCount` features.
    private func variationalSetup(featureCount: Int) throws -> (VariationalModel, TrainingConfiguration) {
        let variational = try variationalModel(featureCount: featureCount)
        // `train.gradient` is already the method that runs here (TrainSpec.decode resolved it).
        let configuration = TrainingConfiguration(
            optimizer: train.optimizer.optimizer(learningRate: train.learningRate), epochs: train.epochs, batchSize: train.batchSize,
            gradient: train.gradient.method(perturbation: Self.spsaPerturbation), loss: train.loss,
            execution: Self.options(execution, seed: seed, memoryLimit: memoryLimit), seed: seed, threads: threads,
            device: try execution.device?.template(for: variational.circuit))
        return (variational, configuration)
    }

    /// The variational model (encoding, ansatz, observable) for data with `featureCount` features.
    func variationalModel(featureCount: Int) throws -> VariationalModel {
        let kind = encoding.learningKind
        let qubits = model.circuitQubits(needed: model.neededQubits(encoding: Encoding.minimumQubits(kind, featureCount: featureCount)))
        let encoded = try Encoding(kind, featureCount: featureCount, qubitCount: qubits)
        guard let observable = ReadoutObservable(label: model.observable) else {
            throw LearningError.unusableData(owner: "model", message: "observable '\(model.observable)' is not Z<qubit> or parity")
        }
        return try VariationalModel(encoding: encoded, ansatz: model.learningAnsatz, layers: model.layers, observable: observable)
    }

    /// How circuits of `execution` are simulated: `nil` (the exact statevector) with no noise, no
    /// shots, no device and no engine named; otherwise the trainer picks the density-matrix fast path or the
    /// named engine (`TrainingConfiguration.path`).
    static func options(_ execution: ExecutionSpec, seed: UInt64, memoryLimit: Int) -> SimulationOptions? {
        guard execution.noise != nil || execution.device != nil || execution.shots > 0 || execution.engine != .auto else { return nil }
        return SimulationOptions(
            method: execution.engine, shots: execution.shots, seed: seed, threads: 1, noise: execution.noise, memoryLimitBytes: memoryLimit)
    }

    /// Where a `qubits`-qubit model's circuits run on `execution`, known from the spec alone.
    static func path(of execution: ExecutionSpec, qubits: Int) -> ExecutionPath {
        TrainingConfiguration(execution: options(execution, seed: 0, memoryLimit: .max)).path(qubits: qubits)
    }

    /// The engine a trained model's circuits ran on, for provenance (with shots, the cost model's
    /// choice, `ShotEngineChoice`).
    static func engine(_ trained: any VariationalClassifier) -> String {
        if let choice = trained.configuration.shotEngine(for: trained.model.circuit) { return "\(choice.engine), \(choice.shots) shots" }
        return switch trained.configuration.path(qubits: trained.model.qubitCount) {
        case .statevector: "statevector"
        case .densityMatrix: "density-matrix"
        case .engine: trained.configuration.execution.map { $0.method.rawValue + ($0.shots > 0 ? ", \($0.shots) shots" : "") } ?? "statevector"
        }
    }

    /// The settings column: circuit size and training.
    func settings(_ trained: any VariationalClassifier) -> String {
        let resources = trained.resources
        return "\(encoding.kind.rawValue) encoding, \(resources.qubits) qubits, depth \(resources.depth), \(resources.parameters) parameters, "
            + "\(train.optimizer.rawValue) lr=\(train.learningRate), \(train.epochs) epochs"
    }
}
