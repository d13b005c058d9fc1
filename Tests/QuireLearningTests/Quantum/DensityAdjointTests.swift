import Foundation
import QuireKernels
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

struct DensityAdjointTests {
    /// Depolarizing (both sizes), thermal relaxation and readout error with a per-qubit override.
    static func noise() -> NoiseProfile {
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.01, twoQubit: 0.03)
        noise.thermalRelaxation = .init(t1Microseconds: 60, t2Microseconds: 50, oneQubitGateNanoseconds: 50, twoQubitGateNanoseconds: 400)
        noise.readout = .init(probMeas1Prep0: 0.02, probMeas0Prep1: 0.04)
        noise.qubits = [2: .init(readout: .init(probMeas1Prep0: 0.07, probMeas0Prep1: 0.01))]
        return noise
    }

    /// The density-matrix fast path gives the density-matrix engine's ⟨O⟩ (1e-12), and its adjoint
    /// gradient equals parameter shift on that engine (1e-10): independent code paths (kernels and
    /// superoperators here, Kraus maps and gate matrices there) agreeing on noisy random circuits.
    @Test(arguments: 0..<6)
    func densityAdjointEqualsParameterShiftOnTheEngine(seed: Int) throws {
        let circuit = try GradientTests.randomCircuit(seed: UInt64(100 + seed))
        let theta = uniforms(5, seed: UInt64(seed), purpose: "theta", in: -3...3)
        let inputs = uniforms(2, seed: UInt64(seed), purpose: "inputs") + [Double(seed % 2)]
        let options = SimulationOptions(method: .densityMatrix, noise: Self.noise())
        for observable in [ReadoutObservable.z(qubit: seed % 3), .parity] {
            let density = CompiledDensityCircuit(circuit: circuit, noise: NoiseModel(profile: Self.noise()), zMask: observable.zMask(qubits: 3))
            let rho = AmplitudeBuffer(qubitCount: 6)
            let adjoint = AmplitudeBuffer(qubitCount: 6)
            let snapshots = UnsafeMutablePointer<Double>.allocate(capacity: max(1, density.trainableGates * 2 * 64))
            defer { snapshots.deallocate() }
            var gradient = [Double](repeating: .nan, count: 5)
            let value = theta.withUnsafeBufferPointer { t in
                inputs.withUnsafeBufferPointer { u in
                    gradient.withUnsafeMutableBufferPointer {
                        density.adjointGradient(parameters: t, inputs: u, rho: rho, adjoint: adjoint, snapshots: snapshots, gradient: $0)
                    }
                }
            }
            let estimator = ExpectationEstimator(options: options, observable: observable)
            #expect(
                isClose(value, try estimator.expectation(of: circuit.bind(parameters: theta, inputs: inputs), key: 0, index: 0), tolerance: 1e-12))
            let shift = try circuit.parameterShiftGradient(parameters: theta, inputs: inputs) { try estimator.expectation(of: $0, key: 0, index: $1) }
            #expect(allClose(gradient, shift, tolerance: 1e-10), "adjoint \(gradient) vs shift \(shift)")
        }
    }

    /// Noisy training picks the density-matrix path, whose adjoint and parameter-shift runs give the
    /// same parameters up to rounding after a few steps.
    @Test func noisyAdjointTrainingMatchesParameterShiftTraining() throws {
        let split = try TrainingTests.moons()
        let model = try TrainingTests.moonsModel()
        let train = split.train.selecting(Array(0..<12))
        let execution = SimulationOptions(method: .densityMatrix, noise: Self.noise())
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
        #expect(throws: NoiseProfileError.self) {
            try VariationalTrainer.train(
                TrainingTests.moonsModel(), on: split.train, configuration: TrainingConfiguration(execution: SimulationOptions(noise: invalid)))
        }
    }
}
