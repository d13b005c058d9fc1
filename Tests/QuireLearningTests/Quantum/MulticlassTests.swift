import Foundation
import QuireCore
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

/// Multi-class variational classifiers: the softmax readout (its loss and gradients) and one-vs-rest.
struct MulticlassTests {
    /// Blobs with `centers` centres in two features, 30 % test, min-max to [0, π].
    static func blobs(centers: Int, samples: Int = 90) throws -> TrainTestSplit {
        let data = try BlobsParameters(samples: samples, centers: centers, features: 2, clusterStd: 1).generate(
            RandomStream(seed: 21, purpose: "dataset"))
        return try TrainTestSplit.stratified(data, testFraction: 0.3, stream: RandomStream(seed: 21, purpose: "split"))
            .scaled(.minMax(lower: 0, upper: .pi))
    }

    static func model(qubits: Int, layers: Int = 2) throws -> VariationalModel {
        try VariationalModel(
            encoding: Encoding(.angle(rotation: .y, scale: 1), featureCount: 2, qubitCount: qubits),
            ansatz: .stronglyEntangling, layers: layers, observable: .z(qubit: 0))
    }

    /// By hand: equal logits give p = 1/k and ℓ = log k; a shift of every logit changes nothing;
    /// the derivative is p − onehot and matches central differences of the loss.
    @Test func softmaxCrossEntropyByHand() {
        #expect(isClose(SoftmaxCrossEntropy.value(logits: [0, 0, 0], label: 1), log(3), tolerance: 1e-15))
        #expect(allClose(SoftmaxCrossEntropy.derivative(logits: [0, 0, 0], label: 1), [1.0 / 3, -2.0 / 3, 1.0 / 3], tolerance: 1e-15))
        let logits = [0.3, -1.2, 2.5, 0.1]
        let p = [exp(0.3), exp(-1.2), exp(2.5), exp(0.1)].map { $0 / (exp(0.3) + exp(-1.2) + exp(2.5) + exp(0.1)) }
        #expect(allClose(SoftmaxCrossEntropy.probabilities(logits), p, tolerance: 1e-15))
        #expect(isClose(SoftmaxCrossEntropy.value(logits: logits, label: 3), -log(p[3]), tolerance: 1e-14))
        // Logits far past exp's range stay finite thanks to the max shift.
        #expect(isClose(SoftmaxCrossEntropy.value(logits: [1000, 0], label: 1), 1000, tolerance: 1e-12))
        let h = 1e-6
        let gradient = SoftmaxCrossEntropy.derivative(logits: logits, label: 2)
        for c in logits.indices {
            var plus = logits
            var minus = logits
            plus[c] += h
            minus[c] -= h
            let central = (SoftmaxCrossEntropy.value(logits: plus, label: 2) - SoftmaxCrossEntropy.value(logits: minus, label: 2)) / (2 * h)
            #expect(isClose(gradient[c], central, tolerance: 1e-8))
        }
    }

    /// The softmax objective's batch gradient (θ and every class bias) equals central differences of
    /// its batch loss: adjoint on the statevector, adjoint on the noisy density matrix, and parameter
    /// shift on the density-matrix engine. Every evaluation is exact, so central differences with
    /// h = 1e-5 are good to ~1e-9; 1e-6 is a safe bound.
    @Test(arguments: [0, 1, 2])
    func softmaxGradientIsTheLossGradient(setting: Int) throws {
        let split = try Self.blobs(centers: 3)
        let model = try Self.model(qubits: 3, layers: 1)
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.01, twoQubit: 0.03)
        let noisy = SimulationOptions(method: .densityMatrix, noise: noise)
        let configuration = [
            TrainingConfiguration(seed: 4),
            TrainingConfiguration(execution: noisy, seed: 4),
            TrainingConfiguration(gradient: .parameterShift, execution: noisy, seed: 4),
        ][setting]
        let evaluators = try (0..<3).map { VariationalEvaluator(model: try model.reading(.z(qubit: $0)), configuration: configuration) }
        let objective = SoftmaxObjective(
            evaluators: evaluators, inputs: try model.encoding.inputs(forRows: split.train.features), labels: split.train.labels, scale: 2)
        let p = model.circuit.parameterCount
        let parameters =
            uniforms(p, seed: UInt64(setting), purpose: "theta", in: -3...3) + uniforms(3, seed: UInt64(setting), purpose: "bias")
        let batch = Array(0..<12)
        let gradient = try objective.gradient(batch, parameters: parameters, configuration: configuration, step: 0)
        #expect(gradient.count == p + 3)
        let h = 1e-5
        for k in [0, 5, p - 1, p, p + 1, p + 2] {
            var plus = parameters
            var minus = parameters
            plus[k] += h
            minus[k] -= h
            let central =
                (try objective.meanLoss(batch, parameters: plus, key: 0) - objective.meanLoss(batch, parameters: minus, key: 0)) / (2 * h)
            #expect(isClose(gradient[k], central, tolerance: 1e-6), "parameter \(k): \(gradient[k]) vs \(central)")
        }
    }

    /// Softmax training learns three and four blobs (85 % and 65 % test accuracy after 15 epochs,
    /// chance being 1/3 and 1/4; four blobs overlap more), bit-identically for 1 and 2 threads; its outputs are s·f_c = logits, so its probabilities are softmax(s·f).
    @Test(arguments: [3, 4])
    func softmaxLearnsBlobs(centers: Int) throws {
        let split = try Self.blobs(centers: centers, samples: 30 * centers)
        let model = try Self.model(qubits: centers)
        let configuration = TrainingConfiguration(epochs: 15, seed: 5)
        let one = try MulticlassTrainer.train(model, readout: .softmax(scale: 2), on: split.train, configuration: configuration)
        var parallel = configuration
        parallel.threads = 2
        let two = try MulticlassTrainer.train(model, readout: .softmax(scale: 2), on: split.train, configuration: parallel)
        #expect(one.parameters == two.parameters && one.lossHistory == two.lossHistory)
        #expect(one.classCount == centers && one.parameters.count == model.circuit.parameterCount + centers)
        #expect(one.lossHistory.last! < 0.7 * one.lossHistory.first!, "\(one.lossHistory)")
        #expect(one.accuracy(on: split.test) >= (centers == 3 ? 0.85 : 0.65), "test accuracy \(one.accuracy(on: split.test))")
        // Per epoch: k adjoint passes per training sample, and k evaluations each for the loss curve.
        #expect(one.circuitExecutions == 15 * 2 * centers * split.train.sampleCount)
        let probabilities = try #require(one.probabilities(split.test.features))
        let outputs = try one.outputs(split.test.features)
        for row in [0, 5] {
            let logits = (0..<centers).map { 2 * outputs[row, $0] }
            #expect(allClose((0..<centers).map { probabilities[row, $0] }, SoftmaxCrossEntropy.probabilities(logits), tolerance: 1e-15))
        }
    }

    /// One-vs-rest: k two-class models, model c exactly the one `VariationalTrainer` trains alone for
    /// class c against the rest with its derived seed (so no model depends on another); it learns
    /// three blobs on two qubits, which softmax could not take.
    @Test func oneVsRestTrainsSeededBinaryModels() throws {
        let split = try Self.blobs(centers: 3)
        let model = try Self.model(qubits: 2)
        let configuration = TrainingConfiguration(epochs: 10, seed: 6)
        let trained = try MulticlassTrainer.train(model, readout: .oneVsRest, on: split.train, configuration: configuration)
        var alone = configuration
        alone.seed = RandomStream(seed: 6, purpose: "one-vs-rest").uint64(at: 2)
        let rest = Dataset(features: split.train.features, labels: split.train.labels.map { $0 == 2 ? 1 : 0 }, classCount: 2)
        #expect(trained.members[2].parameters == (try VariationalTrainer.train(model, on: rest, configuration: alone)).parameters)
        #expect(trained.members[0].parameters != trained.members[1].parameters)
        #expect(trained.parameters.count == 3 * model.parameterCount && trained.resources.parameters == 3 * model.parameterCount)
        let mean = (0..<10).map { e in trained.members.reduce(0) { $0 + $1.lossHistory[e] } / 3 }
        #expect(trained.lossHistory == mean)
        #expect(trained.accuracy(on: split.test) >= 0.85, "test accuracy \(trained.accuracy(on: split.test))")
        let outputs = try trained.outputs(split.test.features)
        #expect(trained.predict(split.test.features) == TrainedMulticlassClassifier.argmax(outputs))
    }

    /// Ties go to the lowest class index.
    @Test func argmaxBreaksTiesTowardsTheLowestClass() {
        let outputs = Matrix(rows: 3, columns: 3, elements: [0.2, 0.2, 0.1, -1, 0.5, 0.5, 0, 0, 0.3])
        #expect(TrainedMulticlassClassifier.argmax(outputs) == [0, 1, 2])
    }

    /// The softmax readout needs a qubit per class, and a positive scale.
    /// Both readouts tell every optimizer step as it finishes, so the status line advances within an
    /// epoch: 21 training samples in batches of 8 are 3 steps an epoch; one-vs-rest's three models,
    /// trained one after another, number their steps 1…3, 4…6, 7…9 of 9 in each epoch.
    @Test func multiclassTrainingTellsEveryBatch() throws {
        let data = try Self.blobs(centers: 3, samples: 30).train
        #expect(data.sampleCount == 21)
        let configuration = TrainingConfiguration(epochs: 2, batchSize: 8, seed: 4)
        for readout in [MulticlassTrainer.Readout.softmax(scale: 2), .oneVsRest] {
            var steps: [[Int]] = []
            _ = try MulticlassTrainer.train(Self.model(qubits: 3, layers: 1), readout: readout, on: data, configuration: configuration) {
                _, _ in
            } batchFinished: {
                steps.append([$0, $1, $2])
            }
            let expected =
                readout == .oneVsRest
                ? (0..<3).flatMap { c in (1...2).flatMap { e in (1...3).map { [e, 3 * c + $0, 9] } } }
                : (1...2).flatMap { e in (1...3).map { [e, $0, 3] } }
            #expect(steps == expected, "\(readout)")
        }
    }

    @Test func softmaxRefusesTooFewQubitsAndABadScale() throws {
        let split = try Self.blobs(centers: 3)
        #expect(throws: LearningError.self) {
            try MulticlassTrainer.train(Self.model(qubits: 2), readout: .softmax(scale: 2), on: split.train, configuration: TrainingConfiguration())
        }
        #expect(throws: LearningError.self) {
            try MulticlassTrainer.train(Self.model(qubits: 3), readout: .softmax(scale: 0), on: split.train, configuration: TrainingConfiguration())
        }
    }

    /// Mitigated predictions of a multi-class model are the argmax of every class's mitigated
    /// output; with a noise-free readout profile the readout correction changes nothing.
    @Test func mitigatedPredictionsAreTheArgmaxOfMitigatedOutputs() throws {
        let split = try Self.blobs(centers: 3)
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.01, twoQubit: 0.02)
        let configuration = TrainingConfiguration(
            epochs: 2, execution: SimulationOptions(method: .densityMatrix, noise: noise), seed: 3)
        let trained = try MulticlassTrainer.train(
            Self.model(qubits: 3, layers: 1), readout: .softmax(scale: 2), on: split.train.selecting(Array(0..<20)), configuration: configuration)
        let test = split.test.features.selectingRows(Array(0..<6))
        let zne = ZeroNoiseExtrapolation(scaleFactors: [1, 3], folding: .global, extrapolation: .linear)
        let mitigated = try trained.mitigatedOutputs(test, zne: zne, readout: false)
        #expect(try trained.mitigatedPredictions(test, zne: zne, readout: false) == TrainedMulticlassClassifier.argmax(mitigated))
        let plain = try trained.mitigatedOutputs(test, zne: nil, readout: false)
        #expect(allClose(plain.elements, try trained.outputs(test).elements, tolerance: 1e-10))
    }
}
