import Numerics
import QuireKernels

/// The exact mixed-state engine: ρ on n qubits stored as a 2n-qubit vector, element ρ[r][c] at
/// index r | (c << n).
///
/// A unitary U on qubits Q is U on Q and conj(U) on Q+n (the statevector kernels). The channels
/// after one gate are fused into a single superoperator Σ conj(K) ⊗ K (`QuantumChannel.superoperator`:
/// row bits low, column bits high, as ρ is stored) on [Q…, Q+n…] applied with the
/// dense kernel (one pass instead of one per channel). A reset is the channel {|0⟩⟨0|, |0⟩⟨1|}; a
/// measurement whose bit is never read dephases in place; a recorded measurement splits into
/// branches (classical bits, unnormalised ρ), merged whenever their classical bits agree (exact).
public final class DensityMatrix {
    /// One classical register value and its unnormalised ρ (trace = its probability).
    struct Branch {
        var clbits: UInt64
        var rho: AmplitudeBuffer
    }

    /// Number of qubits n of ρ.
    public let qubitCount: Int
    var branches: [Branch]
    let threads: Int
    let memoryLimitBytes: Int

    /// Runs `circuit` with the gate noise and mid-circuit readout error of `options.noise`.
    public convenience init(circuit: Circuit, options: SimulationOptions) throws(SimulationError) {
        let program = try SimulationProgram(circuit: circuit, noise: Simulator.noiseModel(options, circuit: circuit))
        try Simulator.checkMemory(method: .densityMatrix, circuit: circuit, options: options)
        try self.init(program: program, threads: options.threads, memoryLimitBytes: options.memoryLimitBytes)
    }

    init(program: SimulationProgram, threads: Int, memoryLimitBytes: Int) throws(SimulationError) {
        let n = program.qubitCount
        qubitCount = n
        self.threads = threads
        self.memoryLimitBytes = memoryLimitBytes
        branches = [Branch(clbits: 0, rho: AmplitudeBuffer(qubitCount: 2 * n))]
        for step in program.steps { try apply(step) }
    }

    /// The diagonal of Σ ρ over branches: exact probabilities before the final readout error.
    public func probabilities() -> [Double] {
        var p = [Double](repeating: 0, count: 1 << qubitCount)
        p.withUnsafeMutableBufferPointer { out in
            for branch in branches { branch.rho.accumulateDensityDiagonal(into: out.baseAddress!, threads: threads) }
        }
        return p
    }

    /// The exact expectation value Tr(P ρ) of `pauli`, summed over branches.
    public func expectation(of pauli: PauliString) throws(SimulationError) -> Double {
        try pauli.check(qubits: qubitCount)
        return branches.reduce(0) { sum, branch in
            sum + pauli.value(fromSum: branch.rho.densityPauliSum(xMask: pauli.xMask, zMask: pauli.zMask, threads: threads))
        }
    }

    /// Number of branches (distinct recorded classical values).
    public var branchCount: Int { branches.count }

    private func apply(_ step: SimulationProgram.Step) throws(SimulationError) {
        let selected = branches.indices.filter { step.condition?.holds(for: branches[$0].clbits) ?? true }
        switch step.action {
        case let .gate(operation, qubits, channels):
            let passes = gateOperations(operation, qubits: qubits, channels: channels)
            for index in selected {
                for pass in passes { applyChannel(pass, to: branches[index].rho) }
            }
        case let .reset(qubit):
            let kraus = [ComplexMatrix(rows: [[.one, .zero], [.zero, .zero]]), ComplexMatrix(rows: [[.zero, .one], [.zero, .zero]])]
            let channel = ChannelOperation.superoperator(
                KernelOperation(
                    matrix: QuantumChannel(qubits: [qubit], krausOperators: kraus).superoperator,
                    qubits: [qubit, qubit + qubitCount]))
            for index in selected { applyChannel(channel, to: branches[index].rho) }
        case let .measure(qubit, clbit, readout):
            guard let clbit else {
                // Unread outcome: ρ → P₀ρP₀ + P₁ρP₁ zeroes the coherences between the outcomes.
                let dephase = KernelOperation.diagonal(qubits: [qubit, qubit + qubitCount], entries: [1, 0, 0, 0, 0, 0, 1, 0])
                for index in selected { dephase.apply(to: branches[index].rho, threads: threads) }
                return
            }
            try measure(qubit: qubit, clbit: clbit, readout: readout, selected: Set(selected))
        }
    }

    /// Splits the selected branches by the outcome of `qubit` recorded (with `readout` error) in `clbit`.
    private func measure(qubit: Int, clbit: Int, readout: NoiseProfile.Readout?, selected: Set<Int>) throws(SimulationError) {
        var result: [Branch] = []
        // Where each classical value sits in `result` (lookup only; the order is `result`'s), so
        // merging stays linear in the number of branches.
        var positions: [UInt64: Int] = [:]
        for (index, branch) in branches.enumerated() {
            guard selected.contains(index) else {
                if positions[branch.clbits] == nil { positions[branch.clbits] = result.count }
                result.append(branch)
                continue
            }
            for outcome in 0...1 {
                let projected = AmplitudeBuffer(copying: branch.rho)
                let keep = (outcome == 0 ? 1.0 : 0, 0.0), drop = (outcome == 0 ? 0.0 : 1, 0.0)
                projected.applyDiagonalOneQubit(target: qubit, d0: keep, d1: drop, threads: threads)
                projected.applyDiagonalOneQubit(target: qubit + qubitCount, d0: keep, d1: drop, threads: threads)
                if projected.densityTrace(threads: threads) <= Statevector.negligibleProbability * branch.rho.densityTrace(threads: threads) {
                    continue
                }
                for recorded in 0...1 {
                    let factor = readout?.probability(recorded: recorded, outcome: outcome) ?? (recorded == outcome ? 1 : 0)
                    guard factor > 0 else { continue }
                    let rho = factor == 1 ? projected : AmplitudeBuffer(copying: projected)
                    if factor != 1 { rho.scale(by: factor, threads: threads) }
                    let clbits = branch.clbits & ~(1 << UInt64(clbit)) | UInt64(recorded) << UInt64(clbit)
                    if let twin = positions[clbits] {
                        result[twin].rho.add(rho, threads: threads)
                    } else {
                        try checkBranchMemory(count: result.count + 2 + branches.count - index - 1)
                        positions[clbits] = result.count
                        result.append(Branch(clbits: clbits, rho: rho))
                    }
                }
            }
        }
        branches = result
    }

    /// The kernel calls that apply a gate and its channels to ρ: U on the row qubits and conj(U) on
    /// the column qubits, then the channels. When the channels act within the gate's qubits they are
    /// fused into one superoperator, and the gate is folded into it too (one pass instead of three:
    /// measured at 10 qubits, 200 noisy u3 gates, 0.98 s → 0.45 s) unless that makes the superoperator
    /// denser, as a general two-qubit unitary would (28 nonzeros of a two-qubit depolarizing
    /// superoperator become 256); channels that do not fit are applied one by one after the gate.
    func gateOperations(_ operation: KernelOperation, qubits: [Int], channels: [QuantumChannel]) -> [ChannelOperation] {
        let n = qubitCount
        let unitary: [ChannelOperation] = [.superoperator(operation), .superoperator(operation.conjugatedShifted(by: n))]
        guard !channels.isEmpty else { return unitary }
        let superQubits = { (qubits: [Int]) in qubits + qubits.map { $0 + n } }
        let fits = channels.allSatisfy { Set($0.qubits).isSubset(of: qubits) } && 2 * qubits.count <= AmplitudeBuffer.maximumDenseQubits
        guard fits else {
            return unitary
                + channels.map { channel in
                    if 2 * channel.qubits.count <= AmplitudeBuffer.maximumDenseQubits {
                        return .superoperator(KernelOperation(matrix: channel.superoperator, qubits: superQubits(channel.qubits)))
                    }
                    return .kraus(channel.krausOperators.map { KernelOperation(matrix: $0, qubits: channel.qubits) })
                }
        }
        let noise = channels.map { channel in
            QuantumChannel(qubits: qubits, krausOperators: channel.krausOperators.map { $0.embedded(from: channel.qubits, into: qubits) })
                .superoperator
        }.reduce(ComplexMatrix.identity(1 << (2 * qubits.count))) { $1 * $0 }
        let folded = noise * QuantumChannel(qubits: qubits, krausOperators: [operation.matrix(on: qubits)]).superoperator
        let nonzeros = { (matrix: ComplexMatrix) in matrix.elements.count { $0 != .zero } }
        if qubits.count == 1 || nonzeros(folded) <= nonzeros(noise) {
            return [.superoperator(KernelOperation(matrix: folded, qubits: superQubits(qubits)))]
        }
        return unitary + [.superoperator(KernelOperation(matrix: noise, qubits: superQubits(qubits)))]
    }

    /// A gate or channel as the density-matrix engine applies it.
    enum ChannelOperation {
        /// One kernel call on the 2n-qubit vector (a row- or column-side gate, or a superoperator).
        case superoperator(KernelOperation)
        /// Σ K ρ K† term by term (channels too wide for one superoperator).
        case kraus([KernelOperation])
    }

    func applyChannel(_ channel: ChannelOperation, to rho: AmplitudeBuffer) {
        switch channel {
        case let .superoperator(operation):
            operation.apply(to: rho, threads: threads)
        case let .kraus(operators):
            let sum = AmplitudeBuffer(qubitCount: rho.qubitCount), term = AmplitudeBuffer(qubitCount: rho.qubitCount)
            sum.setZero()
            for operation in operators {
                term.assign(from: rho)
                operation.apply(to: term, threads: threads)
                operation.conjugatedShifted(by: qubitCount).apply(to: term, threads: threads)
                sum.add(term, threads: threads)
            }
            rho.assign(from: sum)
        }
    }

    private func checkBranchMemory(count: Int) throws(SimulationError) {
        let bytes = count.multipliedReportingOverflow(by: AmplitudeBuffer.bytes(qubitCount: 2 * qubitCount))
        if bytes.overflow || bytes.partialValue > memoryLimitBytes {
            throw .tooManyBranches(
                method: .densityMatrix, branches: count,
                bytes: bytes.overflow ? .max : bytes.partialValue, limit: memoryLimitBytes)
        }
    }
}
