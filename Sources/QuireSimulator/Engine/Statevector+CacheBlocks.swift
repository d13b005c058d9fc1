import QuireKernels

/// Cache blocking for the statevector engine: runs of consecutive fused gates applied block by block,
/// and amplitudes known to be zero skipped.
///
/// Above about 2^17 amplitudes a state no longer fits a core's cache, and each fused gate streams it
/// from memory and back. A run of consecutive unconditioned fused gates whose qubits (with qubits
/// 0–2, which keep a block's amplitudes consecutive for vector loads) number at most
/// `cacheBlockQubits` is applied to each block of 2^cacheBlockQubits amplitudes in turn
/// (`AmplitudeBuffer.applyFused(_:outside:zero:)`), so the state streams once per run, as Aer's and
/// qulacs's cache blocking do.
///
/// A qubit no step has touched yet is still |0⟩: every amplitude with a 1 on it is zero in every
/// branch. A fused gate or run not acting on it skips those amplitudes, which it would leave zero
/// anyway; the first gates of a circuit thus cost a fraction of a pass.
///
/// The gates keep their order and each computed amplitude its operations, so results are those of
/// gate-by-gate application to the last bit (a skipped zero may keep a sign that a computed one
/// would have lost: −0 where gate by gate gives +0, the same probability and the same number).
extension Statevector {
    /// Qubits of a cache block: 2^15 amplitudes, 512 KiB of complex doubles, within a core's L2.
    static let cacheBlockQubits = 15

    /// What the engine applies in one go: a step, or a run of fused gates block by block.
    enum Pass {
        /// One step of the program, applied on its own.
        case step(SimulationProgram.Step)
        /// Fused gates applied in order to each block of the amplitudes with fixed `outside`
        /// qubits, skipping the blocks with a 1 on a `zero` qubit (their amplitudes are +0).
        case blocked(gates: [FusedGate], outside: [Int], zero: [Int])
    }

    /// `steps` as passes. Maximal runs of consecutive unconditioned fused gates that fit a block of
    /// `blockQubits` qubits (their qubits with 0–2, padded with the lowest others) become blocked
    /// passes when the state has more than `blockQubits` qubits, with the untouched qubits outside
    /// the block as `zero`; a single fused gate with untouched qubits (other than 0–2) besides its own
    /// becomes a blocked pass of one block; every other step is its own pass.
    static func passes(_ steps: [SimulationProgram.Step], qubitCount: Int, blockQubits: Int) -> [Pass] {
        let low = Set(0..<min(3, qubitCount))
        let blocking = qubitCount > blockQubits
        var passes: [Pass] = []
        var run: [(step: SimulationProgram.Step, gate: FusedGate)] = []
        var inside = low
        var untouched = Set(0..<qubitCount)
        func close() {
            defer {
                for entry in run { untouched.subtract(entry.gate.qubits) }
                run = []
                inside = low
            }
            guard !run.isEmpty else { return }
            let zero = (0..<qubitCount).filter { untouched.contains($0) && !inside.contains($0) }
            let others = (0..<qubitCount).filter { !inside.contains($0) && !zero.contains($0) }
            let outside = blocking ? Array(others.dropFirst(max(0, blockQubits - inside.count))) : []
            if run.count == 1 && zero.isEmpty {
                passes.append(.step(run[0].step))
            } else {
                passes.append(.blocked(gates: run.map(\.gate), outside: outside, zero: zero))
            }
        }
        for step in steps {
            guard case let .gate(.fused(gate), _, _) = step.action, step.condition == nil,
                low.union(gate.qubits).count <= blockQubits
            else {
                close()
                passes.append(.step(step))
                untouched.subtract(step.qubits)
                continue
            }
            if !blocking || inside.union(gate.qubits).count > blockQubits { close() }
            inside.formUnion(gate.qubits)
            run.append((step, gate))
        }
        close()
        return passes
    }

    /// Applies `pass` to every branch (a blocked pass holds no conditions, no measurement or reset).
    func apply(_ pass: Pass) throws(SimulationError) {
        switch pass {
        case let .step(step):
            try apply(step)
        case let .blocked(gates, outside, zero):
            for branch in branches {
                branch.state.applyFused(gates, outside: outside, zero: zero, threads: threads)
            }
        }
    }
}

extension SimulationProgram.Step {
    /// The qubits the step acts on.
    var qubits: [Int] {
        switch action {
        case let .gate(_, qubits, _): qubits
        case let .measure(qubit, _, _), let .reset(qubit): [qubit]
        }
    }
}
