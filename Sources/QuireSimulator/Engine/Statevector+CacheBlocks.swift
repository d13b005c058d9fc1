import QuireKernels

/// Cache blocking for the statevector engine: runs of consecutive fused gates applied block by block.
///
/// Above about 2^17 amplitudes a state no longer fits a core's cache, and each fused gate streams it
/// from memory and back; on 22 qubits that, not arithmetic, was half of a gate's time. A run of
/// consecutive unconditioned fused gates whose qubits (with qubits 0–2, which keep a block's
/// amplitudes consecutive for vector loads) number at most `cacheBlockQubits` is applied to each
/// block of 2^cacheBlockQubits amplitudes in turn (`AmplitudeBuffer.applyFused(_:outside:)`), so the
/// state streams once per run, as Aer's and qulacs's cache blocking do. The gates keep their order
/// and each amplitude its operations, so results are those of gate-by-gate application to the last bit.
extension Statevector {
    /// Qubits of a cache block: 2^15 amplitudes, 512 KiB of complex doubles, within a core's L2.
    static let cacheBlockQubits = 15

    /// What the engine applies in one go: a step, or a run of fused gates block by block.
    enum Pass {
        /// One step of the program, applied on its own.
        case step(SimulationProgram.Step)
        /// Fused gates applied in order to each block of the amplitudes with fixed `outside` qubits.
        case blocked(gates: [(qubits: [Int], matrix: [Double])], outside: [Int])
    }

    /// `steps` as passes: maximal runs of consecutive unconditioned fused gates that fit a block of
    /// `blockQubits` qubits (their qubits with 0–2, padded with the lowest others) become blocked
    /// passes, everything else (and every step of a state of at most `blockQubits` qubits) its own pass.
    static func passes(_ steps: [SimulationProgram.Step], qubitCount: Int, blockQubits: Int) -> [Pass] {
        guard qubitCount > blockQubits else { return steps.map(Pass.step) }
        let low = Set(0..<min(3, qubitCount))
        var passes: [Pass] = []
        var run: [(step: SimulationProgram.Step, qubits: [Int], matrix: [Double])] = []
        var inside = low
        func close() {
            if run.count == 1 {
                passes.append(.step(run[0].step))
            } else if run.count > 1 {
                let padding = (0..<qubitCount).filter { !inside.contains($0) }.prefix(blockQubits - inside.count)
                let outside = (0..<qubitCount).filter { !inside.contains($0) && !padding.contains($0) }
                passes.append(.blocked(gates: run.map { ($0.qubits, $0.matrix) }, outside: outside))
            }
            run = []
            inside = low
        }
        for step in steps {
            guard case let .gate(.fused(qubits, matrix), _, _) = step.action, step.condition == nil,
                low.union(qubits).count <= blockQubits
            else {
                close()
                passes.append(.step(step))
                continue
            }
            if inside.union(qubits).count > blockQubits { close() }
            inside.formUnion(qubits)
            run.append((step, qubits, matrix))
        }
        close()
        return passes
    }

    /// Applies `pass` to every branch (a blocked pass holds no conditions, no measurement or reset).
    func apply(_ pass: Pass) throws(SimulationError) {
        switch pass {
        case let .step(step):
            try apply(step)
        case let .blocked(gates, outside):
            for branch in branches { branch.state.applyFused(gates, outside: outside, threads: threads) }
        }
    }
}
