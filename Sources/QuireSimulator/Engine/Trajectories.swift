import QuireCore
import QuireKernels

/// The Monte Carlo wave-function engine: noisy circuits as an average over pure-state trajectories.
///
/// Trajectory t draws from `RandomStream(seed:, purpose: "trajectories").substream(index: t)` at
/// indices 0, 1, 2, … in program order: one draw per channel (Kraus operator i chosen with
/// probability ‖Kᵢψ‖², then renormalised; see `TrajectoryChannel`), per measurement outcome and recorded-bit flip, per reset.
/// Probabilities are the mean of |ψ|² over trajectories: each block of `blockSize` consecutive
/// trajectories is summed in index order, and block sums are added in block order, so the result
/// is the same for any thread count (threads work on different blocks).
public enum Trajectories {
    /// Trajectories per summation block; a constant so the summation order never depends on threads.
    public static let blockSize = 16

    /// Bytes the engine holds at once for `qubits` qubits with `threads` workers: per worker a state,
    /// a scratch state and a block sum (the mean is counted with the result by `Simulator.run`).
    public static func bytes(qubits: Int, threads: Int) -> Int {
        threads * 5 * (8 << qubits)
    }

    /// Mean probabilities over `options.trajectories` trajectories of `circuit` (before the final readout error).
    public static func probabilities(circuit: Circuit, options: SimulationOptions) throws(SimulationError) -> [Double] {
        let program = try SimulationProgram(circuit: circuit, noise: Simulator.noiseModel(options, circuit: circuit))
        try Simulator.checkMemory(method: .trajectories, circuit: circuit, options: options)
        return probabilities(program: program, options: options)
    }

    /// Mean exact expectation values ⟨ψ|P|ψ⟩ of `observables` over the trajectories of `circuit`.
    public static func expectations(
        of observables: [PauliString], circuit: Circuit,
        options: SimulationOptions
    ) throws(SimulationError) -> [Double] {
        for pauli in observables { try pauli.check(qubits: circuit.qubitCount) }
        let program = try SimulationProgram(circuit: circuit, noise: Simulator.noiseModel(options, circuit: circuit))
        try Simulator.checkMemory(method: .trajectories, circuit: circuit, options: options)
        return average(program: program, options: options, width: observables.count) { state, sum in
            for (k, pauli) in observables.enumerated() {
                sum[k] += pauli.value(fromSum: state.pauliSum(xMask: pauli.xMask, zMask: pauli.zMask))
            }
        }
    }

    static func probabilities(program: SimulationProgram, options: SimulationOptions) -> [Double] {
        average(program: program, options: options, width: 1 << program.qubitCount) { state, sum in
            state.accumulateProbabilities(into: sum)
        }
    }

    /// The mean over trajectories of `width` values that `record(state, sum)` adds into `sum` at the
    /// end of each trajectory, in the block order of the type's documentation.
    static func average(
        program: SimulationProgram, options: SimulationOptions, width: Int,
        record: (AmplitudeBuffer, UnsafeMutablePointer<Double>) -> Void
    ) -> [Double] {
        let total = options.trajectories
        let stream = RandomStream(seed: options.seed, purpose: "trajectories")
        let workers = max(1, min(options.threads, (total + blockSize - 1) / blockSize))
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: workers * width)
        defer { sums.deallocate() }
        var mean = [Double](repeating: 0, count: width)
        let states = (0..<workers).map { _ in
            (AmplitudeBuffer(qubitCount: program.qubitCount), AmplitudeBuffer(qubitCount: program.qubitCount))
        }
        let noise = program.steps.map { step -> [TrajectoryChannel] in
            guard case let .gate(_, _, channels) = step.action else { return [] }
            return channels.map(TrajectoryChannel.init)
        }
        var firstBlock = 0
        while firstBlock * blockSize < total {
            let blocks = min(workers, (total - firstBlock * blockSize + blockSize - 1) / blockSize)
            Parallel.perform(iterations: blocks) { worker in
                let sum = sums + worker * width
                sum.update(repeating: 0, count: width)
                let start = (firstBlock + worker) * blockSize
                var (state, scratch) = states[worker]
                for t in start..<min(total, start + blockSize) {
                    state.setBasisState(0)
                    run(program, noise: noise, on: &state, scratch: &scratch, stream: stream.substream(index: UInt64(t)))
                    record(state, sum)
                }
            }
            for block in 0..<blocks {
                for i in 0..<width { mean[i] += sums[block * width + i] }
            }
            firstBlock += blocks
        }
        return mean.map { $0 / Double(total) }
    }

    /// One trajectory: `state` starts in |0…0⟩ and ends normalised; `scratch` is working space
    /// (the two may be exchanged); `noise[s]` are the channels after step s.
    static func run(
        _ program: SimulationProgram, noise: [[TrajectoryChannel]], on state: inout AmplitudeBuffer, scratch: inout AmplitudeBuffer,
        stream: RandomStream
    ) {
        var draw: UInt64 = 0
        func next() -> Double {
            defer { draw += 1 }
            return stream.uniform(at: draw)
        }
        var clbits: UInt64 = 0
        for (stepIndex, step) in program.steps.enumerated() where step.condition?.holds(for: clbits) ?? true {
            switch step.action {
            case let .gate(operation, _, _):
                operation.apply(to: state, threads: 1)
                for channel in noise[stepIndex] { channel.apply(to: &state, scratch: &scratch, u: next()) }
            case let .measure(qubit, clbit, readout):
                let outcome = collapse(&state, qubit: qubit, u: next(), reset: false)
                if let clbit {
                    var recorded = outcome
                    if let readout, next() < readout.probability(recorded: 1 - outcome, outcome: outcome) { recorded = 1 - outcome }
                    clbits = clbits & ~(1 << UInt64(clbit)) | UInt64(recorded) << UInt64(clbit)
                }
            case let .reset(qubit):
                collapse(&state, qubit: qubit, u: next(), reset: true)
            }
        }
    }

    /// Samples the outcome of `qubit` with uniform `u` (1 when u < P(1)), projects and renormalises;
    /// with `reset`, an outcome 1 is then flipped to |0⟩.
    @discardableResult
    static func collapse(_ state: inout AmplitudeBuffer, qubit: Int, u: Double, reset: Bool) -> Int {
        let weights = state.outcomeWeights(qubit: qubit)
        let outcome = u * (weights.x + weights.y) < weights.y ? 1 : 0
        state.project(qubit: qubit, outcome: outcome, weight: outcome == 1 ? weights.y : weights.x, reset: reset, threads: 1)
        return outcome
    }
}
