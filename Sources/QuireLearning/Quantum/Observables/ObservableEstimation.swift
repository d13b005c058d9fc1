import QuireCore
import QuireSimulator

/// Expectation values of Pauli observables after a circuit, as a paper compares them: ideal
/// (noiseless statevector, exact), noisy (the options' engine with their noise profile or device),
/// readout-mitigated, and zero-noise extrapolated.
///
/// A term P is read as hardware reads it: the final state rotated into P's eigenbasis without
/// error, each qubit of P read with its own readout error, and ⟨P⟩ the mean of (−1)^(parity of the
/// bits read). The distribution of P's w qubits follows from the expectation values of P's 2ʷ
/// sub-words, p(b) = 2⁻ʷ Σ_T (−1)^|b∧T| ⟨P_T⟩ (a Walsh–Hadamard transform), so every engine serves;
/// w is at most `maxWeight`. Readout mitigation inverts each read qubit's confusion matrix
/// (`ReadoutMitigation`); ZNE folds the measured circuit at each scale factor and extrapolates the
/// values, readout-mitigated when readout mitigation is on (as experiments do).
///
/// With shots, each term's read is sampled (`Simulator.sample`): `shots` draws seeded by
/// `RandomStream(seed: options.seed, purpose: "observables").substream(index: c).uint64(at: t)`,
/// for circuit c (0 unfolded, i + 1 folded to the i-th scale factor) and term t (counted over all
/// observables in order). Ideal values are always exact.
public struct ObservableEstimation: Sendable {
    /// Most qubits one Pauli word may act on (2ʷ sub-words are evaluated per term).
    public static let maxWeight = 12
    /// Engine, noise or device, shots, trajectories and seed of the noisy runs.
    public var options: SimulationOptions
    /// Logical qubit i of an observable is qubit `layout[i]` of the circuit that runs.
    public var layout: [Int]
    /// Whether readout-mitigated values are computed.
    public var mitigatesReadout: Bool
    /// Zero-noise extrapolation, if requested.
    public var zne: ZeroNoiseExtrapolation?

    /// Creates an estimation; `layout` is the identity for a circuit that runs as written.
    public init(options: SimulationOptions, layout: [Int], mitigatesReadout: Bool = false, zne: ZeroNoiseExtrapolation? = nil) {
        self.options = options
        self.layout = layout
        self.mitigatesReadout = mitigatesReadout
        self.zne = zne
    }

    /// The values of one observable.
    public struct Values: Hashable, Sendable {
        /// Exact ⟨O⟩ of the noiseless circuit.
        public var ideal: Double
        /// ⟨O⟩ as read on the noisy device (sampled with shots); nil on an ideal device without shots.
        public var noisy: Double?
        /// `noisy` after readout mitigation, when requested.
        public var readoutMitigated: Double?
        /// The values at each scale factor and the extrapolation, when requested.
        public var zne: ZeroNoiseExtrapolation.Estimate?
    }

    /// The values of `observables` (qubits of `logical`) after `logical`, run as `physical`.
    ///
    /// - Parameters:
    ///   - logical: the circuit as written, without measurements (`removingFinalMeasurements`).
    ///   - physical: the circuit that runs on the device: `logical`, or its compilation, whose
    ///     qubit `layout[i]` holds logical qubit i at the end.
    /// - Throws: `SimulationError` from an engine, `LearningError.unsupportedStatement` for a circuit ZNE cannot
    ///   fold, `LearningError` for a singular confusion matrix or an extrapolation that fails.
    public func evaluate(_ observables: [PauliObservable], logical: Circuit, physical: Circuit) throws -> [Values] {
        let ideal = try idealValues(observables, circuit: logical)
        guard options.noise != nil || options.device != nil || options.shots > 0 else {
            return ideal.map { Values(ideal: $0) }
        }
        let model = options.device.map(NoiseModel.init(device:)) ?? options.noise.map(NoiseModel.init(profile:))
        let unfolded = try read(observables, circuit: physical, model: model, circuitIndex: 0)
        var estimates: [ZeroNoiseExtrapolation.Estimate?] = observables.map { _ in nil }
        if let zne {
            let native = options.device.map { Set($0.nativeGates) }
            var perScale: [[Double]] = []
            for (i, scale) in zne.scaleFactors.enumerated() {
                let folded = try zne.folding.fold(physical, scale: scale, seed: options.seed, native: native)
                perScale.append(
                    try read(observables, circuit: folded, model: model, circuitIndex: i + 1).map { mitigatesReadout ? $0.mitigated : $0.raw })
            }
            estimates = try observables.indices.map { k in
                let values = perScale.map { $0[k] }
                return ZeroNoiseExtrapolation.Estimate(
                    values: values, mitigated: try zne.extrapolation.extrapolate(scales: zne.scaleFactors, values: values))
            }
        }
        return observables.indices.map { k in
            Values(
                ideal: ideal[k], noisy: unfolded[k].raw, readoutMitigated: mitigatesReadout ? unfolded[k].mitigated : nil, zne: estimates[k])
        }
    }

    /// Exact ⟨O⟩ of each observable on the noiseless statevector of `circuit`.
    private func idealValues(_ observables: [PauliObservable], circuit: Circuit) throws -> [Double] {
        let words = try observables.map { observable in
            try observable.terms.map { term in
                try term.pauliString(
                    qubitCount: circuit.qubitCount, qubits: term.factors.map(\.qubit), mask: (1 << term.factors.count) - 1,
                    coefficient: term.coefficient)
            }
        }
        let ideal = SimulationOptions(method: .statevector, threads: options.threads, memoryLimitBytes: options.memoryLimitBytes)
        var values = try Simulator.expectations(of: words.flatMap { $0 }, circuit: circuit, options: ideal)[...]
        return words.map { terms in
            defer { values = values.dropFirst(terms.count) }
            return values.prefix(terms.count).reduce(0, +)
        }
    }

    /// Each observable's value read after `circuit` (`raw`), and read with readout mitigation.
    private func read(
        _ observables: [PauliObservable], circuit: Circuit, model: NoiseModel?, circuitIndex: Int
    ) throws -> [(raw: Double, mitigated: Double)] {
        // Every sub-word of every term, each evaluated once; entry 0 (the identity) is -1.
        var words: [PauliString] = []
        var position: [String: Int] = [:]
        let subwords = try observables.map { observable in
            try observable.terms.map { term in
                let qubits = term.factors.map { layout[$0.qubit] }
                return try (0..<(1 << qubits.count)).map { mask in
                    guard mask > 0 else { return -1 }
                    let word = try term.pauliString(qubitCount: circuit.qubitCount, qubits: qubits, mask: mask)
                    if let known = position[word.label] { return known }
                    position[word.label] = words.count
                    words.append(word)
                    return words.count - 1
                }
            }
        }
        let values = try Simulator.expectations(of: words, circuit: circuit, options: options)
        let stream = RandomStream(seed: options.seed, purpose: "observables").substream(index: UInt64(circuitIndex))
        var termIndex: UInt64 = 0
        return try zip(observables, subwords).map { observable, terms in
            var raw = 0.0
            var mitigated = 0.0
            for (term, subword) in zip(observable.terms, terms) {
                let qubits = term.factors.map { layout[$0.qubit] }
                var p = Self.distribution(subword.map { $0 < 0 ? 1 : values[$0] })
                let readout = model.map { ReadoutMitigation.readoutProfile($0, qubits: qubits) }
                if let readout { NoiseModel(profile: readout).applyReadout(to: &p, qubitCount: qubits.count) }
                if options.shots > 0 {
                    let counts = Simulator.sample(p, shots: options.shots, seed: stream.uint64(at: termIndex))
                    p = Array(repeating: 0, count: p.count)
                    for entry in counts { p[Int(entry.state)] = Double(entry.count) / Double(options.shots) }
                }
                termIndex += 1
                raw += term.coefficient * Self.parity(p)
                if mitigatesReadout, let readout {
                    mitigated += term.coefficient * Self.parity(try ReadoutMitigation.mitigate(p, noise: readout))
                } else {
                    mitigated += term.coefficient * Self.parity(p)
                }
            }
            return (raw, mitigated)
        }
    }

    /// The distribution p(b) = 2⁻ʷ Σ_T (−1)^|b∧T| e_T of w bits from the expectation values e_T of
    /// the sub-words (e_0 = 1), by the fast Walsh–Hadamard transform (fixed order of additions).
    static func distribution(_ expectations: [Double]) -> [Double] {
        var p = expectations
        var half = 1
        while half < p.count {
            for block in stride(from: 0, to: p.count, by: 2 * half) {
                for i in block..<block + half {
                    (p[i], p[i + half]) = (p[i] + p[i + half], p[i] - p[i + half])
                }
            }
            half *= 2
        }
        let scale = 1 / Double(p.count)
        return p.map { $0 * scale }
    }

    /// Σ_b p(b)·(−1)^popcount(b), in index order.
    static func parity(_ p: [Double]) -> Double {
        var sum = 0.0
        for (b, value) in p.enumerated() { sum += b.nonzeroBitCount & 1 == 1 ? -value : value }
        return sum
    }
}
