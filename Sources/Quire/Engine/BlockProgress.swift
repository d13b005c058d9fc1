/// A block starting or finishing during `Notebook.evaluate`, or an experiment inside it estimating
/// its work or finishing a training step, an epoch or a sweep point's repeat, reported to `RunOptions.progress` so the command
/// line can show progress on a terminal. Carries no time: the engine reads no clock; whoever
/// listens measures elapsed time, and never writes it into the document.
public struct BlockProgress: Sendable, Hashable {
    /// Where inside an experiment block an event happened: one repeat of one sweep point.
    public struct Position: Sendable, Hashable {
        /// The sweep point, from 1 (1 of 1 without a sweep).
        public var point: Int
        /// The block's sweep points.
        public var points: Int
        /// The repeat, from 1.
        public var `repeat`: Int
        /// The block's repeats per point.
        public var repeats: Int

        /// A position.
        public init(point: Int, points: Int, repeat: Int, repeats: Int) {
            self.point = point
            self.points = points
            self.repeat = `repeat`
            self.repeats = repeats
        }
    }

    /// What happened.
    public enum Event: Sendable, Hashable {
        /// The block began executing (or looking up its cached result).
        case started
        /// The experiment's estimated work, told once before it computes anything (not for a cached block).
        case estimate(WorkEstimate)
        /// The quantum model of the repeat at `Position` finished optimizer step `batch` of `batches`
        /// in epoch `epoch` of `epochs` (all from 1): the status advances within an epoch.
        case batch(Position, epoch: Int, epochs: Int, batch: Int, batches: Int)
        /// The quantum model of the repeat at `Position` finished training epoch `epoch` of `epochs` (from 1).
        case epoch(Position, epoch: Int, epochs: Int)
        /// The repeat at `Position` is done (every model trained and measured).
        case repeatFinished(Position)
        /// The block finished: computed, or taken from the cache.
        case finished(cached: Bool)
        /// The block failed.
        case failed
    }

    /// The block id.
    public var id: String
    /// The block kind.
    public var kind: String
    /// Its position among the document's runnable blocks, from 1.
    public var index: Int
    /// How many runnable blocks the document has.
    public var count: Int
    /// What happened.
    public var event: Event

    /// A progress report.
    public init(id: String, kind: String, index: Int, count: Int, event: Event) {
        self.id = id
        self.kind = kind
        self.index = index
        self.count = count
        self.event = event
    }
}
