import Foundation
import QuireCircuitTestSupport
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

/// Shot-based evaluation drawn from exact values (`ShotSampler`, `ShotEngineChoice`): the estimate's
/// statistics against the binomial law, the engine choice, and training's independence of the
/// thread count (the exact shifted values are checked in `ShiftedExpectationTests`).
struct ShotSamplingTests {
    /// The estimate 2k/N − 1 of ⟨O⟩ = E from N shots is unbiased with variance (1 − E²)/N (binomial):
    /// over M = 4000 evaluation keys the sample mean lies within 5 standard errors √((1 − E²)/(N·M))
    /// of E, and the sample variance within 5 of its standard errors (≈ √(2/(M − 1)) relative, the
    /// normal approximation; a binomial with N = 200 is close to normal) of (1 − E²)/N.
    @Test(arguments: [0.0, 0.37, -0.9])
    func estimatesFollowTheBinomialLaw(exact: Double) {
        let (shots, m) = (200, 4000)
        let sampler = ShotSampler(shots: shots, seed: 42)
        let estimates = (0..<m).map { sampler.estimate(exact, key: UInt64($0), index: 3) }
        let mean = estimates.reduce(0, +) / Double(m)
        let variance = estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m - 1)
        let expected = (1 - exact * exact) / Double(shots)
        #expect(abs(mean - exact) <= 5 * (expected / Double(m)).squareRoot(), "mean \(mean)")
        #expect(abs(variance - expected) <= 5 * expected * (2 / Double(m - 1)).squareRoot(), "variance \(variance) vs \(expected)")
        #expect(sampler.estimate(1, key: 0, index: 0) == 1 && sampler.estimate(-1, key: 0, index: 0) == -1)
    }

    /// The engine follows the recorded cost model: noiseless shots sample from the statevector, noisy
    /// ones up to 10 qubits from the density matrix, trajectories and larger registers run every
    /// circuit on the engine; no choice without shots.
    @Test func engineChoiceFollowsTheCostModel() throws {
        let model = try TrainingTests.moonsModel()
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.001, twoQubit: 0.01)
        var configuration = TrainingConfiguration(gradient: .parameterShift, execution: SimulationOptions(shots: 500))
        #expect(configuration.shotEngine(for: model.circuit)?.engine == "statevector-sampled")
        configuration.execution?.noise = noise
        let choice = try #require(configuration.shotEngine(for: model.circuit))
        #expect(choice.engine == "density-matrix-sampled" && choice.source == .densityMatrix)
        #expect(choice.candidates.map(\.name) == ["density-matrix-sampled", "engine (density-matrix, every circuit)"])
        #expect(choice.candidates[0].cost < choice.candidates[1].cost && choice.shots == 500 && choice.qubits == model.qubitCount)
        configuration.execution?.method = .trajectories
        #expect(configuration.shotEngine(for: model.circuit)?.source == .engine)
        configuration.execution?.shots = 0
        #expect(configuration.shotEngine(for: model.circuit) == nil)
    }

    /// Noisy shot-based training on the density-matrix path gives bit-identical parameters for 1, 2
    /// and 3 threads, and the circuit count of the engine path (1 + 2 per active trainable gate).
    @Test func noisyShotTrainingIsThreadIndependent() throws {
        let split = try TrainingTests.moons()
        let model = try TrainingTests.moonsModel()
        let train = split.train.selecting(Array(0..<12))
        let execution = SimulationOptions(shots: 300, seed: 5, noise: CircuitFixtures.mixedNoise())
        var configuration = TrainingConfiguration(epochs: 2, batchSize: 5, gradient: .parameterShift, execution: execution, seed: 3, threads: 1)
        let one = try VariationalTrainer.train(model, on: train, configuration: configuration)
        for threads in [2, 3] {
            configuration.threads = threads
            let other = try VariationalTrainer.train(model, on: train, configuration: configuration)
            #expect(other.parameters == one.parameters && other.lossHistory == one.lossHistory)
        }
        let trainable = model.circuit.gates.filter { $0.angle?.parameter != nil }.count
        #expect(one.circuitExecutions == 2 * (12 * (1 + 2 * trainable) + 12))
    }
}
