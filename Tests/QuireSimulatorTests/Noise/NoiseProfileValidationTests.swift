import QuireSimulator
import Testing

/// Range checks of `NoiseProfile.validate(qubitCount:)`: the field path, the message and the hint.
@Suite struct NoiseProfileValidationTests {
    static let relaxation = NoiseProfile.ThermalRelaxation(
        t1Microseconds: 100, t2Microseconds: 80,
        oneQubitGateNanoseconds: 35, twoQubitGateNanoseconds: 300)
    static let readout = NoiseProfile.Readout(probMeas1Prep0: 0.02, probMeas0Prep1: 0.05)

    /// The error `profile` raises for a 5-qubit circuit, or nil when it is valid.
    static func failure(_ profile: NoiseProfile) -> SimulationError? {
        do {
            try profile.validate(qubitCount: 5)
            return nil
        } catch {
            return error
        }
    }

    static func relaxation(t1: Double = 100, t2: Double = 80, one: Double = 35, two: Double = 300) -> NoiseProfile.ThermalRelaxation {
        .init(t1Microseconds: t1, t2Microseconds: t2, oneQubitGateNanoseconds: one, twoQubitGateNanoseconds: two)
    }

    @Test func physicalLimitsAreAccepted() {
        let limits = NoiseProfile(
            depolarizing: .init(oneQubit: 4.0 / 3.0, twoQubit: 16.0 / 15.0),
            thermalRelaxation: Self.relaxation(t1: 50, t2: 100, one: 0, two: 0),
            readout: .init(probMeas1Prep0: 1, probMeas0Prep1: 0),
            qubits: [
                0: .init(depolarizing: .init(oneQubit: 1, twoQubit: 1, convention: .pauli)),
                4: .init(thermalRelaxation: Self.relaxation(t1: 1e-3, t2: 1e-3), readout: .init(probMeas1Prep0: 0, probMeas0Prep1: 1)),
            ])
        #expect(Self.failure(limits) == nil)
        #expect(Self.failure(NoiseProfile()) == nil)
    }

    @Test func depolarizingBeyondCompletePositivity() {
        let lambda = Self.failure(NoiseProfile(depolarizing: .init(oneQubit: 0.1, twoQubit: 1.07)))
        #expect(lambda == .depolarizingOutOfRange(path: "depolarizing.two_qubit", value: 1.07, maximum: 16.0 / 15.0, convention: .lambda))
        #expect(lambda?.diagnostic.message == "'depolarizing.two_qubit' is 1.07, outside 0…1.0666666666666667 for the lambda convention")
        #expect(lambda?.diagnostic.hint == "Aer's λ is completely positive up to 4ᵏ/(4ᵏ−1) (4/3 for one qubit, 16/15 for two)")
        // 1.2 is a valid λ but not a valid Pauli-convention probability.
        let pauli = Self.failure(NoiseProfile(qubits: [2: .init(depolarizing: .init(oneQubit: 1.2, convention: .pauli))]))
        #expect(pauli?.diagnostic.message == "'qubits.2.depolarizing.one_qubit' is 1.2, outside 0…1.0 for the pauli convention")
        #expect(Self.failure(NoiseProfile(depolarizing: .init(oneQubit: 1.2))) == nil)
        let negative = Self.failure(NoiseProfile(depolarizing: .init(oneQubit: -0.01)))
        #expect(negative == .depolarizingOutOfRange(path: "depolarizing.one_qubit", value: -0.01, maximum: 4.0 / 3.0, convention: .lambda))
        #expect(Self.failure(NoiseProfile(depolarizing: .init(oneQubit: .nan))) != nil)
    }

    @Test func t2AboveTwiceT1IsRejected() {
        let error = Self.failure(
            NoiseProfile(
                thermalRelaxation: Self.relaxation,
                qubits: [3: .init(thermalRelaxation: Self.relaxation(t1: 100, t2: 250))]))
        #expect(error == .t2AboveTwiceT1(path: "qubits.3.thermal_relaxation.t2_us", t2: 250, t1: 100))
        #expect(error?.diagnostic.message == "'qubits.3.thermal_relaxation.t2_us' is 250.0 µs but must be positive and at most 2·T1 = 200.0 µs")
        #expect(error?.diagnostic.hint == "T2 > 2·T1 is unphysical; Quire rejects it rather than truncating it as Aer's from_backend does")
        #expect(
            error?.description == """
                error: 'qubits.3.thermal_relaxation.t2_us' is 250.0 µs but must be positive and at most 2·T1 = 200.0 µs
                  hint: T2 > 2·T1 is unphysical; Quire rejects it rather than truncating it as Aer's from_backend does
                """)
    }

    @Test(arguments: [
        (relaxation(t1: 0), SimulationError.nonPositiveTime(path: "thermal_relaxation.t1_us", value: 0)),
        (relaxation(t1: .infinity), .nonPositiveTime(path: "thermal_relaxation.t1_us", value: .infinity)),
        (relaxation(t2: -5), .nonPositiveTime(path: "thermal_relaxation.t2_us", value: -5)),
        (relaxation(t2: 0), .nonPositiveTime(path: "thermal_relaxation.t2_us", value: 0)),
        (relaxation(one: -1), .negativeGateTime(path: "thermal_relaxation.one_qubit_gate_ns", value: -1)),
        (relaxation(two: .infinity), .negativeGateTime(path: "thermal_relaxation.two_qubit_gate_ns", value: .infinity)),
    ])
    func relaxationTimes(relaxation: NoiseProfile.ThermalRelaxation, expected: SimulationError) {
        #expect(Self.failure(NoiseProfile(thermalRelaxation: relaxation)) == expected)
    }

    @Test func timeMessagesNameUnits() {
        #expect(
            SimulationError.nonPositiveTime(path: "thermal_relaxation.t1_us", value: 0).diagnostic.message
                == "'thermal_relaxation.t1_us' is 0.0 µs but must be a positive, finite time")
        #expect(
            SimulationError.negativeGateTime(path: "qubits.1.thermal_relaxation.one_qubit_gate_ns", value: -1).diagnostic.message
                == "'qubits.1.thermal_relaxation.one_qubit_gate_ns' is -1.0 ns but must be a finite duration ≥ 0")
    }

    @Test func readoutProbabilities() {
        let error = Self.failure(NoiseProfile(readout: .init(probMeas1Prep0: 0.02, probMeas0Prep1: 1.5)))
        #expect(error == .probabilityOutOfRange(path: "readout.prob_meas0_prep1", value: 1.5))
        #expect(error?.diagnostic.message == "'readout.prob_meas0_prep1' is 1.5, outside 0…1")
        let override = Self.failure(NoiseProfile(qubits: [1: .init(readout: .init(probMeas1Prep0: -0.1, probMeas0Prep1: 0))]))
        #expect(override == .probabilityOutOfRange(path: "qubits.1.readout.prob_meas1_prep0", value: -0.1))
    }

    @Test func overrideIndicesMustExist() {
        let error = Self.failure(NoiseProfile(qubits: [7: .init(readout: Self.readout), 2: .init(readout: Self.readout)]))
        #expect(error == .qubitOutOfRange(path: "qubits.7", qubit: 7, qubitCount: 5))
        #expect(error?.diagnostic.message == "'qubits.7' overrides qubit 7, but the circuit has qubits 0…4")
        #expect(
            Self.failure(NoiseProfile(qubits: [-1: .init(readout: Self.readout)])) == .qubitOutOfRange(path: "qubits.-1", qubit: -1, qubitCount: 5))
    }

    @Test func firstErrorIsDeterministic() {
        // Global parts first, then overrides by ascending qubit, whatever the dictionary's order.
        let bad = NoiseProfile.QubitOverride(readout: .init(probMeas1Prep0: 2, probMeas0Prep1: 0))
        let profile = NoiseProfile(qubits: [4: bad, 1: bad, 3: bad, 0: bad, 2: bad])
        #expect(Self.failure(profile) == .probabilityOutOfRange(path: "qubits.0.readout.prob_meas1_prep0", value: 2))
        let global = NoiseProfile(thermalRelaxation: Self.relaxation(t1: -1), qubits: [0: bad])
        #expect(Self.failure(global) == .nonPositiveTime(path: "thermal_relaxation.t1_us", value: -1))
    }
}
