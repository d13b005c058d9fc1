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
    /// Where values and adjoint gradients are computed.
    let path: ExecutionPath
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
        let path = configuration.path(qubits: model.qubitCount)
        let compiled = CompiledCircuit(model.circuit)
        let density =
            path == .densityMatrix ? CompiledDensityCircuit(circuit: model.circuit, noise: configuration.execution?.noise, zMask: model.zMask) : nil
        circuit = model.circuit
        self.compiled = compiled
        zMask = model.zMask
        self.path = path
        self.density = density
        estimator = ExpectationEstimator(options: configuration.execution ?? SimulationOptions(method: .statevector), observable: model.observable)
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
        if let row, derivative == .parameterShift {
            let shift = try circuit.parameterShiftGradient(parameters: Array(theta), inputs: u) {
                executions += 1
                return try estimator.expectation(of: $0, key: key, index: $1 + 1)
            }
            for k in row.indices { row[k] = shift[k] }
        }
        return (try value(u, theta, derivative: derivative, worker: worker, row: row, key: key), executions)
    }

    /// ⟨O⟩ on the evaluator's path, with the adjoint gradient into `row` when asked.
    private func value(
        _ u: [Double], _ theta: UnsafeBufferPointer<Double>, derivative: Derivative, worker: Int,
        row: UnsafeMutableBufferPointer<Double>?, key: UInt64
    ) throws -> Double {
        switch path {
        case .engine:
            return try estimator.expectation(of: circuit.bind(parameters: Array(theta), inputs: u), key: key, index: 0)
        case .densityMatrix:
            let density = density!
            return u.withUnsafeBufferPointer { inputs in
                if let row, derivative == .adjoint {
                    return density.adjointGradient(parameters: theta, inputs: inputs, workspace: workspaces[worker], gradient: row)
                }
                return density.expectation(parameters: theta, inputs: inputs, workspace: workspaces[worker])
            }
        case .statevector:
            break
        }
        return u.withUnsafeBufferPointer { inputs in
            if let row, derivative == .adjoint {
                return compiled.adjointGradient(parameters: theta, inputs: inputs, zMask: zMask, workspace: workspaces[worker], gradient: row)
            }
            return compiled.expectation(parameters: theta, inputs: inputs, zMask: zMask, workspace: workspaces[worker])
        }
    }
}
