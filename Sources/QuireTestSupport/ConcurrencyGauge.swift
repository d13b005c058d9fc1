import Foundation

/// Counts how many jobs run at once, and the most ever seen: for tests that bound a run's threads.
public final class ConcurrencyGauge: @unchecked Sendable {
    private var now = 0
    private var most = 0
    private let lock = NSLock()

    /// A gauge at zero.
    public init() {}

    /// A job starts.
    public func enter() {
        lock.withLock {
            now += 1
            most = max(most, now)
        }
    }

    /// A job ends.
    public func leave() { lock.withLock { now -= 1 } }

    /// The most jobs ever running at once.
    public var peak: Int { lock.withLock { most } }

    /// Runs `body` as one job.
    public func measuring<T>(_ body: () throws -> T) rethrows -> T {
        enter()
        defer { leave() }
        return try body()
    }
}
