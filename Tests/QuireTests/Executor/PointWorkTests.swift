import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import Quire

/// Experiments as units of work (a repeat of a sweep point): a run that caches them writes the
/// same bytes as one that does not; a worker computing each pending unit from its task file leaves
/// the run nothing to compute (decision boundary, loss curves and confusion matrices come back
/// exact); a task whose document changed is refused.
struct PointWorkTests {
    static let paper = """
        ```experiment id=swept
        dataset: {name: moons, samples: 30}
        baselines: [logistic-regression]
        repeat: 2
        sweep:
          dataset.noise: [0.1, 0.3]
        ```

        ```experiment id=trained
        dataset: {name: circles, samples: 28, noise: 0.05}
        encoding: {kind: angle, rotation: x}
        model: {kind: variational, qubits: 2, ansatz: hardware-efficient, layers: 2, observable: Z1}
        train: {optimizer: adam, learning_rate: 0.2, epochs: 3, batch_size: 7, gradient: adjoint}
        baselines: [rbf-svm]
        report: [metrics, loss-curve, decision-boundary, confusion-matrix]
        ```

        """

    /// The document after a run without any cache: the old per-block path.
    func uncached() throws -> [UInt8] {
        try Notebook.evaluate(bytes: Array(Self.paper.utf8), file: "paper.md", options: RunOptions()).document
    }

    @Test func aRunCachingEveryUnitWritesTheSameBytesAsOneWithoutCache() throws {
        let project = try ProjectFolder(Self.paper)
        defer { project.remove() }
        _ = try NotebookFile.run(path: project.paper, options: project.options())
        #expect(Array(project.text(project.paper)!.utf8) == (try uncached()).map { $0 })
        let entries = project.entries(project.folder + "/.quire/cache").filter { $0.hasSuffix(".json") }
        #expect(entries.count == 2 + 2 * 2 + 1)  // two blocks, four units of `swept`, one of `trained`
    }

    @Test func aWorkerOnEachPendingTaskLeavesTheRunNothingToCompute() throws {
        let project = try ProjectFolder(Self.paper)
        defer { project.remove() }
        let options = project.options()
        let tasks = try PointWork.writePendingTasks(path: project.paper, options: options)
        #expect(tasks.count == 5)
        #expect(tasks.allSatisfy { !PointWork.isDone(taskPath: $0, options: options) })
        for task in tasks { try PointWork.compute(taskPath: task, jobs: 1, options: options) }
        #expect(tasks.allSatisfy { PointWork.isDone(taskPath: $0, options: options) })
        #expect(try PointWork.writePendingTasks(path: project.paper, options: options).isEmpty)
        let events = Events()
        var assembling = options
        assembling.progress = { events.append($0.event) }
        _ = try NotebookFile.run(path: project.paper, options: assembling)
        #expect(Array(project.text(project.paper)!.utf8) == (try uncached()).map { $0 })
        #expect(events.computed == 0)
    }

    @Test func aTaskWhoseDocumentChangedIsRefused() throws {
        let project = try ProjectFolder(Self.paper)
        defer { project.remove() }
        let tasks = try PointWork.writePendingTasks(path: project.paper, options: project.options())
        try project.write(Self.paper.replacingOccurrences(of: "[0.1, 0.3]", with: "[0.1, 0.2]"), to: project.paper)
        #expect(throws: LocatedError.self) { try PointWork.compute(taskPath: tasks[2], jobs: 1, options: project.options()) }
    }

    /// A task file edited by someone without the cache key (raised limits, another document) is
    /// refused before the worker plans anything; the untouched task still computes.
    @Test(arguments: [
        ("\"memoryBytes\" : ", "\"memoryBytes\" : 9"),
        ("\"circuitEvaluations\" : ", "\"circuitEvaluations\" : 9"),
        ("paper.md", "other.md"),
    ])
    func aTaskEditedWithoutTheKeyIsRefused(field: String, edited: String) throws {
        let project = try ProjectFolder(Self.paper)
        defer { project.remove() }
        let options = project.options()
        let tasks = try PointWork.writePendingTasks(path: project.paper, options: options)
        let original = try #require(project.text(tasks[0]))
        #expect(original.contains(field))
        try project.write(original.replacingOccurrences(of: field, with: edited), to: tasks[0])
        let error = #expect(throws: LocatedError.self) { try PointWork.compute(taskPath: tasks[0], jobs: 1, options: options) }
        #expect(error?.diagnostic.message.contains("not written under your cache key") == true)
        #expect(!PointWork.isDone(taskPath: tasks[0], options: options))
        try PointWork.compute(taskPath: tasks[1], jobs: 1, options: options)
        #expect(PointWork.isDone(taskPath: tasks[1], options: options))
    }

    @Test func cacheCleanDeletesPointTasksToo() throws {
        let project = try ProjectFolder(Self.paper)
        defer { project.remove() }
        let tasks = try PointWork.writePendingTasks(path: project.paper, options: project.options())
        #expect(try BlockCache.clean(documentFolder: project.folder) == tasks.count)
        #expect(!FileManager.default.fileExists(atPath: project.folder + "/.quire/cache"))
    }

    /// Progress events, collected from any thread.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [BlockProgress.Event] = []
        func append(_ event: BlockProgress.Event) { lock.withLock { events.append(event) } }
        /// Repeats computed (not read from the cache).
        var computed: Int {
            lock.withLock {
                events.filter {
                    if case .repeatFinished = $0 { return true }
                    return false
                }.count
            }
        }
    }
}
