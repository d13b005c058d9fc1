import QuireSimulator
import QuireTestSupport
import Testing

/// What can be checked of the noisy-circuit reference before engines exist: its circuits use Quire's
/// gate table, its profiles are valid, and Quire's readout confusion turns Aer's diagonal into the
/// recorded probabilities (per-qubit overrides on up to 5 qubits; numpy did the same independently).
@Suite struct NoisyCircuitsReferenceTests {
    @Test func casesAreWellFormed() {
        let cases = NoisyCircuitsReference.shared.cases
        #expect(cases.count == 24)
        for entry in cases {
            #expect((2...5).contains(entry.qubits))
            for op in entry.ops {
                let gate = StandardGate(rawValue: op.gate)
                #expect(gate?.qubitCount == op.qubits.count, "\(entry.name): \(op.gate)")
                #expect(gate?.parameterCount == op.params.count, "\(entry.name): \(op.gate)")
            }
            #expect(entry.circuit.qubitCount == entry.qubits)
            #expect(throws: Never.self, "\(entry.name)") { try entry.profile.value.validate(qubitCount: entry.qubits) }
            #expect(isClose(entry.probabilities.reduce(0, +), 1, tolerance: 1e-12))
        }
    }

    @Test func readoutMatchesNumpy() {
        // Tolerance 1e-15: up to five passes of two products each on values ≤ 1.
        for entry in NoisyCircuitsReference.shared.cases {
            var probabilities = entry.probabilitiesBeforeReadout
            NoiseModel(profile: entry.profile.value).applyReadout(to: &probabilities, qubitCount: entry.qubits)
            #expect(allClose(probabilities, entry.probabilities, tolerance: 1e-15), "\(entry.name)")
        }
    }
}
