import QuireCore
import QuireSimulator
import Testing

@testable import Quire

/// A per-qubit override lists only what differs for that qubit; the rest is the global value.
struct NoiseProfileOverrideTests {
    @Test func fieldsAnOverrideLeavesOutKeepTheGlobalValue() throws {
        let profile = try NoiseProfileDecoder.decode(
            yaml: """
                depolarizing: {one_qubit: 0.001, two_qubit: 0.01, convention: pauli}
                thermal_relaxation: {t1_us: 100, t2_us: 80, one_qubit_gate_ns: 35, two_qubit_gate_ns: 300}
                readout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}
                qubits:
                  2:
                    depolarizing: {one_qubit: 0.003}
                    thermal_relaxation: {t1_us: 50}
                    readout: {prob_meas0_prep1: 0.1}
                """, file: "n.yaml")
        let override = try #require(profile.qubits[2])
        #expect(override.depolarizing == .init(oneQubit: 0.003, twoQubit: 0.01, convention: .pauli))
        #expect(
            override.thermalRelaxation == .init(t1Microseconds: 50, t2Microseconds: 80, oneQubitGateNanoseconds: 35, twoQubitGateNanoseconds: 300))
        #expect(override.readout == .init(probMeas1Prep0: 0.02, probMeas0Prep1: 0.1))
    }

    @Test func anInheritedT2AboveTwiceAnOverriddenT1IsRejectedAtTheOverride() {
        #expect {
            _ = try NoiseProfileDecoder.decode(
                yaml: """
                    thermal_relaxation: {t1_us: 100, t2_us: 150, one_qubit_gate_ns: 35, two_qubit_gate_ns: 300}
                    qubits:
                      0:
                        thermal_relaxation: {t1_us: 60}
                    """, file: "n.yaml")
        } throws: { error in
            (error as? any InputError)?.description.contains("n.yaml:4:25") == true && "\(error)".contains("2·T1 = 120")
        }
    }

    @Test func anOverrideWithoutAGlobalValueStillNeedsEveryRelaxationField() {
        #expect(throws: (any Error).self) {
            _ = try NoiseProfileDecoder.decode(yaml: "qubits: {0: {thermal_relaxation: {t1_us: 60}}}", file: "n.yaml")
        }
    }
}
