import Synchronization

/// The bytes of the simulator's large buffers (amplitude buffers and adjoint snapshot storage)
/// allocated while `measuring` runs, counted at their allocation sites, with their peak: how the
/// tests hold the experiment memory estimates to what a repeat really allocates, without asking
/// the operating system (whose figures include everything else a test process does).
///
/// Only allocations made on the measuring task's thread are counted (a task-local value), so the
/// tests measure work run with one thread, whose buffers are then all allocated there.
public final class AllocationGauge: Sendable {
    /// The gauge of the current `measuring` call, if any.
    @TaskLocal static var current: AllocationGauge?

    private let live = Atomic<Int>(0)
    private let highest = Atomic<Int>(0)

    /// Runs `body`, returning its result and the most bytes its counted buffers held at once.
    public static func measuring<T>(_ body: () throws -> T) rethrows -> (result: T, peak: Int) {
        let gauge = AllocationGauge()
        let result = try $current.withValue(gauge) { try body() }
        return (result, gauge.highest.load(ordering: .relaxed))
    }

    /// Counts `bytes` just allocated on the current gauge and returns it, to be told of their release.
    public static func allocated(_ bytes: Int) -> AllocationGauge? {
        guard let gauge = current else { return nil }
        let now = gauge.live.wrappingAdd(bytes, ordering: .relaxed).newValue
        var peak = gauge.highest.load(ordering: .relaxed)
        while now > peak {
            let (exchanged, original) = gauge.highest.compareExchange(expected: peak, desired: now, ordering: .relaxed)
            if exchanged { break }
            peak = original
        }
        return gauge
    }

    /// Counts `bytes` released.
    public func released(_ bytes: Int) {
        live.wrappingSubtract(bytes, ordering: .relaxed)
    }
}
