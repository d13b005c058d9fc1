import QuireCore
import QuireSimulator

/// ⟨O⟩ of bound circuits on any engine: exact from the probabilities, or estimated from `shots`
/// sampled counts, with the noise and method of `options`.
///
/// Each evaluation draws its shots with its own seed, `RandomStream(seed: options.seed, purpose:
/// "expectation").substream(index: key).uint64(at: index)`, so an estimate depends only on (seed, key,
/// index) — never on thread count or evaluation order.
public struct ExpectationEstimator: Hashable, Sendable {
    /// Engine, noise, shots and base seed; `threads` is forced to 1 (parallelism is over samples).
    public let options: SimulationOptions
    /// The measured observable.
    public let observable: ReadoutObservable

    /// An estimator for `observable` with `options`.
    public init(options: SimulationOptions, observable: ReadoutObservable) {
        var options = options
        options.threads = 1
        self.options = options
        self.observable = observable
    }

    /// ⟨O⟩ of `circuit`, the `index`-th evaluation under `key` (e.g. a training step and sample).
    public func expectation(of circuit: Circuit, key: UInt64, index: Int) throws -> Double {
        var options = options
        options.seed = RandomStream(seed: self.options.seed, purpose: "expectation").substream(index: key).uint64(at: UInt64(index))
        let result = try Simulator.run(circuit, options: options)
        guard options.shots > 0 else { return observable.expectation(probabilities: result.probabilities, qubits: result.qubitCount) }
        let mask = observable.zMask(qubits: result.qubitCount)
        var sum = 0
        for entry in result.counts { sum += (Int(entry.state) & mask).nonzeroBitCount & 1 == 1 ? -entry.count : entry.count }
        return Double(sum) / Double(options.shots)
    }
}
