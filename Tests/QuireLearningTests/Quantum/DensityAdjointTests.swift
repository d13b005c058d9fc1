import Foundation
import QuireCircuitTestSupport
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

struct DensityAdjointTests {
    /// Noisy training picks the density-matrix path, whose adjoint and parameter-shift runs give the
    /// same parameters up to rounding after a few steps.
    @Test func noisyAdjointTrainingMatchesParameterShiftTraining() throws {
        let split = try TrainingTests.moons()
        let model = try TrainingTests.moonsModel()
        let train = split.train.selecting(Array(0..<12))
        let execution = SimulationOptions(method: .densityMatrix, noise: CircuitFixtures.mixedNoise())
        let adjoint = TrainingConfiguration(epochs: 1, batchSize: 6, gradient: .adjoint, execution: execution, seed: 4)
        #expect(adjoint.path(qubits: 4) == .densityMatrix)
        var shift = adjoint
        shift.gradient = .parameterShift
        let a = try VariationalTrainer.train(model, on: train, configuration: adjoint)
        let b = try VariationalTrainer.train(model, on: train, configuration: shift)
        #expect(allClose(a.parameters, b.parameters, tolerance: 1e-9))
        #expect(allClose(a.lossHistory, b.lossHistory, tolerance: 1e-10))
    }
}

extension DensityAdjointTests {
    /// The path follows the noise: none or all-zero → statevector, readout only → density matrix,
    /// shots → engine; an invalid profile is an error before anything runs.
    @Test func executionPathAndNoiseValidation() throws {
        var configuration = TrainingConfiguration(execution: SimulationOptions(noise: NoiseProfile()))
        #expect(configuration.path(qubits: 4) == .statevector)
        configuration.execution?.noise?.readout = .init(probMeas1Prep0: 0.01, probMeas0Prep1: 0.02)
        #expect(configuration.path(qubits: 4) == .densityMatrix)
        #expect(configuration.path(qubits: 11) == .engine)  // the density-matrix fast path stops at 10 qubits
        configuration.execution?.shots = 100
        #expect(configuration.path(qubits: 4) == .engine)
        var invalid = NoiseProfile()
        invalid.thermalRelaxation = .init(t1Microseconds: 10, t2Microseconds: 50, oneQubitGateNanoseconds: 50, twoQubitGateNanoseconds: 300)
        let split = try TrainingTests.moons()
        #expect(throws: SimulationError.self) {
            try VariationalTrainer.train(
                TrainingTests.moonsModel(), on: split.train, configuration: TrainingConfiguration(execution: SimulationOptions(noise: invalid)))
        }
    }
}
