import Foundation

/// The worker threads one run may use (`--jobs`): the thread that starts the run plus `jobs − 1`
/// helpers, shared by every `ParallelMap` of the run however deeply the maps nest.
///
/// The budget also schedules the maps. It keeps every map that still has jobs not handed out; a
/// helper takes the next job of the newest of them and, when none is left, returns its worker,
/// which goes at once to a new helper if a map has jobs again. A map's own thread, once its jobs
/// are all handed out, runs jobs of the maps opened inside them while it waits for the rest. So a
/// worker freed anywhere is taken up at once, never more than `jobs` threads run jobs, and no thread
/// waits for a job that only it could run.
public final class JobBudget: @unchecked Sendable {
    /// Threads working at once, at most.
    public let jobs: Int
    /// One thread: every map runs its jobs in order on the calling thread.
    public static let serial = JobBudget(jobs: 1)

    /// Stack size of a helper thread: that of a main thread on Linux, since a helper runs the
    /// same work (training, simulation) the calling thread would.
    static let stackBytes = 8 << 20

    /// Guards everything below and wakes threads waiting for borrowed jobs.
    private let condition = NSCondition()
    /// Helper workers not in use.
    private var spare: Int
    /// Maps with jobs not yet handed out, oldest first.
    private var open: [OpenMap] = []

    /// A budget of `jobs` threads (at least one).
    public init(jobs: Int) {
        self.jobs = max(1, jobs)
        spare = self.jobs - 1
    }

    /// Takes a spare helper worker, if one is free.
    func acquire() -> Bool {
        condition.withLock {
            guard spare > 0 else { return false }
            spare -= 1
            return true
        }
    }

    /// Returns a helper worker: a map with jobs not handed out gets a helper on it at once;
    /// otherwise the worker is spare.
    func release() {
        let hire = condition.withLock {
            if open.isEmpty { spare += 1 }
            return !open.isEmpty
        }
        if hire { startHelper() }
    }

    /// Schedules `map`: starts helpers on the spare workers (one fewer than its jobs, since its own
    /// thread works too) and wakes the threads waiting in the maps it was opened in, which may help.
    func open(_ map: OpenMap) {
        condition.withLock {
            open.append(map)
            condition.broadcast()
        }
        var helpers = 1
        while helpers < map.count, acquire() {
            helpers += 1
            startHelper()
        }
    }

    /// The next job of `map` for the map's own thread, nil when all are handed out.
    func take(from map: OpenMap) -> Int? {
        condition.withLock { handOut(map) }
    }

    /// Returns once every job of `map` handed to other threads has finished; meanwhile the calling
    /// thread runs jobs of the maps opened inside `map`'s jobs, which `map` needs done anyway.
    func finish(_ map: OpenMap) {
        condition.lock()
        while map.borrowed > 0 {
            if let (other, index) = borrow(where: { $0.descends(from: map) }) {
                condition.unlock()
                other.runJob(index)
                condition.lock()
                other.borrowed -= 1
                condition.broadcast()
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }

    /// A helper thread: runs jobs of the newest open map until there are none, then returns its worker.
    private func startHelper() {
        let thread = Thread { [self] in
            while let (map, index) = condition.withLock({ borrow(where: { _ in true }) }) {
                map.runJob(index)
                condition.withLock {
                    map.borrowed -= 1
                    condition.broadcast()
                }
            }
            release()
        }
        thread.stackSize = Self.stackBytes
        thread.start()
    }

    /// The next job of the newest open map that `eligible` accepts, counted as borrowed (lock held).
    private func borrow(where eligible: (OpenMap) -> Bool) -> (OpenMap, Int)? {
        guard let map = open.last(where: eligible), let index = handOut(map) else { return nil }
        map.borrowed += 1
        return (map, index)
    }

    /// The next job of `map`, closing the map to other threads when it was the last (lock held).
    private func handOut(_ map: OpenMap) -> Int? {
        guard map.handedOut < map.count else { return nil }
        map.handedOut += 1
        if map.handedOut == map.count { open.removeAll { $0 === map } }
        return map.handedOut - 1
    }
}
