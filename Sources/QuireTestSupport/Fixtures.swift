/// Small documents that several test suites run.
public enum Fixtures {
    /// An experiment block `s` swept over two learning rates with two repeats of three epochs each
    /// (a 2-qubit variational model, no baselines): quick to run, and it reports progress at every
    /// level (block, sweep point, repeat, epoch).
    public static let sweepExperiment = """
        ```experiment id=s
        dataset: {name: moons, samples: 24, noise: 0.1, test_fraction: 0.25}
        encoding: {kind: angle, rotation: y}
        model: {kind: variational, qubits: 2, ansatz: strongly-entangling, layers: 1, observable: Z0}
        train: {optimizer: adam, learning_rate: 0.1, epochs: 3, batch_size: 6, gradient: adjoint}
        baselines: []
        repeat: 2
        sweep: {train.learning_rate: [0.1, 0.3]}
        ```

        """
}
