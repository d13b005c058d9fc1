import Foundation

/// One parallel map while its `JobBudget` schedules it: its jobs, how many are handed out, how many
/// run on threads other than the map's own, and the map whose job opened it, so that a thread
/// waiting for this map's last jobs helps only with work the map itself needs.
final class OpenMap: @unchecked Sendable {
    /// The number of jobs.
    let count: Int
    /// The map whose job opened this one (nil for a map opened outside any map).
    let parent: OpenMap?
    /// Jobs handed out so far, in index order (guarded by the budget's lock).
    var handedOut = 0
    /// Jobs handed out to other threads than the map's own and still running (guarded by the budget's lock).
    var borrowed = 0
    /// Runs one job and keeps its result.
    private let run: @Sendable (Int) -> Void

    /// A map of `count` jobs run by `run`, opened inside a job of `parent`.
    init(count: Int, parent: OpenMap?, run: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.parent = parent
        self.run = run
    }

    /// Whether this map is `ancestor` or was opened, at any depth, inside one of its jobs.
    func descends(from ancestor: OpenMap) -> Bool {
        var map: OpenMap? = self
        while let current = map {
            if current === ancestor { return true }
            map = current.parent
        }
        return false
    }

    /// Runs job `index` on the calling thread, as the map of the thread's current job.
    func runJob(_ index: Int) {
        let outer = Self.current
        Self.current = self
        defer { Self.current = outer }
        run(index)
    }

    /// The map whose job the calling thread is running (nil outside any map).
    static var current: OpenMap? {
        get { Thread.current.threadDictionary[key] as? OpenMap }
        set { Thread.current.threadDictionary[key] = newValue }
    }

    private static let key = "QuireCore.OpenMap.current"
}
