import Testing

@testable import QuireSimulator

/// The noisy engines end to end against Qiskit Aer (noisy_circuits.json from
/// generate_noisy_circuits.py): depolarizing in both conventions, thermal relaxation, per-qubit
/// overrides and readout error on 2 to 5 qubits.
struct NoisyEngineConformanceTests {
    static let cases = NoisyCircuitsReference.shared.cases

    /// Density matrix, readout included, to 1e-10 (the reference agrees with a second qiskit
    /// computation to about 1e-14); threads 2 bit-identical.
    @Test func densityMatrixMatchesAer() throws {
        for entry in Self.cases {
            let options = SimulationOptions(method: .densityMatrix, noise: entry.profile.value)
            let result = try Simulator.run(entry.circuit, options: options)
            #expect(maxDifference(result.probabilities, entry.probabilities) <= 1e-10, "\(entry.name)")
            var two = options
            two.threads = 2
            #expect(try Simulator.run(entry.circuit, options: two).probabilities == result.probabilities, "\(entry.name)")
        }
    }

    /// Auto picks the density matrix for these small noisy circuits.
    @Test func autoUsesTheDensityMatrix() throws {
        let entry = Self.cases[0]
        #expect(try Simulator.run(entry.circuit, options: SimulationOptions(noise: entry.profile.value)).method == .densityMatrix)
    }

    /// Trajectories (thermal relaxation goes through the trial-by-trial Kraus choice) within five
    /// standard deviations of Aer, per probability (bound as in TrajectoriesTests).
    @Test func trajectoriesConvergeToAer() throws {
        for entry in Self.cases.prefix(6) {
            let options = SimulationOptions(method: .trajectories, seed: 17, noise: entry.profile.value, trajectories: 1500)
            let result = try Simulator.run(entry.circuit, options: options)
            #expect(TrajectoriesTests.withinBound(result.probabilities, entry.probabilities, trajectories: 1500), "\(entry.name)")
        }
    }
}
