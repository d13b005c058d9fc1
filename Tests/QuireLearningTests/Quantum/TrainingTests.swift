import Foundation
import QuireCircuitTestSupport
import QuireCore
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

struct TrainingTests {
    /// The moons block: 200 samples, noise 0.1, 30 % test, min-max to [0, π].
    static func moons() throws -> TrainTestSplit {
        let data = try MoonsParameters(samples: 200, noise: 0.1).generate(RandomStream(seed: 11, purpose: "dataset"))
        return try TrainTestSplit.stratified(data, testFraction: 0.3, stream: RandomStream(seed: 11, purpose: "split"))
            .scaled(.minMax(lower: 0, upper: .pi))
    }

    static func moonsModel() throws -> VariationalModel {
        try VariationalModel(
            encoding: Encoding(.angle(rotation: .y, scale: 1), featureCount: 2, qubitCount: 4),
            ansatz: .stronglyEntangling, layers: 2, observable: .z(qubit: 0))
    }

    /// Adam's first steps by hand: m̂₁ = g, v̂₁ = g², so θ₁ = θ₀ − α·g/(|g| + ε); SGD with momentum.
    @Test func optimizerSteps() {
        var adam = OptimizerState(.adam(learningRate: 0.1), count: 2)
        var theta = [1.0, -2.0]
        adam.update(&theta, gradient: [0.5, -4])
        #expect(allClose(theta, [1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 + 0.1 * 4 / (4 + 1e-8)], tolerance: 1e-15))
        adam.update(&theta, gradient: [1, 0])
        let m = 0.9 * 0.05 + 0.1
        let v = 0.999 * 0.00025 + 0.001
        let expected = 1 - 0.1 * 0.5 / (0.5 + 1e-8) - 0.1 * (m / (1 - 0.81)) / ((v / (1 - 0.999 * 0.999)).squareRoot() + 1e-8)
        #expect(isClose(theta[0], expected, tolerance: 1e-14))
        var sgd = OptimizerState(.sgd(learningRate: 0.5, momentum: 0.9), count: 1)
        var x = [0.0]
        sgd.update(&x, gradient: [1])
        sgd.update(&x, gradient: [1])
        #expect(isClose(x[0], -0.5 - 0.5 * 1.9, tolerance: 1e-15))
    }

    /// The batch gradient (adjoint through loss and bias) equals central differences of the batch loss.
    @Test(arguments: ClassifierLoss.allCases)
    func batchGradientIsTheLossGradient(loss: ClassifierLoss) throws {
        let split = try Self.moons()
        let model = try Self.moonsModel()
        let inputs = try model.encoding.inputs(forRows: split.train.features)
        let labels = split.train.labels.map { $0 == 1 ? 1.0 : -1.0 }
        let evaluator = VariationalEvaluator(model: model, configuration: TrainingConfiguration())
        var configuration = TrainingConfiguration(loss: loss)
        configuration.seed = 3
        let theta = VariationalTrainer.initialParameters(count: model.parameterCount, seed: 3).enumerated().map { $1 + 0.01 * Double($0) }
        let batch = Array(0..<16)
        let gradient = try VariationalTrainer.batchGradient(
            batch, inputs: inputs, labels: labels, parameters: theta, evaluator: evaluator, configuration: configuration, step: 0)
        let h = 1e-5
        for k in [0, 7, 23, model.parameterCount - 1] {
            var plus = theta
            var minus = theta
            plus[k] += h
            minus[k] -= h
            let up = try VariationalTrainer.meanLoss(
                batch, inputs: inputs, labels: labels, parameters: plus, evaluator: evaluator, loss: loss, key: 0)
            let down = try VariationalTrainer.meanLoss(
                batch, inputs: inputs, labels: labels, parameters: minus, evaluator: evaluator, loss: loss, key: 0)
            #expect(isClose(gradient[k], (up - down) / (2 * h), tolerance: 1e-6))
        }
    }

    /// Training learns the moons (the loss falls and the test accuracy reaches 70 %, chance being 50 %), and the result
    /// is bit-identical for 1 and 2 threads.
    @Test func trainingIsDeterministicAndLearns() throws {
        let split = try Self.moons()
        let model = try Self.moonsModel()
        let one = try VariationalTrainer.train(model, on: split.train, configuration: TrainingConfiguration(seed: 5, threads: 1))
        let two = try VariationalTrainer.train(model, on: split.train, configuration: TrainingConfiguration(seed: 5, threads: 2))
        #expect(one.parameters == two.parameters && one.lossHistory == two.lossHistory)
        #expect(one.lossHistory.count == 30 && one.lossHistory.last! < 0.6 * one.lossHistory.first!)
        #expect(one.circuitExecutions == 30 * (split.train.sampleCount + split.train.sampleCount) && one.shotsUsed == 0)
        #expect(one.accuracy(on: split.test) >= 0.7, "test accuracy \(one.accuracy(on: split.test))")
        let other = try VariationalTrainer.train(model, on: split.train, configuration: TrainingConfiguration(seed: 6, threads: 1))
        #expect(other.parameters != one.parameters)
    }

    /// Parameter shift on the density-matrix engine with noise and shots, and SPSA, both run
    /// deterministically; adjoint is refused where it cannot apply.
    @Test func noisyAndStochasticTraining() throws {
        let split = try Self.moons()
        let model = try VariationalModel(
            encoding: Encoding(.angle(rotation: .y, scale: 1), featureCount: 2), ansatz: .hardwareEfficient(entanglement: .line),
            layers: 1, observable: .parity)
        let train = split.train.selecting(Array(0..<24))
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.001, twoQubit: 0.01)
        let noisy = TrainingConfiguration(
            epochs: 2, batchSize: 8, gradient: .parameterShift,
            execution: SimulationOptions(method: .densityMatrix, shots: 200, seed: 9, noise: noise), seed: 1, threads: 2)
        let a = try VariationalTrainer.train(model, on: train, configuration: noisy)
        // Per epoch: 24 samples × (1 + 2 × 4 shifted circuits) for gradients, 24 for the loss curve.
        #expect(a.circuitExecutions == 2 * (24 * 9 + 24) && a.shotsUsed == 200 * a.circuitExecutions)
        var serial = noisy
        serial.threads = 1
        #expect(a.parameters == (try VariationalTrainer.train(model, on: train, configuration: serial)).parameters)
        let spsa = TrainingConfiguration(optimizer: .spsa(learningRate: 0.2), epochs: 5, batchSize: 8, gradient: .spsa(perturbation: 0.1), seed: 2)
        let b = try VariationalTrainer.train(model, on: train, configuration: spsa)
        #expect(b.parameters == (try VariationalTrainer.train(model, on: train, configuration: spsa)).parameters)
        var bad = noisy
        bad.gradient = .adjoint
        #expect(throws: LearningError.self) { try VariationalTrainer.train(model, on: train, configuration: bad) }
    }

    /// Re-uploading repeats the encoding before each layer.
    @Test func reuploadingInterleavesEncodingAndLayers() throws {
        let model = try VariationalModel(
            encoding: Encoding(.reupload(rotation: .x, scale: 1), featureCount: 2), ansatz: .hardwareEfficient(entanglement: .ring),
            layers: 3, observable: .z(qubit: 1))
        let names = model.circuit.gates.map(\.gate.rawValue)
        #expect(names.filter { $0 == "rx" }.count == 6 && names.first == "rx" && names[2] == "ry")
        #expect(model.resources.parameters == 3 * 4 + 1)
    }
}

extension TrainingTests {
    /// The bound model circuit on the statevector engine gives the fast path's ⟨Z0⟩ (1e-12).
    @Test func boundCircuitAgreesWithTheFastPath() throws {
        let model = try Self.moonsModel()
        let theta = VariationalTrainer.initialParameters(count: model.parameterCount, seed: 8)
        let circuit = try model.boundCircuit(parameters: theta, features: [0.3, 2.1])
        let engine = try ExpectationEstimator(options: SimulationOptions(method: .statevector), observable: .z(qubit: 0))
            .expectation(of: circuit, key: 0, index: 0)
        let (fast, _) = CircuitFixtures.adjointGradient(model.circuit, Array(theta.dropLast()), [0.3, 2.1], zMask: 1)
        #expect(isClose(engine, fast, tolerance: 1e-12))
    }
}
