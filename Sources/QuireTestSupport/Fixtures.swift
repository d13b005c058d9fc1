/// Small documents that several test suites run.
public enum Fixtures {
    /// An experiment block `id` of a 2-qubit variational model on moons (angle encoding, one
    /// strongly entangling layer, Adam at 0.1 with adjoint gradients, two repeats) beside
    /// `baselines`; `extra` adds lines after `repeat` (a sweep, a report), each ending in a newline.
    public static func variationalExperiment(
        id: String, dataset: String, epochs: Int, batchSize: Int, baselines: String = "[logistic-regression]", extra: String = ""
    ) -> String {
        """
        ```experiment id=\(id)
        dataset: {name: moons, \(dataset)}
        encoding: {kind: angle, rotation: y}
        model: {kind: variational, qubits: 2, ansatz: strongly-entangling, layers: 1, observable: Z0}
        train: {optimizer: adam, learning_rate: 0.1, epochs: \(epochs), batch_size: \(batchSize), gradient: adjoint}
        baselines: \(baselines)
        repeat: 2
        \(extra)```

        """
    }

    /// An experiment block `s` swept over two learning rates with two repeats of three epochs each
    /// (a 2-qubit variational model, no baselines): quick to run, and it reports progress at every
    /// level (block, sweep point, repeat, epoch).
    public static let sweepExperiment = variationalExperiment(
        id: "s", dataset: "samples: 24, noise: 0.1, test_fraction: 0.25", epochs: 3, batchSize: 6, baselines: "[]",
        extra: "sweep: {train.learning_rate: [0.1, 0.3]}\n")
}
