import Dispatch
import QuireCore
import QuireLearning
import QuireSimulator

/// Issue 4's training benchmark: the moons block (4 qubits, angle-y encoding, 2 strongly
/// entangling layers, ⟨Z0⟩ + bias, 140 training points, 30 epochs, batch 16, Adam 0.05), noiseless
/// with adjoint gradients, and on a density matrix with depolarizing λ = 0.01 after every gate.
/// The PennyLane side is `qml/pennylane_moons.py` and `qml/pennylane_moons_noisy.py`.
enum LearningBenchmark {
    /// Trains both variants and prints seconds (best of 3) and the final loss.
    static func run() throws {
        let data = try MoonsParameters(samples: 200, noise: 0.1).generate(RandomStream(seed: 20_261_125, purpose: "dataset"))
        let split = try TrainTestSplit.stratified(data, testFraction: 0.3, stream: RandomStream(seed: 20_261_125, purpose: "split"))
            .scaled(.minMax(lower: 0, upper: 1))
        let model = try VariationalModel(
            encoding: Encoding(.angle(rotation: .y, scale: 1), featureCount: 2, qubitCount: 4),
            ansatz: .stronglyEntangling, layers: 2, observable: .z(qubit: 0))
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.01, twoQubit: 0.01)
        let variants: [(String, TrainingConfiguration)] = [
            ("noiseless adjoint", TrainingConfiguration(seed: 1, threads: 1)),
            (
                "density matrix λ=0.01 adjoint",
                TrainingConfiguration(execution: SimulationOptions(method: .densityMatrix, noise: noise), seed: 1, threads: 1)
            ),
        ]
        for (name, configuration) in variants {
            var loss = 0.0
            let seconds = try Stopwatch.median(repeats: 3) {
                loss = try VariationalTrainer.train(model, on: split.train, configuration: configuration).lossHistory.last!
            }
            print("qml: \(name): \(seconds) s (140 points, 30 epochs), final loss \(loss)")
        }
    }
}
