import QuireKernels

/// A `CompiledCircuit` with a noise model, run on a vectorised density matrix: the fast path of
/// noisy, exact (shot-free) training, with adjoint differentiation through the channels.
///
/// ρ is stored as a 2n-qubit `AmplitudeBuffer` with ρ[r, c] at index r | (c << n). A gate U is U on
/// the row bits and conj(U) on the column bits; the channels `NoiseModel.channels(after:on:)`
/// gives after each gate (the density-matrix engine's rule: depolarizing, then thermal relaxation)
/// act through their superoperators; readout error is folded into the observable:
/// ⟨O⟩ = Σᵢ õᵢ ρ[i, i] with õ = Rᵀ s, s the ±1 eigenvalues of the Z-mask and R the readout confusion.
///
/// Adjoint differentiation: the forward pass keeps ρ after every trainable gate; the backward pass
/// carries Λ = vec(diag(õ)) through the adjoint of every step (U† for gates, S† for channels). For a
/// gate exp(−i·a·G/2) with ρ' after it, ∂⟨O⟩/∂a = Re⟨Λ| −(i/2)·G_rows ρ' + (i/2)·conj(G)_columns ρ'⟩.
public struct CompiledDensityCircuit: Sendable {
    /// One step of the program: a gate of the unitary, or a channel after it.
    enum Step: Sendable {
        case gate(Int)
        /// A channel after a gate: superoperator and its adjoint (interleaved row-major) on `qubits`
        /// (rows, then the same qubits + n for columns); skipped when its gate's condition is off.
        case channel(qubits: [Int], superoperator: [Double], adjoint: [Double], gate: Int)
    }

    let unitary: CompiledCircuit
    let qubitCount: Int
    /// The steps cut into sweeps (`+Sweeps`), forwards and, with adjoint superoperators, backwards.
    let forwardSweeps: [Sweep], backwardSweeps: [Sweep]
    /// õ, 2ⁿ entries.
    let observable: [Double]
    /// Number of gates whose angle depends on θ (snapshots kept per sample).
    let trainableGates: Int

    /// Lowers `circuit` with the channels of `noise` (nil: none) for the observable Z^zMask.
    public init(circuit: ParameterizedCircuit, noise: NoiseProfile?, zMask: Int) {
        self.init(circuit: circuit, noiseModel: noise.map(NoiseModel.init(profile:)), zMask: zMask)
    }

    /// Lowers `circuit` with the channels of `model` (a profile's or a device's; nil: none) for the
    /// observable Z^zMask.
    public init(circuit: ParameterizedCircuit, noiseModel model: NoiseModel?, zMask: Int) {
        let parities = (0..<(1 << circuit.qubitCount)).map { ($0 & zMask).nonzeroBitCount & 1 == 1 ? -1.0 : 1.0 }
        self.init(circuit: circuit, noiseModel: model, diagonal: parities)
    }

    /// Lowers `circuit` with the channels of `model` for the diagonal observable whose eigenvalue on
    /// basis state i is `diagonal[i]` (2ⁿ entries; e.g. the indicator of an outcome, a probability).
    public init(circuit: ParameterizedCircuit, noiseModel model: NoiseModel?, diagonal: [Double]) {
        let n = circuit.qubitCount
        precondition(diagonal.count == 1 << n, "a diagonal observable has 2ⁿ entries")
        let compiled = CompiledCircuit(circuit)
        unitary = compiled
        qubitCount = n
        var steps = [Step]()
        for (index, gate) in circuit.gates.enumerated() {
            steps.append(.gate(index))
            for channel in model?.channels(after: gate.gate, on: gate.qubits) ?? [] {
                let s = channel.superoperator
                steps.append(
                    .channel(
                        qubits: channel.qubits + channel.qubits.map { $0 + n }, superoperator: Self.interleaved(s),
                        adjoint: Self.interleaved(s.adjoint),
                        gate: index))
            }
        }
        forwardSweeps = Self.sweeps(steps: steps, unitary: compiled, qubitCount: n, backward: false)
        backwardSweeps = Self.sweeps(steps: steps, unitary: compiled, qubitCount: n, backward: true)
        trainableGates = circuit.gates.filter { $0.angle?.parameter != nil }.count
        var o = diagonal
        for qubit in 0..<n {
            guard let error = model?.readout(qubit: qubit) else { continue }
            let (up, down) = (error.probMeas1Prep0, error.probMeas0Prep1)
            for zero in 0..<o.count where zero & 1 << qubit == 0 {
                let (s0, s1) = (o[zero], o[zero | 1 << qubit])
                o[zero] = (1 - up) * s0 + up * s1
                o[zero | 1 << qubit] = down * s0 + (1 - down) * s1
            }
        }
        observable = o
    }

    /// Work buffers (2n-qubit state and adjoint, snapshot storage) for evaluating this program on one thread.
    public func makeWorkspace() -> EvaluationWorkspace {
        EvaluationWorkspace(qubitCount: 2 * qubitCount, snapshotCapacity: trainableGates * 2 << (2 * qubitCount))
    }

    /// ⟨O⟩ for parameters θ and inputs u, prepared in `workspace` (overwritten).
    public func expectation(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, workspace: EvaluationWorkspace)
        -> Double
    {
        prepare(workspace.state, parameters: parameters, inputs: inputs, snapshots: nil)
        return expectation(workspace.state)
    }

    /// ⟨O⟩ and ∂⟨O⟩/∂θ (into `gradient`, overwritten) by adjoint differentiation, in `workspace` (overwritten).
    public func adjointGradient(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, workspace: EvaluationWorkspace,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        adjointGradient(
            parameters: parameters, inputs: inputs, rho: workspace.state, adjoint: workspace.adjoint, snapshots: workspace.snapshots,
            gradient: gradient)
    }

    static func interleaved(_ m: ComplexMatrix) -> [Double] {
        m.elements.flatMap { [$0.real, $0.imaginary] }
    }

    /// ⟨O⟩ of the density matrix in `rho`.
    func expectation(_ rho: AmplitudeBuffer) -> Double {
        var sum = 0.0
        for i in observable.indices { sum += observable[i] * rho[i | i << qubitCount].re }
        return sum
    }

    /// Prepares ρ from |0…0⟩⟨0…0|; when `snapshots` is given, stores ρ after each trainable gate
    /// (2·4ⁿ doubles each: real parts then imaginary parts) in forward order.
    func prepare(
        _ rho: AmplitudeBuffer, parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>,
        snapshots: UnsafeMutablePointer<Double>?
    ) {
        rho.setBasisState(0)
        var stored = 0
        for sweep in forwardSweeps {
            run(sweep, on: rho, parameters: parameters, inputs: inputs, inverse: false, snapshots: snapshots, stored: &stored)
        }
    }

    /// ⟨O⟩ and ∂⟨O⟩/∂θ (into `gradient`, overwritten) by adjoint differentiation through the channels.
    ///
    /// `rho`, `adjoint` are 2n-qubit work buffers; `snapshots` holds `trainableGates · 2 · 4ⁿ` doubles.
    func adjointGradient(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rho: AmplitudeBuffer, adjoint: AmplitudeBuffer,
        snapshots: UnsafeMutablePointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        prepare(rho, parameters: parameters, inputs: inputs, snapshots: snapshots)
        let value = expectation(rho)
        for k in gradient.indices { gradient[k] = 0 }
        let n = qubitCount
        backward(parameters: parameters, inputs: inputs, adjoint: adjoint, snapshots: snapshots) { index, real, imaginary in
            let gate = unitary.gates[index]
            let elements = adjoint.pauliMatrixElements(
                ketReal: real, ketImaginary: imaginary, masks: [(gate.xMask, gate.zMask), (gate.xMask << n, gate.zMask << n)])
            let (rows, columns) = (elements[0], elements[1])
            let derivative = gate.yCount == 0 ? (rows.y - columns.y) / 2 : (rows.x + columns.x) / 2
            gradient[gate.angle.parameter!] += gate.angle.parameterScale * derivative
        }
        return value
    }
}
