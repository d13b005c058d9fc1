import Numerics
import QuireSimulator
import QuireTestSupport
import Testing

/// The channels after a gate, composed in order, against Aer's `depolarizing.compose(relaxation ⊗ …)`
/// for the same profile (the script follows the documented override rule). Tolerance 1e-12 as for
/// single channels: a handful of exactly computed 16 × 16 (at most 64 × 64) products.
@Suite struct NoiseModelTests {
    static let relaxation = NoiseProfile.ThermalRelaxation(
        t1Microseconds: 100, t2Microseconds: 80,
        oneQubitGateNanoseconds: 35, twoQubitGateNanoseconds: 300)

    @Test func channelsAfterGatesMatchAer() {
        let models = NoiseReference.shared.models
        #expect(models.count == 7)
        for model in models {
            let noise = NoiseModel(profile: model.profile.value)
            let gate = StandardGate(rawValue: model.gate)!
            let channels = noise.channels(after: gate, on: model.qubits)
            let distance = composedSuperoperator(channels, on: model.qubits).maxDistance(to: model.superop.complex)
            #expect(distance <= 1e-12, "\(model.label): \(distance)")
            #expect(!noise.isIdeal)
        }
    }

    @Test func channelOrderAndQubits() {
        let noise = NoiseModel(
            profile: NoiseProfile(
                depolarizing: .init(oneQubit: 0.01, twoQubit: 0.02),
                thermalRelaxation: Self.relaxation))
        #expect(noise.channels(after: .cx, on: [4, 2]).map(\.qubits) == [[4, 2], [4], [2]])
        #expect(noise.channels(after: .rz, on: [1]).map(\.qubits) == [[1], [1]])
        #expect(noise.channels(after: .id, on: [0]).map(\.qubits) == [[0], [0]])
        // Three-qubit gates: no depolarizing, relaxation on each qubit for the two-qubit gate time.
        let toffoli = noise.channels(after: .ccx, on: [0, 1, 2])
        #expect(toffoli.map(\.qubits) == [[0], [1], [2]])
        #expect(toffoli[0] == .thermalRelaxation(t1: 100, t2: 80, time: 0.3, on: 0))
    }

    @Test func identityChannelsAreLeftOut() {
        let silent = NoiseProfile(
            depolarizing: .init(oneQubit: 0, twoQubit: 0, convention: .pauli),
            thermalRelaxation: .init(
                t1Microseconds: 50, t2Microseconds: 60,
                oneQubitGateNanoseconds: 0, twoQubitGateNanoseconds: 0),
            readout: .init(probMeas1Prep0: 0.1, probMeas0Prep1: 0.2))
        let noise = NoiseModel(profile: silent)
        #expect(noise.isIdeal)
        #expect(noise.channels(after: .h, on: [0]).isEmpty)
        #expect(noise.channels(after: .cx, on: [0, 1]).isEmpty)
        #expect(NoiseModel(profile: NoiseProfile()).isIdeal)
        // Only one-qubit depolarizing: two-qubit gates still get nothing.
        let oneOnly = NoiseModel(profile: NoiseProfile(depolarizing: .init(oneQubit: 0.1)))
        #expect(!oneOnly.isIdeal)
        #expect(oneOnly.channels(after: .cz, on: [0, 1]).isEmpty)
        #expect(oneOnly.channels(after: .x, on: [1]).count == 1)
    }

    @Test func overridesMakeAModelNoisy() {
        let relaxed = NoiseProfile(qubits: [2: .init(thermalRelaxation: Self.relaxation)])
        let noise = NoiseModel(profile: relaxed)
        #expect(!noise.isIdeal)
        #expect(noise.channels(after: .x, on: [1]).isEmpty)
        #expect(noise.channels(after: .cx, on: [1, 2]).map(\.qubits) == [[2]])
        let depolarized = NoiseModel(profile: NoiseProfile(qubits: [0: .init(depolarizing: .init(twoQubit: 0.05))]))
        #expect(!depolarized.isIdeal)
        #expect(depolarized.channels(after: .cx, on: [1, 0]) == [.depolarizing(lambda: 0.05, on: [1, 0])])
        #expect(depolarized.channels(after: .cx, on: [1, 2]).isEmpty)
    }

    @Test func readoutPrefersTheOverride() {
        let global = NoiseProfile.Readout(probMeas1Prep0: 0.02, probMeas0Prep1: 0.05)
        let local = NoiseProfile.Readout(probMeas1Prep0: 0.1, probMeas0Prep1: 0.3)
        let noise = NoiseModel(
            profile: NoiseProfile(readout: global, qubits: [3: .init(readout: local), 1: .init(thermalRelaxation: Self.relaxation)]))
        #expect(noise.readout(qubit: 3) == local)
        #expect(noise.readout(qubit: 1) == global)
        #expect(noise.readout(qubit: 0) == global)
        #expect(NoiseModel(profile: NoiseProfile(qubits: [3: .init(readout: local)])).readout(qubit: 0) == nil)
    }
}
