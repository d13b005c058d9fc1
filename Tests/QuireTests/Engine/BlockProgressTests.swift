import QuireTestSupport
import Synchronization
import Testing

@testable import Quire

/// `RunOptions.progress` hears every block start and finish (or fail), every training epoch and
/// every finished repeat of every sweep point, and never changes results.
struct BlockProgressTests {
    static let paper = "```noise id=a\n```\n\n```noise id=b\ndepolarizing: {one_qubit: 2}\n```\n"

    static let sweep = Fixtures.sweepExperiment

    @Test func eachBlockStartsThenFinishesOrFails() throws {
        let events = Mutex<[BlockProgress]>([])
        var options = RunOptions()
        options.keepGoing = true
        options.progress = { progress in events.withLock { $0.append(progress) } }
        let evaluation = try Notebook.evaluate(bytes: Array(Self.paper.utf8), file: "paper.md", options: options)
        #expect(evaluation.failures.count == 1)
        #expect(
            events.withLock { $0 } == [
                BlockProgress(id: "a", kind: "noise", index: 1, count: 2, event: .started),
                BlockProgress(id: "a", kind: "noise", index: 1, count: 2, event: .finished(cached: false)),
                BlockProgress(id: "b", kind: "noise", index: 2, count: 2, event: .started),
                BlockProgress(id: "b", kind: "noise", index: 2, count: 2, event: .failed),
            ])
        var silent = options
        silent.progress = nil
        #expect(try Notebook.evaluate(bytes: Array(Self.paper.utf8), file: "paper.md", options: silent).document == evaluation.document)
    }

    /// The estimate comes first, counted from the spec: 2 points × 2 repeats × 3 epochs × 18 training
    /// samples × 2 adjoint evaluations, 3 batches of 6 per epoch. Then with one job the events come in
    /// (point, repeat, epoch, batch) order; with two, each repeat's own events still come in order,
    /// and every batch and epoch of every repeat of every point is heard once.
    @Test(arguments: [1, 2])
    func anExperimentReportsEveryEpochOfEveryRepeatOfEveryPoint(jobs: Int) throws {
        let events = Mutex<[BlockProgress.Event]>([])
        var options = RunOptions()
        options.jobs = jobs
        options.progress = { progress in events.withLock { $0.append(progress.event) } }
        let loud = try Notebook.evaluate(bytes: Array(Self.sweep.utf8), file: "p.md", options: options)
        let heard = events.withLock { $0 }
        var expected: [BlockProgress.Event] = []
        for point in 1...2 {
            for repeatNumber in 1...2 {
                let position = BlockProgress.Position(point: point, points: 2, repeat: repeatNumber, repeats: 2)
                for epoch in 1...3 {
                    expected += (1...3).map { .batch(position, epoch: epoch, epochs: 3, batch: $0, batches: 3) }
                    expected.append(.epoch(position, epoch: epoch, epochs: 3))
                }
                expected.append(.repeatFinished(position))
            }
        }
        #expect(heard.first == .started && heard.last == .finished(cached: false))
        guard heard.count > 2, case .estimate(let estimate) = heard[1] else {
            Issue.record("no estimate after the start: \(heard.prefix(2))")
            return
        }
        #expect(estimate.circuitEvaluations == 2 * 2 * 3 * 18 * 2 && estimate.trainingSteps == 2 * 2 * 3 * 3 && estimate.kernelEntries == 0)
        #expect(estimate.gradientSamples == 2 * 2 * 3 * 18 && estimate.valueSamples == 2 * 2 * (3 * 18 + 18 + 6) && estimate.isCalibrated)
        let inner = Array(heard.dropFirst(2).dropLast())
        if jobs == 1 {
            #expect(inner == expected)
        } else {
            #expect(inner.count == expected.count && Set(inner) == Set(expected))
            for position in expected.compactMap({ if case .repeatFinished(let at) = $0 { at } else { nil } }) {
                #expect(inner.filter { Self.position(of: $0) == position } == expected.filter { Self.position(of: $0) == position })
            }
        }
        options.progress = nil
        options.jobs = 1
        #expect(try Notebook.evaluate(bytes: Array(Self.sweep.utf8), file: "p.md", options: options).document == loud.document)
    }

    static func position(of event: BlockProgress.Event) -> BlockProgress.Position? {
        switch event {
        case .epoch(let position, _, _), .batch(let position, _, _, _, _), .repeatFinished(let position): position
        default: nil
        }
    }
}
