import QuireSimulator

/// Evaluates a variational circuit, and optionally its θ-gradient, on many samples in parallel:
/// the inner loop of training and prediction.
///
/// Workers each own their state buffers (and, on the density-matrix path, snapshot storage),
/// allocated once per evaluator and reused for every sample (gates are applied in place; nothing
/// is allocated per gate). Each sample's results go to its own slot, so any later sum over
/// samples is in sample order whatever the thread count.
final class VariationalEvaluator {
    let circuit: ParameterizedCircuit
    let compiled: CompiledCircuit
    let zMask: Int
    /// Where values and adjoint gradients are computed; with shots, where the exact values they
    /// are drawn from are (`ShotEngineChoice.source`; `.engine` runs and samples every circuit there).
    let path: ExecutionPath
    /// Draws shot estimates from exact values when shots are sampled off a fast path.
    let sampler: ShotSampler?
    /// The density-matrix program when `path == .densityMatrix`.
    let density: CompiledDensityCircuit?
    /// Evaluations on the configured engine (parameter shift always; values on the engine path).
    let estimator: ExpectationEstimator
    let threads: Int
    /// One set of work buffers per worker.
    private let workspaces: [EvaluationWorkspace]
    /// Circuits executed so far: a forward or adjoint pass counts one, each shifted circuit of the
    /// parameter-shift rule one more.
    private(set) var executionCount = 0

    init(model: VariationalModel, configuration: TrainingConfiguration) {
        // On a device: the template compiled for it, read through its final layout, with its noise.
        let device = configuration.device
        let circuit = device?.circuit ?? model.circuit
        let zMask = device?.zMask(model.observable, logicalQubits: model.qubitCount) ?? model.zMask
        let choice = configuration.shotEngine(for: circuit)
        let path = choice?.source ?? configuration.path(qubits: model.qubitCount)
        sampler = choice.flatMap { $0.source == .engine ? nil : ShotSampler(shots: $0.shots, seed: configuration.execution!.seed) }
        let compiled = CompiledCircuit(circuit)
        let density =
            path == .densityMatrix
            ? CompiledDensityCircuit(
                circuit: circuit, noiseModel: device?.noise ?? configuration.execution?.noise.map(NoiseModel.init(profile:)), zMask: zMask)
            : nil
        self.circuit = circuit
        self.compiled = compiled
        self.zMask = zMask
        self.path = path
        self.density = density
        var options = configuration.execution ?? SimulationOptions(method: .statevector)
        options.device = device?.device
        estimator = ExpectationEstimator(options: options, observable: model.observable, readQubits: device?.readQubits)
        threads = configuration.threads
        workspaces = (0..<threads).map { _ in density?.makeWorkspace() ?? compiled.makeWorkspace() }
    }

    /// How much of the derivative to compute.
    enum Derivative {
        case none, adjoint, parameterShift
    }

    /// ⟨O⟩ for every listed sample, and with a derivative the rows ∂⟨O⟩/∂θ (samples × P, row-major);
    /// adds the circuit executions to `executionCount`.
    ///
    /// `key` seeds sampled evaluations: sample s uses estimator key `key << 24 | s`.
    func evaluate(
        samples: [Int], inputs: [[Double]], parameters theta: [Double], derivative: Derivative, key: UInt64
    ) throws -> (values: [Double], jacobian: [Double]) {
        let count = samples.count
        let p = circuit.parameterCount
        var values = [Double](repeating: 0, count: count)
        var jacobian = [Double](repeating: 0, count: derivative == .none ? 0 : count * p)
        var failures = [Error?](repeating: nil, count: count)
        var executions = [Int](repeating: 0, count: count)
        values.withUnsafeMutableBufferPointer { valueBuffer in
            jacobian.withUnsafeMutableBufferPointer { jacobianBuffer in
                failures.withUnsafeMutableBufferPointer { failureBuffer in
                    executions.withUnsafeMutableBufferPointer { executionBuffer in
                        theta.withUnsafeBufferPointer { t in
                            let (valueSlots, jacobianSlots, failureSlots, executionSlots) = (
                                valueBuffer, jacobianBuffer, failureBuffer, executionBuffer
                            )
                            SampleWorkers.forEach(count: count, threads: threads) { worker, slots in
                                for slot in slots {
                                    let sample = samples[slot]
                                    do {
                                        (valueSlots[slot], executionSlots[slot]) = try self.evaluateOne(
                                            inputs[sample], t, derivative: derivative, worker: worker,
                                            row: derivative == .none
                                                ? nil : UnsafeMutableBufferPointer(rebasing: jacobianSlots[(slot * p)..<((slot + 1) * p)]),
                                            key: key << 24 | UInt64(sample))
                                    } catch {
                                        failureSlots[slot] = error
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let failure = failures.first(where: { $0 != nil }) { throw failure! }
        executionCount += executions.reduce(0, +)
        return (values, jacobian)
    }

    private func evaluateOne(
        _ u: [Double], _ theta: UnsafeBufferPointer<Double>, derivative: Derivative, worker: Int,
        row: UnsafeMutableBufferPointer<Double>?, key: UInt64
    ) throws -> (value: Double, executions: Int) {
        var executions = 1
        if let row, derivative == .parameterShift, let sampler {
            for k in row.indices { row[k] = 0 }
            let value = sampledShifts(u, theta, sampler: sampler, worker: worker, key: key) { gate, plus, minus in
                executions += 2
                row[circuit.gates[gate].angle!.parameter!] += circuit.gates[gate].angle!.parameterScale * (plus - minus) / 2
            }
            return (value, executions)
        }
        if let row, derivative == .parameterShift {
            let shift = try circuit.parameterShiftGradient(parameters: Array(theta), inputs: u) {
                executions += 1
                return try estimator.expectation(of: $0, key: key, index: $1 + 1)
            }
            for k in row.indices { row[k] = shift[k] }
        }
        return (try value(u, theta, derivative: derivative, worker: worker, row: row, key: key), executions)
    }

    /// The shot estimate of ⟨O⟩ (index 0) and `shifted(g, plus, minus)` with the estimates of both
    /// shifted circuits of every active trainable gate g (indices 2g + 1 and 2g + 2, as on the
    /// engine), all drawn from exact values on the evaluator's fast path.
    private func sampledShifts(
        _ u: [Double], _ theta: UnsafeBufferPointer<Double>, sampler: ShotSampler, worker: Int, key: UInt64,
        shifted: (_ gate: Int, _ plus: Double, _ minus: Double) -> Void
    ) -> Double {
        func estimate(_ gate: Int, _ plus: Double, _ minus: Double) {
            shifted(gate, sampler.estimate(plus, key: key, index: 2 * gate + 1), sampler.estimate(minus, key: key, index: 2 * gate + 2))
        }
        let exact = u.withUnsafeBufferPointer { inputs in
            if let density { return density.shiftedExpectations(parameters: theta, inputs: inputs, workspace: workspaces[worker], shifted: estimate) }
            return compiled.shiftedExpectations(parameters: theta, inputs: inputs, zMask: zMask, workspace: workspaces[worker], shifted: estimate)
        }
        return sampler.estimate(exact, key: key, index: 0)
    }

    /// ⟨O⟩ on the evaluator's path, with the adjoint gradient into `row` when asked; with a
    /// sampler, the shot estimate (index 0) drawn from the exact value.
    private func value(
        _ u: [Double], _ theta: UnsafeBufferPointer<Double>, derivative: Derivative, worker: Int,
        row: UnsafeMutableBufferPointer<Double>?, key: UInt64
    ) throws -> Double {
        if path == .engine { return try estimator.expectation(of: circuit.bind(parameters: Array(theta), inputs: u), key: key, index: 0) }
        let exact = u.withUnsafeBufferPointer { inputs in
            if let density {
                if let row, derivative == .adjoint {
                    return density.adjointGradient(parameters: theta, inputs: inputs, workspace: workspaces[worker], gradient: row)
                }
                return density.expectation(parameters: theta, inputs: inputs, workspace: workspaces[worker])
            }
            if let row, derivative == .adjoint {
                return compiled.adjointGradient(parameters: theta, inputs: inputs, zMask: zMask, workspace: workspaces[worker], gradient: row)
            }
            return compiled.expectation(parameters: theta, inputs: inputs, zMask: zMask, workspace: workspaces[worker])
        }
        return sampler.map { $0.estimate(exact, key: key, index: 0) } ?? exact
    }
}
