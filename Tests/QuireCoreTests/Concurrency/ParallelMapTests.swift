import Foundation
import QuireTestSupport
import Testing

@testable import QuireCore

/// Nested parallel maps share one budget of threads, return results in index order, and take up a
/// freed worker at once. Waits have a generous timeout only so that a failure ends the test.
struct ParallelMapTests {
    /// `parties` jobs meet here; each returns whether all of them arrived (within 10 s), which
    /// happens only when that many run at once.
    final class Rendezvous: @unchecked Sendable {
        private let parties: Int
        private var arrived = 0
        private let condition = NSCondition()

        init(parties: Int) { self.parties = parties }

        func arrive() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            arrived += 1
            condition.broadcast()
            let deadline = Date(timeIntervalSinceNow: 10)
            while arrived < parties {
                if !condition.wait(until: deadline) { return false }
            }
            return true
        }
    }

    /// Answers true to the first caller only.
    final class FirstArrival: @unchecked Sendable {
        private var taken = false
        private let lock = NSLock()

        func claim() -> Bool {
            lock.withLock {
                defer { taken = true }
                return !taken
            }
        }
    }

    @Test(arguments: 1...4)
    func nestedMapsKeepOrderAndNeverExceedTheBudget(jobs: Int) {
        let budget = JobBudget(jobs: jobs)
        let gauge = ConcurrencyGauge()
        let results = ParallelMap.map(count: 4, budget: budget) { outer in
            ParallelMap.map(count: 5, budget: budget) { inner in
                ParallelMap.map(count: outer % 3, budget: budget) { innermost in
                    gauge.measuring {
                        Thread.sleep(forTimeInterval: 0.002)
                        return outer * 100 + inner * 10 + innermost
                    }
                }
            }
        }
        let expected: [[[Int]]] = (0..<4).map { outer in
            (0..<5).map { inner in (0..<(outer % 3)).map { outer * 100 + inner * 10 + $0 } }
        }
        #expect(results == expected)
        #expect(gauge.peak <= jobs)
        if jobs > 1 { #expect(gauge.peak > 1, "inner jobs never overlapped") }
        // Every worker is back: a later map runs `jobs` jobs at once again.
        let meeting = Rendezvous(parties: jobs)
        #expect(ParallelMap.map(count: jobs, budget: budget) { _ in meeting.arrive() } == Array(repeating: true, count: jobs))
    }

    /// One block with a sweep keeps a second worker busy: its first job waits until another job
    /// has started, which happens only when the jobs run on two threads at once.
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

    /// A worker returned while the map's own thread is inside a long job goes to the map at once:
    /// the worker is held as another block's would be, job 0 returns it and then waits until job 1
    /// has started on another thread.
    @Test func aReleasedWorkerIsTakenUpAtOnce() {
        let budget = JobBudget(jobs: 2)
        #expect(budget.acquire())
        let started = DispatchSemaphore(value: 0)
        let overlapped = ParallelMap.map(count: 2, budget: budget) { index in
            if index == 0 {
                budget.release()
                return started.wait(timeout: .now() + 10) == .success
            }
            started.signal()
            return true
        }
        #expect(overlapped == [true, true])
    }

    /// Two blocks on two workers, a short one and a sweep: when the short one ends, its thread works
    /// on the sweep, whichever thread ran which block (a helper takes the sweep's next job; the
    /// map's own thread, waiting for the sweep's block to end, helps it).
    @Test func aThreadWhoseBlockEndsHelpsTheOthersSweep() {
        let budget = JobBudget(jobs: 2)
        let first = FirstArrival()
        let sweepStarted = DispatchSemaphore(value: 0)
        let secondStarted = DispatchSemaphore(value: 0)
        let results = ParallelMap.map(count: 2, budget: budget) { _ in
            if first.claim() {
                return sweepStarted.wait(timeout: .now() + 10) == .success
            }
            return ParallelMap.map(count: 2, budget: budget) { index in
                if index == 0 {
                    sweepStarted.signal()
                    return secondStarted.wait(timeout: .now() + 10) == .success
                }
                secondStarted.signal()
                return true
            } == [true, true]
        }
        #expect(results == [true, true])
    }

    /// A budget of one thread runs one job at a time.
    @Test func aBudgetOfOneRunsOneJobAtATime() {
        let gauge = ConcurrencyGauge()
        let order = ParallelMap.map(count: 5, budget: .serial) { index in gauge.measuring { index } }
        #expect(order == Array(0..<5) && gauge.peak == 1)
    }
}
