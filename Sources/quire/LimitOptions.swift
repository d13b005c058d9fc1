import ArgumentParser
import Quire

/// Resource limits a user may raise on the command line; a document never can.
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-memory-gib"),
        help:
            "Most memory, in GiB, a block may need: a simulator state, or an experiment's data, kernel matrices and baselines per repeat (estimated before it starts)."
    )
    var maxMemoryGiB: Double = 8

    @Option(name: .customLong("max-shots"), help: "Most shots a block may request.")
    var maxShots: Int = 10_000_000

    @Option(name: .customLong("max-sweep-points"), help: "Most points an experiment's sweep may have.")
    var maxSweepPoints: Int = 1_000

    @Option(
        name: .customLong("max-circuit-evaluations"), help: "Most circuit evaluations an experiment's training may need (estimated before it starts)."
    )
    var maxCircuitEvaluations: Int = 100_000_000

    @Option(
        name: .customLong("max-baseline-operations"),
        help: "Most arithmetic operations an experiment's classical baselines may need to tune (estimated before they start).")
    var maxBaselineOperations: Int = 100_000_000_000_000

    /// Every limit must be positive and at most a sane maximum (finite for the memory).
    func validate() throws {
        guard maxMemoryGiB > 0 else { throw ValidationError("--max-memory-gib must be greater than 0, not \(maxMemoryGiB).") }
        try OptionRange.require(maxMemoryGiB, in: 0...1024, "--max-memory-gib", unit: " GiB")
        try OptionRange.require(maxShots, in: 1...1_000_000_000_000, "--max-shots")
        try OptionRange.require(maxSweepPoints, in: 1...1_000_000, "--max-sweep-points")
        try OptionRange.require(maxCircuitEvaluations, in: 1...1_000_000_000_000_000, "--max-circuit-evaluations")
        try OptionRange.require(maxBaselineOperations, in: 1...1_000_000_000_000_000_000, "--max-baseline-operations")
    }

    /// The limits these options set.
    var limits: Limits {
        var limits = Limits()
        limits.memoryBytes = Int(maxMemoryGiB * Double(1 << 30))
        limits.shots = maxShots
        limits.sweepPoints = maxSweepPoints
        limits.circuitEvaluations = maxCircuitEvaluations
        limits.baselineOperations = maxBaselineOperations
        return limits
    }
}
