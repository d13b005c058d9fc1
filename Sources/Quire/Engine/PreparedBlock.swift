import QuireCore
import QuireMarkdown

/// A block whose spec is decoded and whose inputs are resolved, not yet executed.
///
/// Preparing is cheap (no simulation), so `quire check --stale` and the cache can compare what a
/// block would compute with what the document records without running anything.
struct PreparedBlock: Sendable {
    /// The block in the document.
    var block: RunnableBlock
    /// Provenance known before execution: canonical spec, effective seed, resolved inputs.
    var record: BlockRecord
    /// What the block's spec asks for that cannot be done and is left out (a report section that
    /// does not apply to the model), told on every run, cached or not.
    var warnings: [Diagnostic] = []
    /// Runs the block; the result's record is `record` completed with the engine.
    var execute: @Sendable (BlockExecution) throws -> BlockResult
    /// The units of work `execute` assembles its result from (an experiment's repeats of its sweep
    /// points), each cached on its own; empty for other blocks.
    var units: [PointUnit] = []
    /// Computes unit `i` of `units` alone and stores it in `BlockExecution.points` (`quire worker`).
    var computeUnit: (@Sendable (Int, BlockExecution) throws -> Void)?

    /// The digest of everything the block's result depends on: spec, seed, inputs, Quire version.
    var inputDigest: InputDigest { InputDigest(record: record) }
}

/// What a block may use while it executes, none of which changes its result: the run's worker
/// threads (an experiment spreads its sweep points and repeats over them) and a progress listener.
struct BlockExecution: Sendable {
    /// The worker threads of the whole run.
    var budget: JobBudget
    /// The memory of the whole run, which simulations and repeats reserve before they start.
    var memory: MemoryBudget
    /// Reports progress inside the block (epochs, finished repeats); called from any worker thread.
    var report: @Sendable (BlockProgress.Event) -> Void
    /// Hears every sweep point of an experiment block with its outcome (splits, chosen
    /// hyperparameters, trained models): set by `quire export --reproduce`, nil for a run.
    var reproduce: (@Sendable (ExperimentBlock.Point, ExperimentRunner.Outcome) -> Void)? = nil
    /// Where an experiment's units are cached (`nil`: computed every time).
    var points: PointCache?

    /// One thread, no progress: for tests and callers that run a single block.
    static let serial = BlockExecution(budget: JobBudget(jobs: 1)) { _ in }

    /// Work on `budget`'s threads and within `memory`, progress told to `report`, units cached in
    /// `points`, outcomes heard by `reproduce`.
    init(
        budget: JobBudget, memory: MemoryBudget = MemoryBudget(limit: Int.max), points: PointCache? = nil,
        report: @escaping @Sendable (BlockProgress.Event) -> Void,
        reproduce: (@Sendable (ExperimentBlock.Point, ExperimentRunner.Outcome) -> Void)? = nil
    ) {
        self.budget = budget
        self.memory = memory
        self.points = points
        self.report = report
        self.reproduce = reproduce
    }
}

/// The hashes that determine a block's result, as provenance records them; equal digests mean
/// a re-run would compute the same result.
struct InputDigest: Hashable, Sendable {
    /// SHA-256 of the canonical spec.
    var specSHA256: String
    /// The effective seed.
    var seed: UInt64
    /// SHA-256 of each resolved input (noise profile, dataset), by name.
    var inputs: [String: String]

    /// The digest of a record computed now.
    init(record: BlockRecord) {
        specSHA256 = record.specSHA256
        seed = record.seed
        inputs = Dictionary(uniqueKeysWithValues: record.inputs.map { ($0.key, record.inputSHA256($0.key)) })
    }
}
