/// A block starting or finishing during `Notebook.evaluate`, reported to `RunOptions.progress` so
/// the command line can show progress on a terminal. Carries no time: the engine reads no clock;
/// whoever listens measures elapsed time, and never writes it into the document.
public struct BlockProgress: Sendable, Hashable {
    /// What happened.
    public enum Event: Sendable, Hashable {
        /// The block began executing (or looking up its cached result).
        case started
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
}
