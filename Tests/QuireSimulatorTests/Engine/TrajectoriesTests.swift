import Testing

@testable import QuireSimulator

/// The trajectories engine converges to the density matrix and does not depend on the thread count.
struct TrajectoriesTests {
    /// Each probability is a mean of T values in [0, 1] with mean p, so its standard deviation is at
    /// most √(p(1−p)/T) (Bhatia–Davis); we allow 5 of them plus 1e-12.
    static func withinBound(_ estimate: [Double], _ exact: [Double], trajectories: Int) -> Bool {
        zip(estimate, exact).allSatisfy { e, p in
            let q = min(1, max(0, p))  // references carry rounding residue such as −1e-17
            return abs(e - p) <= 5 * (q * (1 - q) / Double(trajectories)).squareRoot() + 1e-12
        }
    }

    @Test func convergesToDensityMatrixWithDepolarizingNoise() throws {
        let reference = ReferenceData.circuits["depolarizing"]![0]
        let noise = NoiseProfile(depolarizing: .init(oneQubit: 0.05, twoQubit: 0.15))
        let exact = try Simulator.run(reference.circuit, options: SimulationOptions(method: .densityMatrix, noise: noise)).probabilities
        let options = SimulationOptions(method: .trajectories, seed: 99, noise: noise, trajectories: 2000)
        let sampled = try Simulator.run(reference.circuit, options: options).probabilities
        #expect(Self.withinBound(sampled, exact, trajectories: 2000))
        #expect(maxDifference(sampled, exact) > 0)  // really sampled, not exact
        var twoThreads = options
        twoThreads.threads = 2
        #expect(try Simulator.run(reference.circuit, options: twoThreads).probabilities == sampled)
    }

    @Test(arguments: ReferenceData.circuits["midcircuit"]!)
    func midCircuitConverges(_ reference: ReferenceData.CircuitCase) throws {
        let options = SimulationOptions(method: .trajectories, seed: 5, trajectories: 3000)
        #expect(
            Self.withinBound(
                try Simulator.run(reference.circuit, options: options).probabilities,
                reference.probabilities, trajectories: 3000))
    }

    @Test func seedChangesTheSample() throws {
        let circuit = makeCircuit(qubits: 2, [gate(.h, 0), gate(.cx, 0, 1)])
        let noise = NoiseProfile(depolarizing: .init(oneQubit: 0.2, twoQubit: 0.3))
        let a = try Simulator.run(circuit, options: SimulationOptions(method: .trajectories, seed: 1, noise: noise, trajectories: 64))
        let b = try Simulator.run(circuit, options: SimulationOptions(method: .trajectories, seed: 2, noise: noise, trajectories: 64))
        #expect(a.probabilities != b.probabilities)
    }
}

/// Expectation values through `Simulator.expectations` agree across the three engines.
struct ExpectationAcrossEnginesTests {
    @Test func trajectoriesConvergeToDensityMatrixExpectations() throws {
        let reference = ReferenceData.circuits["depolarizing"]![1]
        let noise = NoiseProfile(depolarizing: .init(oneQubit: 0.05, twoQubit: 0.1))
        let observables = try ["ZZIII", "IXIYI", "IIIIZ"].map { label throws(SimulationError) in try PauliString(label) }
        let exact = try Simulator.expectations(
            of: observables, circuit: reference.circuit,
            options: SimulationOptions(method: .densityMatrix, noise: noise))
        let sampled = try Simulator.expectations(
            of: observables, circuit: reference.circuit,
            options: SimulationOptions(method: .trajectories, seed: 3, noise: noise, trajectories: 2000))
        // Per-trajectory values lie in [−1, 1]: standard deviation of the mean ≤ 1/√T; allow 5 of them.
        for (e, s) in zip(exact, sampled) { #expect(abs(e - s) <= 5 / 2000.0.squareRoot()) }
        let ideal = try Simulator.expectations(of: observables, circuit: reference.circuit, options: SimulationOptions())
        let idealDensity = try Simulator.expectations(
            of: observables, circuit: reference.circuit,
            options: SimulationOptions(method: .densityMatrix))
        #expect(maxDifference(ideal, idealDensity) <= 1e-12)
    }
}
