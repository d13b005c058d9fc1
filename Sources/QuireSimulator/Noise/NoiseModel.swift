/// A noise profile turned into the exact channels engines apply (DESIGN §4.3), with Qiskit Aer's conventions.
///
/// After a gate on k qubits: first Aer's `depolarizing_error(λ, k)` on all k qubits, then Aer's
/// `thermal_relaxation_error(T1, T2, t)` (excited-state population 0) on each touched qubit
/// separately, with t the profile's one-qubit gate time for one-qubit gates and its two-qubit gate
/// time for gates on two or more qubits. That is Aer's `depolarizing.compose(relaxation)`.
/// λ is `one_qubit` after one-qubit gates and `two_qubit` after two-qubit gates, converted from the
/// Pauli convention when the profile says so (`NoiseProfile.Depolarizing.lambda(qubitCount:)`);
/// gates on three or more qubits take no depolarizing error, since a profile names no parameter
/// for them (they still relax).
///
/// Per-qubit overrides replace the global value for their qubit: thermal relaxation and readout of
/// qubit q come from `qubits[q]` when it has them, else from the global profile. A two-qubit gate's
/// depolarizing parameter follows one deterministic rule: if either qubit has a depolarizing override,
/// the override is used (both have one: the larger λ, after converting each by its own convention);
/// otherwise the global value. An override replaces the whole part: a depolarizing override that
/// gives only `one_qubit` has `two_qubit` = 0 (the decoder's default), so two-qubit gates on that
/// qubit take no depolarizing error. Barrier, measure and reset take no gate noise; `id` is a gate and does.
///
/// A model of a device (`init(device:)`, `NoiseModel+Device.swift`) instead holds its channels per
/// gate and qubit tuple, as Aer's `NoiseModel.from_backend` does; its `profile` then holds only the
/// per-qubit readout errors.
public struct NoiseModel: Hashable, Sendable {
    /// The profile the channels are derived from (for a device: its readout errors).
    public let profile: NoiseProfile
    /// Whether no gate is followed by any channel (readout error may still be present).
    public let isIdeal: Bool
    /// A device's channels after each calibrated gate site; `nil` when the profile's rules apply.
    let sites: [GateSite: [QuantumChannel]]?

    /// Creates the model of `profile`; validate the profile first (`NoiseProfile.validate(qubitCount:)`),
    /// since channels of out-of-range parameters stop the program.
    public init(profile: NoiseProfile) {
        self.profile = profile
        sites = nil
        let depolarizings = [profile.depolarizing] + profile.qubits.values.map(\.depolarizing)
        let relaxations = [profile.thermalRelaxation] + profile.qubits.values.map(\.thermalRelaxation)
        isIdeal =
            depolarizings.allSatisfy { $0.map { $0.oneQubit == 0 && $0.twoQubit == 0 } ?? true }
            && relaxations.allSatisfy { $0.map { $0.oneQubitGateNanoseconds == 0 && $0.twoQubitGateNanoseconds == 0 } ?? true }
    }

    /// Channels to apply after `gate` on `qubits`, in order: depolarizing first (on all of `qubits`),
    /// then thermal relaxation on each touched qubit in the order of `qubits`; empty when none.
    ///
    /// A channel whose parameter makes it the identity (λ = 0, gate time 0) is left out. For a device,
    /// the channels of the site `gate` on `qubits`, if it is calibrated.
    public func channels(after gate: StandardGate, on qubits: [Int]) -> [QuantumChannel] {
        precondition(gate.qubitCount == qubits.count, "\(gate.rawValue) acts on \(gate.qubitCount) qubits")
        if let sites { return sites[GateSite(gate: gate, qubits: qubits)] ?? [] }
        var channels: [QuantumChannel] = []
        let lambda = depolarizingLambda(on: qubits)
        if lambda > 0 { channels.append(.depolarizing(lambda: lambda, on: qubits)) }
        for qubit in qubits {
            guard let relaxation = profile.qubits[qubit]?.thermalRelaxation ?? profile.thermalRelaxation else { continue }
            let nanoseconds = qubits.count == 1 ? relaxation.oneQubitGateNanoseconds : relaxation.twoQubitGateNanoseconds
            guard nanoseconds > 0 else { continue }
            channels.append(
                .thermalRelaxation(
                    t1: relaxation.t1Microseconds, t2: relaxation.t2Microseconds,
                    time: nanoseconds / 1000, on: qubit))
        }
        return channels
    }

    /// Readout error of `qubit`, if any: its override's when it has one, else the global one.
    public func readout(qubit: Int) -> NoiseProfile.Readout? {
        profile.qubits[qubit]?.readout ?? profile.readout
    }

    /// Aer's λ for a gate on `qubits` by the override rule of the type's documentation.
    private func depolarizingLambda(on qubits: [Int]) -> Double {
        let overrides = qubits.compactMap { profile.qubits[$0]?.depolarizing }
        let parameters = overrides.isEmpty ? [profile.depolarizing].compactMap { $0 } : overrides
        return parameters.map { $0.lambda(qubitCount: qubits.count) }.max() ?? 0
    }
}
