import Quire
import QuireSimulator
import Testing

/// The YAML decoder (`NoiseProfileDecoder`, range checks while decoding) and the simulator-side
/// `NoiseProfile.validate(qubitCount:)` accept and reject the same profiles at every physical
/// boundary; the cases where they differ are listed with the reason.
@Suite struct NoiseProfileDecoderConsistencyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// The profile as YAML.
        let yaml: String
        /// The same values built directly, so `validate` can judge what the decoder rejects.
        let profile: NoiseProfile
        let qubitCount: Int
        let decoderAccepts: Bool
        let validateAccepts: Bool

        var testDescription: String { yaml }
    }

    static func relaxation(_ t1: Double, _ t2: Double, _ one: Double = 35, _ two: Double = 300) -> NoiseProfile {
        NoiseProfile(thermalRelaxation: .init(t1Microseconds: t1, t2Microseconds: t2, oneQubitGateNanoseconds: one, twoQubitGateNanoseconds: two))
    }

    static let cases: [Case] = [
        // Aer's λ limits 4/3 and 16/15, and the next doubles above them.
        Case(
            yaml: "depolarizing: {one_qubit: 1.3333333333333333}", profile: NoiseProfile(depolarizing: .init(oneQubit: 4.0 / 3.0)),
            qubitCount: 1, decoderAccepts: true, validateAccepts: true),
        Case(
            yaml: "depolarizing: {one_qubit: 1.3333333333333335}", profile: NoiseProfile(depolarizing: .init(oneQubit: (4.0 / 3.0).nextUp)),
            qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "depolarizing: {two_qubit: 1.0666666666666667}", profile: NoiseProfile(depolarizing: .init(twoQubit: 16.0 / 15.0)),
            qubitCount: 1, decoderAccepts: true, validateAccepts: true),
        Case(
            yaml: "depolarizing: {two_qubit: 1.0666666666666669}", profile: NoiseProfile(depolarizing: .init(twoQubit: (16.0 / 15.0).nextUp)),
            qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "depolarizing: {one_qubit: 1, two_qubit: 1, convention: pauli}",
            profile: NoiseProfile(depolarizing: .init(oneQubit: 1, twoQubit: 1, convention: .pauli)),
            qubitCount: 1, decoderAccepts: true, validateAccepts: true),
        Case(
            yaml: "depolarizing: {one_qubit: 1.0000000000000002, convention: pauli}",
            profile: NoiseProfile(depolarizing: .init(oneQubit: 1.0.nextUp, convention: .pauli)),
            qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "depolarizing: {one_qubit: -0.001}", profile: NoiseProfile(depolarizing: .init(oneQubit: -0.001)),
            qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        // T2 = 2·T1 and zero gate times are allowed; just above 2·T1, zero T1 or T2, negative durations are not.
        Case(
            yaml: "thermal_relaxation: {t1_us: 50, t2_us: 100, one_qubit_gate_ns: 0, two_qubit_gate_ns: 0}",
            profile: relaxation(50, 100, 0, 0), qubitCount: 1, decoderAccepts: true, validateAccepts: true),
        Case(
            yaml: "thermal_relaxation: {t1_us: 50, t2_us: 100.00000000000001, one_qubit_gate_ns: 35, two_qubit_gate_ns: 300}",
            profile: relaxation(50, 100.0.nextUp), qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "thermal_relaxation: {t1_us: 0, t2_us: 0, one_qubit_gate_ns: 35, two_qubit_gate_ns: 300}",
            profile: relaxation(0, 0), qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "thermal_relaxation: {t1_us: 50, t2_us: 0, one_qubit_gate_ns: 35, two_qubit_gate_ns: 300}",
            profile: relaxation(50, 0), qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "thermal_relaxation: {t1_us: 50, t2_us: 60, one_qubit_gate_ns: -1, two_qubit_gate_ns: 300}",
            profile: relaxation(50, 60, -1), qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "readout: {prob_meas1_prep0: 1, prob_meas0_prep1: 0}",
            profile: NoiseProfile(readout: .init(probMeas1Prep0: 1, probMeas0Prep1: 0)),
            qubitCount: 1, decoderAccepts: true, validateAccepts: true),
        Case(
            yaml: "readout: {prob_meas1_prep0: 1.01}", profile: NoiseProfile(readout: .init(probMeas1Prep0: 1.01, probMeas0Prep1: 0)),
            qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "qubits: {3: {thermal_relaxation: {t1_us: 100, t2_us: 201, one_qubit_gate_ns: 35, two_qubit_gate_ns: 300}}}",
            profile: NoiseProfile(qubits: [3: .init(thermalRelaxation: relaxation(100, 201).thermalRelaxation)]),
            qubitCount: 4, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "qubits: {3: {readout: {prob_meas1_prep0: 0.1}}}",
            profile: NoiseProfile(qubits: [3: .init(readout: .init(probMeas1Prep0: 0.1, probMeas0Prep1: 0))]),
            qubitCount: 4, decoderAccepts: true, validateAccepts: true),
        // Found reviewing what Fuzz/noise checks: an override that switches the convention to pauli
        // inherits the global λ = 1.2, which is p > 1; the decoder accepted it, validate rejected it.
        Case(
            yaml: "depolarizing: {one_qubit: 1.2}\nqubits: {0: {depolarizing: {convention: pauli}}}",
            profile: NoiseProfile(depolarizing: .init(oneQubit: 1.2), qubits: [0: .init(depolarizing: .init(oneQubit: 1.2, convention: .pauli))]),
            qubitCount: 1, decoderAccepts: false, validateAccepts: false),
        Case(
            yaml: "depolarizing: {one_qubit: 0.9, two_qubit: 0.9, convention: pauli}\nqubits: {0: {depolarizing: {convention: lambda}}}",
            profile: NoiseProfile(
                depolarizing: .init(oneQubit: 0.9, twoQubit: 0.9, convention: .pauli),
                qubits: [0: .init(depolarizing: .init(oneQubit: 0.9, twoQubit: 0.9, convention: .lambda))]),
            qubitCount: 1, decoderAccepts: true, validateAccepts: true),
        // By design: the decoder does not know the circuit, so only validate checks override indices.
        Case(
            yaml: "qubits: {3: {readout: {prob_meas1_prep0: 0.1}}}",
            profile: NoiseProfile(qubits: [3: .init(readout: .init(probMeas1Prep0: 0.1, probMeas0Prep1: 0))]),
            qubitCount: 3, decoderAccepts: true, validateAccepts: false),
        // Discrepancy: the decoder also caps T1 and T2 at 1e9 µs and gate times at 1e12 ns (sanity
        // bounds, not physical ones); validate asks only for finite values.
        Case(
            yaml: "thermal_relaxation: {t1_us: 2e9, t2_us: 80, one_qubit_gate_ns: 35, two_qubit_gate_ns: 300}",
            profile: relaxation(2e9, 80), qubitCount: 1, decoderAccepts: false, validateAccepts: true),
        Case(
            yaml: "thermal_relaxation: {t1_us: 100, t2_us: 80, one_qubit_gate_ns: 35, two_qubit_gate_ns: 2e12}",
            profile: relaxation(100, 80, 35, 2e12), qubitCount: 1, decoderAccepts: false, validateAccepts: true),
    ]

    @Test(arguments: cases)
    func sameVerdict(_ entry: Case) {
        let decoded = try? NoiseProfileDecoder.decode(yaml: entry.yaml, file: "noise.yaml")
        #expect((decoded != nil) == entry.decoderAccepts)
        if let decoded { #expect(decoded == entry.profile) }
        let valid = (try? entry.profile.validate(qubitCount: entry.qubitCount)) != nil
        #expect(valid == entry.validateAccepts)
    }
}
