import Synchronization
import Testing
@testable import Quire

/// `RunOptions.progress` hears every block start and finish (or fail), and does not change results.
struct BlockProgressTests {
    static let paper = "```noise id=a\n```\n\n```noise id=b\ndepolarizing: {one_qubit: 2}\n```\n"

    @Test func eachBlockStartsThenFinishesOrFails() throws {
        let events = Mutex<[BlockProgress]>([])
        var options = RunOptions()
        options.keepGoing = true
        options.progress = { progress in events.withLock { $0.append(progress) } }
        let evaluation = try Notebook.evaluate(bytes: Array(Self.paper.utf8), file: "paper.md", options: options)
        #expect(evaluation.failures.count == 1)
        #expect(events.withLock { $0 } == [
            BlockProgress(id: "a", kind: "noise", index: 1, count: 2, event: .started),
            BlockProgress(id: "a", kind: "noise", index: 1, count: 2, event: .finished(cached: false)),
            BlockProgress(id: "b", kind: "noise", index: 2, count: 2, event: .started),
            BlockProgress(id: "b", kind: "noise", index: 2, count: 2, event: .failed),
        ])
        var silent = options
        silent.progress = nil
        #expect(try Notebook.evaluate(bytes: Array(Self.paper.utf8), file: "paper.md", options: silent).document == evaluation.document)
    }
}
