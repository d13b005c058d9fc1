import Foundation
import Synchronization
import Testing

@testable import Quire

/// Nested parallel maps share one budget of threads and return results in index order.
struct ParallelMapTests {
    /// Counts how many jobs run at once, and the most ever seen.
    final class Gauge: Sendable {
        private let state = Mutex((now: 0, peak: 0))
        func enter() {
            state.withLock {
                $0.now += 1
                $0.peak = max($0.peak, $0.now)
            }
        }
        func leave() { state.withLock { $0.now -= 1 } }
        var peak: Int { state.withLock { $0.peak } }
    }

    @Test(arguments: [1, 2, 3])
    func nestedMapsKeepOrderAndNeverExceedTheBudget(jobs: Int) {
        let budget = JobBudget(jobs: jobs)
        let gauge = Gauge()
        let results = ParallelMap.map(count: 4, budget: budget) { outer in
            ParallelMap.map(count: 5, budget: budget) { inner in
                gauge.enter()
                defer { gauge.leave() }
                Thread.sleep(forTimeInterval: 0.005)
                return outer * 10 + inner
            }
        }
        #expect(results == (0..<4).map { outer in (0..<5).map { outer * 10 + $0 } })
        #expect(gauge.peak <= jobs)
        if jobs > 1 { #expect(gauge.peak > 1, "inner jobs never overlapped") }
        // Every helper slot is back: a later map can use all of them again.
        #expect((0..<(jobs - 1)).allSatisfy { _ in budget.acquire() } && !budget.acquire())
    }

    /// One block with a sweep keeps a second worker busy: its first job waits (up to 10 s) until
    /// another job has started, which happens only when the jobs run on two threads at once.
    @Test func theRepeatsOfASingleBlockRunOnSeveralThreads() {
        let budget = JobBudget(jobs: 2)
        let started = DispatchSemaphore(value: 0)
        let overlapped = ParallelMap.map(count: 1, budget: budget) { _ in
            ParallelMap.map(count: 4, budget: budget) { index in
                if index == 0 { return started.wait(timeout: .now() + 10) == .success }
                started.signal()
                return true
            }
        }
        #expect(overlapped == [[true, true, true, true]])
    }
}
