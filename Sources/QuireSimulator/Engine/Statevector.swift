import QuireKernels

/// The exact pure-state engine: a circuit's state as an ensemble of branches, each a classical
/// register value, a weight and a normalised statevector.
///
/// Without mid-circuit measurement or reset there is one branch. A measurement splits a branch into
/// its outcomes (zero-probability outcomes dropped), a reset into its two outcomes both mapped to
/// |0⟩, a measurement with readout error further into the recorded bit values; conditions select per
/// branch. No random number is drawn: the ensemble is the exact mixture. Two branches are merged
/// only when that is exact: same classical bits and the same state up to global phase.
public final class Statevector {
    /// One pure state of the ensemble.
    struct Branch {
        var clbits: UInt64
        var weight: Double
        var state: AmplitudeBuffer
    }

    /// Number of qubits.
    public let qubitCount: Int
    var branches: [Branch]
    let threads: Int
    let memoryLimitBytes: Int

    /// Outcome probabilities at or below this are rounding residue of exact zeros and are dropped.
    static let negligibleProbability = 1e-14
    /// Branches with |⟨ψ|φ⟩| at least 1 − this are the same state.
    static let sameStateTolerance = 1e-12

    /// Runs the gates, measurements, resets and conditions of `circuit` (gate noise is refused;
    /// readout error affects mid-circuit recorded bits only — the final read is `Simulator.run`'s).
    public convenience init(circuit: Circuit, options: SimulationOptions) throws(SimulationError) {
        let noise = try Simulator.noiseModel(options, circuit: circuit)
        if let noise, !noise.isIdeal { throw .noiseNeedsMixedStates }
        let program = try SimulationProgram(circuit: circuit, noise: noise)
        try Simulator.checkMemory(method: .statevector, circuit: circuit, options: options)
        try self.init(program: program, threads: options.threads, memoryLimitBytes: options.memoryLimitBytes)
    }

    /// Runs `program` on `threads`, applying runs of fused gates in cache blocks of `blockQubits`
    /// qubits (tests pass small blocks; the result does not depend on it).
    init(
        program: SimulationProgram, threads: Int, memoryLimitBytes: Int, blockQubits: Int = cacheBlockQubits
    ) throws(SimulationError) {
        qubitCount = program.qubitCount
        self.threads = threads
        self.memoryLimitBytes = memoryLimitBytes
        branches = [Branch(clbits: 0, weight: 1, state: AmplitudeBuffer(qubitCount: program.qubitCount))]
        for pass in Self.passes(program.steps, qubitCount: qubitCount, blockQubits: blockQubits) { try apply(pass) }
    }

    /// Σ over branches of weight · |ψ|², before any readout error.
    public func probabilities() -> [Double] {
        var p = [Double](repeating: 0, count: 1 << qubitCount)
        p.withUnsafeMutableBufferPointer { out in
            for branch in branches {
                branch.state.accumulateProbabilities(into: out.baseAddress!, weight: branch.weight, threads: threads)
            }
        }
        return p
    }

    /// The same values as `probabilities()`, computed in the branches' own storage, which is spent:
    /// the ensemble is empty afterwards. The final read of `Simulator.run` uses this so that a state
    /// and its probability vector are never held at once (`AmplitudeBuffer.releasingProbabilities`).
    func releasingProbabilities() -> [Double] {
        let states = branches.map { (buffer: $0.state, weight: $0.weight) }
        branches = []
        return AmplitudeBuffer.releasingProbabilities(of: states, threads: threads)
    }

    /// The exact expectation value Σ weight · ⟨ψ|P|ψ⟩ of `pauli` (no readout error: an operator average).
    public func expectation(of pauli: PauliString) throws(SimulationError) -> Double {
        try pauli.check(qubits: qubitCount)
        return branches.reduce(0) { sum, branch in
            sum + branch.weight
                * pauli.value(fromSum: branch.state.pauliSum(xMask: pauli.xMask, zMask: pauli.zMask, threads: threads))
        }
    }

    /// Number of branches in the ensemble.
    public var branchCount: Int { branches.count }

    func apply(_ step: SimulationProgram.Step) throws(SimulationError) {
        switch step.action {
        case let .gate(operation, _, channels):
            precondition(channels.isEmpty, "statevector steps carry no channels")
            for branch in branches where step.condition?.holds(for: branch.clbits) ?? true {
                operation.apply(to: branch.state, threads: threads)
            }
        case let .measure(qubit, clbit, readout):
            try split(qubit: qubit, condition: step.condition, reset: false) { outcome in
                guard let clbit else { return [(nil, 1)] }
                return (0...1).compactMap { recorded in
                    let factor = readout?.probability(recorded: recorded, outcome: outcome) ?? (recorded == outcome ? 1 : 0)
                    return factor > 0 ? ((clbit, recorded), factor) : nil
                }
            }
        case let .reset(qubit):
            try split(qubit: qubit, condition: step.condition, reset: true) { _ in [(nil, 1)] }
        }
    }

    /// Splits every selected branch by the outcome of `qubit`; `records(outcome)` lists the classical
    /// writes (bit, value) and their probabilities for that outcome.
    private func split(
        qubit: Int, condition: Condition?, reset: Bool,
        records: (Int) -> [((bit: Int, value: Int)?, Double)]
    ) throws(SimulationError) {
        var result: [Branch] = []
        for (position, branch) in branches.enumerated() {
            guard condition?.holds(for: branch.clbits) ?? true else {
                result.append(branch)
                continue
            }
            let weights = branch.state.outcomeWeights(qubit: qubit, threads: threads)
            let norm = weights.x + weights.y
            let outcomes = [(0, weights.x), (1, weights.y)].filter { $0.1 / norm > Self.negligibleProbability }
            let kept = outcomes.reduce(0) { $0 + $1.1 }
            var children: [(clbits: UInt64, weight: Double, outcome: Int, outcomeWeight: Double)] = []
            for (outcome, outcomeWeight) in outcomes {
                for (write, factor) in records(outcome) {
                    var clbits = branch.clbits
                    if let write {
                        clbits = clbits & ~(1 << UInt64(write.bit)) | UInt64(write.value) << UInt64(write.bit)
                    }
                    children.append((clbits, branch.weight * (outcomeWeight / kept) * factor, outcome, outcomeWeight))
                }
            }
            try checkBranchMemory(count: result.count + children.count + branches.count - position - 1)
            for (index, child) in children.enumerated() {
                let state = index == children.count - 1 ? branch.state : AmplitudeBuffer(copying: branch.state)
                state.project(qubit: qubit, outcome: child.outcome, weight: child.outcomeWeight, reset: reset, threads: threads)
                result.append(Branch(clbits: child.clbits, weight: child.weight, state: state))
            }
        }
        branches = merged(result)
    }

    /// `list` with every branch folded into the first earlier one holding the same classical bits
    /// and the same state up to global phase (weights added): exact, since both are one density matrix.
    ///
    /// Candidates are found by (classical bits, phase-invariant fingerprint rounded to 1e-9), so a
    /// branch is compared with the few states that can equal it rather than with every branch (which
    /// made two rounds of measurements on 16 qubits take over an hour). A twin whose fingerprint
    /// rounds to the other side of a boundary is kept as its own branch: still exact, only larger.
    /// The dictionary only finds indices; the ensemble keeps the order of `list`.
    private func merged(_ list: [Branch]) -> [Branch] {
        var out: [Branch] = []
        var candidates: [BranchKey: [Int]] = [:]
        for branch in list {
            let key = BranchKey(
                clbits: branch.clbits, fingerprint: (branch.state.phaseInvariantFingerprint(threads: threads) * 1e9).rounded())
            let twin = candidates[key]?.first { index in
                out[index].state.innerProduct(with: branch.state, threads: threads).squaredLength()
                    >= (1 - Self.sameStateTolerance) * (1 - Self.sameStateTolerance)
            }
            if let twin {
                out[twin].weight += branch.weight
            } else {
                candidates[key, default: []].append(out.count)
                out.append(branch)
            }
        }
        return out
    }

    /// What two branches must share to be compared for merging.
    private struct BranchKey: Hashable {
        var clbits: UInt64
        var fingerprint: Double
    }

    private func checkBranchMemory(count: Int) throws(SimulationError) {
        let bytes = count.multipliedReportingOverflow(by: AmplitudeBuffer.bytes(qubitCount: qubitCount))
        if bytes.overflow || bytes.partialValue > memoryLimitBytes {
            throw .tooManyBranches(
                method: .statevector, branches: count,
                bytes: bytes.overflow ? .max : bytes.partialValue, limit: memoryLimitBytes)
        }
    }
}

extension SIMD2<Double> {
    /// x² + y².
    func squaredLength() -> Double { x * x + y * y }
}
