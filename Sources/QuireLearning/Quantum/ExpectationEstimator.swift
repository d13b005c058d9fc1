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
    /// Whether the read-out distribution is corrected by `ReadoutMitigation` (with the readout
    /// errors of `options.noise`) before ⟨O⟩ is taken.
    public let mitigatesReadout: Bool
    /// For a circuit compiled for a device: the qubit that holds each logical qubit at the end
    /// (`DeviceTemplate.readQubits`); the observable reads those, the other qubits summed over.
    public let readQubits: [Int]?

    /// An estimator for `observable` with `options`, optionally with readout-error mitigation, and
    /// reading logical qubits at `readQubits` of a compiled circuit.
    public init(options: SimulationOptions, observable: ReadoutObservable, mitigatesReadout: Bool = false, readQubits: [Int]? = nil) {
        var options = options
        options.threads = 1
        self.options = options
        self.observable = observable
        self.mitigatesReadout = mitigatesReadout
        self.readQubits = readQubits
    }

    /// ⟨O⟩ of `circuit`, the `index`-th evaluation under `key` (e.g. a training step and sample).
    public func expectation(of circuit: Circuit, key: UInt64, index: Int) throws -> Double {
        var options = options
        options.seed = RandomStream(seed: self.options.seed, purpose: "expectation").substream(index: key).uint64(at: UInt64(index))
        let result = try Simulator.run(circuit, options: options)
        var distribution = result.probabilities
        if options.shots > 0 {
            distribution = Array(repeating: 0, count: distribution.count)
            for entry in result.counts { distribution[Int(entry.state)] = Double(entry.count) / Double(options.shots) }
        }
        if mitigatesReadout, let noise = options.noise { distribution = try ReadoutMitigation.mitigate(distribution, noise: noise) }
        guard let readQubits else { return observable.expectation(probabilities: distribution, qubits: result.qubitCount) }
        return observable.expectation(
            probabilities: DeviceCompilation.logicalProbabilities(distribution, readQubits: readQubits), qubits: readQubits.count)
    }
}
