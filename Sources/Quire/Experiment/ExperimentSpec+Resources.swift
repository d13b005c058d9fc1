import Foundation
import OrderedCollections
import QuireCore
import QuireLearning
import QuireSimulator

/// What one point of an experiment costs, estimated from the spec alone before any data is
/// generated, so that a study over a limit is refused before anything is allocated (README "Limits").
extension ExperimentSpec {
    /// Training and test rows of a repeat: the stratified split holds out ⌈samples × test_fraction⌉.
    var splitSizes: (train: Int, test: Int) {
        let samples = dataset.shape.samples
        let test = min(Int((dataset.testFraction * Double(samples)).rounded(.up)), samples)
        return (samples - test, test)
    }

    /// An upper estimate of the circuit evaluations of the quantum model over the repeats.
    ///
    /// Variational: epochs × training samples × evaluations per sample and step (adjoint 2,
    /// parameter shift 2 per parameter + 1, SPSA 2), counting the ansatz's parameters per layer (a
    /// QASM body's θ count) times the layers plus the bias, times the k outputs of a multi-class model (k circuits per sample
    /// for softmax, k models for one-vs-rest). Kernel: one state per sample plus one overlap per kernel entry, the
    /// training Gram matrix's upper triangle and the test × training matrix; on a device one density
    /// evaluation per entry and no states.
    var estimatedCircuitEvaluations: Double {
        guard let model else { return 0 }
        let (train, test) = splitSizes
        let n = Double(train)
        if model.kind == .kernel {
            let states = execution.device == nil ? n + Double(test) : 0
            return Double(repeats) * (states + n * (n + 1) / 2 + Double(test) * n)
        }
        let width = qubits ?? 1
        let parameters = Double(model.layerParameters(qubits: width).parameters * model.layers + 1)
        let perSample = self.train.gradient == .parameterShift ? 2 * parameters + 1 : 2
        let outputs = Double(model.isMulticlass ? model.classes : 1)
        return Double(repeats) * Double(self.train.epochs) * n * perSample * outputs
    }

    /// Optimizer steps of the variational model over the repeats: epochs × ⌈training samples / batch⌉
    /// (k models for one-vs-rest); 0 without one.
    var trainingSteps: Int {
        guard let model, model.kind == .variational else { return 0 }
        let batches = (splitSizes.train + train.batchSize - 1) / train.batchSize
        return repeats * train.epochs * batches * (model.isMulticlass && model.multiclass == .oneVsRest ? model.classes : 1)
    }

    /// Quantum-kernel entries over the repeats: the training Gram matrix's upper triangle and test × training.
    var kernelEntries: Double {
        guard let model, model.kind == .kernel else { return 0 }
        let (n, m) = (Double(splitSizes.train), Double(splitSizes.test))
        return Double(repeats) * (n * (n + 1) / 2 + m * n)
    }

    /// Sample evaluations of the variational model over the repeats, per output (k for a multi-class
    /// model): with a gradient, one per training sample and epoch (SPSA: two values per sample instead);
    /// values alone, the loss curve's per epoch and the predictions on both sets.
    var sampleEvaluations: (gradient: Double, value: Double) {
        guard let model, model.kind == .variational else { return (0, 0) }
        let (n, m) = (Double(splitSizes.train), Double(splitSizes.test))
        let scale = Double(repeats) * Double(model.isMulticlass ? model.classes : 1)
        let epochs = Double(train.epochs)
        let spsa = train.gradient == .spsa
        return (scale * (spsa ? 0 : epochs * n), scale * (epochs * n * (spsa ? 3 : 1) + n + m))
    }

    /// Estimated multiply-adds of tuning the baselines of a block's sweep points (`specs`) over their
    /// repeats (`BaselineGrid.estimatedOperations`), counting what runs: points with the same
    /// resolved dataset tune each repeat's baseline once between them (`BaselineMemo`), so each
    /// (dataset, baseline, repeat) counts once, apart only where a point draws its decision
    /// boundary from the baseline and another does not (their results differ).
    static func estimatedBaselineOperations(_ specs: [ExperimentSpec]) -> Double {
        var shared = OrderedDictionary<BaselineWork, (repeats: Int, operations: Double)>()
        for spec in specs {
            let shape = spec.dataset.shape
            for grid in spec.baselineGrids {
                let work = BaselineWork(
                    dataset: spec.dataset.canonical, grid: grid,
                    boundary: spec.report.contains("decision-boundary") && spec.model == nil && spec.baselines.first == grid.kind)
                let operations = grid.estimatedOperations(
                    samples: spec.splitSizes.train, features: shape.features, classes: shape.classes, folds: folds)
                shared[work] = (max(shared[work]?.repeats ?? 0, spec.repeats), operations)
            }
        }
        return shared.values.reduce(0) { $0 + Double($1.repeats) * $1.operations }
    }

    /// What one repeat's tuning of a baseline depends on, as far as the spec tells: equal for two
    /// points means they share it.
    private struct BaselineWork: Hashable {
        var dataset: CanonicalJSON
        var grid: BaselineGrid
        var boundary: Bool
    }

    /// Folds of the baselines' cross-validation.
    static let folds = 5

    /// The grids of the baselines, in report order.
    var baselineGrids: [BaselineGrid] { baselines.map(BaselineGrid.standard) }

    /// The most memory one repeat running on `threads` worker threads is estimated to hold, in
    /// bytes: the data with its split and scaled copies, plus the largest of the quantum model's
    /// buffers (`variationalBytes`, `kernelBytes`) and each baseline's arrays. Repeats running in
    /// parallel reserve it from the run's `MemoryBudget`.
    func estimatedRepeatBytes(threads: Int) -> Double {
        let shape = dataset.shape
        let data = 3 * 8 * Double(shape.samples) * Double(shape.features)
        var largest = 0.0
        if let model, let qubits {
            largest =
                model.kind == .kernel ? kernelBytes(qubits: qubits, threads: threads) : variationalBytes(model, qubits: qubits, threads: threads)
        }
        for grid in baselineGrids {
            largest = max(largest, grid.estimatedBytes(samples: splitSizes.train, features: shape.features, classes: shape.classes))
        }
        return data + largest
    }

    /// The threads a repeat runs on: `threads`, or fewer while its estimate (`estimatedRepeatBytes`)
    /// is over `limit`, at least one (`checkMemory` refuses a spec whose one thread is over). Results
    /// never depend on the threads, so the memory a repeat holds stays within the limit whatever `--jobs`.
    func repeatThreads(upTo threads: Int, limit: Int) -> Int {
        var threads = max(1, threads)
        while threads > 1, estimatedRepeatBytes(threads: threads) > Double(limit) { threads -= 1 }
        return threads
    }

    /// Throws, located at the field that asks for it, when one repeat on one thread (the fewest it
    /// runs on, `repeatThreads`) would hold more than `limit` bytes: the data (samples × features
    /// doubles, with its split and scaled copies), plus the quantum model's buffers or plus the
    /// largest baseline's arrays.
    func checkMemory(limit: Int, dataset datasetNode: SpecNode, model modelNode: SpecNode?, baselines baselinesNode: SpecNode) throws {
        let shape = dataset.shape
        let (train, test) = splitSizes
        let data = 3 * 8 * Double(shape.samples) * Double(shape.features)
        try Self.refuse(data, limit: limit, at: datasetNode, what: "the dataset (\(shape.samples) samples × \(shape.features) features)")
        if let model, model.kind == .kernel, let qubits {
            let held =
                execution.device == nil
                ? "\(shape.samples) states of \(qubits) qubits" : "a density matrix of up to \(deviceWidth(qubits)) qubits per worker"
            try Self.refuse(
                data + kernelBytes(qubits: qubits, threads: 1), limit: limit, at: modelNode ?? datasetNode,
                what: "the quantum kernel (\(train) × \(train) and \(test) × \(train) matrices, \(held))")
        } else if let model, let qubits {
            let width = deviceWidth(qubits)
            let held = densityPath(width) ? "density matrices of \(width) qubits with the adjoint pass's snapshots" : "states of \(width) qubits"
            try Self.refuse(
                data + variationalBytes(model, qubits: qubits, threads: 1), limit: limit, at: modelNode ?? datasetNode,
                what: "the variational model (\(held))")
        }
        for grid in baselineGrids {
            let bytes = grid.estimatedBytes(samples: train, features: shape.features, classes: shape.classes)
            try Self.refuse(data + bytes, limit: limit, at: baselinesNode, what: "the \(grid.name) baseline on \(train) training samples")
        }
    }

    /// Qubits a `qubits`-qubit circuit may occupy once compiled: itself, or on a device, where
    /// routing may add qubits, up to twice as many within the device.
    private func deviceWidth(_ qubits: Int) -> Int {
        execution.device.map { min($0.device.qubits.count, 2 * qubits) } ?? qubits
    }

    /// Whether a noisy variational model of `width` compiled qubits may be evaluated on the
    /// density-matrix fast path (`TrainingConfiguration.path`, `ShotEngineChoice`): noise or a
    /// device, an engine that allows the density matrix, and no more than its qubits.
    private func densityPath(_ width: Int) -> Bool {
        let method = execution.engine
        return (execution.noise != nil || execution.device != nil) && width <= ExecutionPath.densityMatrixQubits
            && (method == .densityMatrix || (method == .auto && width <= Simulator.autoDensityMatrixQubits))
    }

    /// The variational model's buffers on `threads` workers, as training allocates them: one
    /// evaluator (k for the softmax readout, one per class), each with a workspace per thread.
    /// A workspace holds, for w compiled qubits, on the density-matrix path ρ and its adjoint
    /// (16·4ʷ bytes each) and a ρ snapshot per trainable gate (T = layers × the gates using θ in one
    /// layer, 16·4ʷ each), else a state and its adjoint (16·2ʷ each). Where the engine may run
    /// (shots, parameter shift, mitigation, or noise beyond the fast paths), each worker also holds
    /// one engine run's state and probability vectors (`Simulator`'s own check); the circuit's
    /// operations (512 bytes each) are not counted.
    private func variationalBytes(_ model: ModelSpec, qubits: Int, threads: Int) -> Double {
        let width = deviceWidth(qubits)
        let trainable = Double(model.layerParameters(qubits: qubits).gates * model.layers)
        let density = densityPath(width)
        var worker = density ? (2 + trainable) * 16 * Elementary.pow(4, Double(width)) : 2 * 16 * Elementary.pow(2, Double(width))
        let noisy = execution.noise != nil || execution.device != nil
        let mitigates = execution.zneScaleFactors != nil || execution.readoutMitigation
        if execution.shots > 0 || train.gradient == .parameterShift || mitigates || (noisy && !density) {
            let vectors = 8 * Elementary.pow(2, Double(width)) * (execution.shots > 0 ? 2 : 1)
            let engine: Double =
                switch Simulator.resolvedMethod(execution.engine, qubits: width, noisy: noisy) {
                case .densityMatrix: 16 * Elementary.pow(4, Double(width)) + vectors
                case .trajectories, .auto: Double(Trajectories.bytes(qubits: width, threads: 1)) + vectors
                case .statevector: max(16 * Elementary.pow(2, Double(width)), vectors)
                }
            worker += engine
        }
        let evaluators = Double(model.readsSoftmax ? model.classes : 1)
        return evaluators * Double(max(1, threads)) * worker
    }

    /// The quantum kernel's bytes besides the data on `threads` threads: its matrices (training
    /// Gram, a copy for the SVM, test × training) and each sample's state (16 · 2ⁿ bytes) with a
    /// state and its adjoint per worker, or on a device a density matrix and its adjoint per worker
    /// (16 · 4ⁿ bytes each, n the compiled circuit's qubits). Workers are the threads, never more
    /// than the training samples.
    private func kernelBytes(qubits: Int, threads: Int) -> Double {
        let (train, test) = splitSizes
        let n = Double(train), m = Double(test), workers = Double(max(1, min(train, threads)))
        let states =
            execution.device == nil
            ? 16 * Elementary.pow(2, Double(qubits)) * (n + m + 2 * workers)
            : (2 * 16 * Elementary.pow(4, Double(deviceWidth(qubits))) + 8) * workers + 8 * Elementary.pow(2, Double(deviceWidth(qubits)))
        return states + 8 * (2 * n * n + m * n)
    }

    /// Throws at `node` when `bytes` is over `limit`, naming `what`, both sizes and the flag.
    private static func refuse(_ bytes: Double, limit: Int, at node: SpecNode, what: String) throws {
        guard bytes > Double(limit) else { return }
        throw node.error(
            "\(what) would need about \(gibibytes(bytes)) of memory per repeat, more than the limit of \(gibibytes(Double(limit)))",
            hint: "use fewer samples or features, or raise the limit with --max-memory-gib")
    }

    /// `bytes` in GiB with three significant digits.
    static func gibibytes(_ bytes: Double) -> String {
        String(format: "%.3g GiB", bytes / Double(1 << 30))
    }
}
