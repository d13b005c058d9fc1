import Foundation

/// The bytes one run may hold at once (`--max-memory-gib`), shared by everything that runs in
/// parallel: circuit blocks' simulations and experiments' repeats each reserve their estimate
/// before they start and return it when done, waiting while others hold too much, so `--jobs`
/// never multiplies the limit. Only leaves of the work reserve (never a block around its
/// repeats), so no holder waits for another. Results never depend on it: it decides only when
/// work runs, and each unit is still checked against the whole limit on its own.
final class MemoryBudget: @unchecked Sendable {
    /// Bytes all reservations together stay within.
    let limit: Int
    private var reserved = 0
    private let condition = NSCondition()

    /// A budget of `limit` bytes.
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` holding `bytes` (at most the whole limit, at least one byte), after waiting
    /// until they are free.
    func holding<T>(_ bytes: Int, _ body: () throws -> T) rethrows -> T {
        let amount = min(max(bytes, 1), limit)
        condition.lock()
        while reserved + amount > limit { condition.wait() }
        reserved += amount
        condition.unlock()
        defer {
            condition.lock()
            reserved -= amount
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }

    /// Bytes reserved right now (tests).
    var inUse: Int { condition.withLock { reserved } }
}
