import Foundation
import QuireCore
import Testing

@testable import Quire

/// Concurrent `quire run`s on one document serialise on `.<name>.quire.lock` instead of interleaving.
struct DocumentLockTests {
    static let document = "# Paper\n\n```noise id=lab\ndepolarizing: {one_qubit: 0.01}\n```\n"

    /// A folder holding `paper.md`; returns the document's path.
    func paper() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("paper.md").path
        try Data(Self.document.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func options(timeout: Double) -> RunOptions {
        var options = RunOptions()
        options.lockTimeout = timeout
        return options
    }

    @Test func theLockFileSitsBesideTheDocument() {
        #expect(DocumentLock.path(for: "/papers/draft/paper.md") == "/papers/draft/.paper.md.quire.lock")
    }

    @Test func aRunWhileAnotherHoldsTheLockWaitsThenFailsAndChangesNothing() throws {
        let path = try paper()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let lock = DocumentLock.path(for: path)
        try Data("\(getpid())\n".utf8).write(to: URL(fileURLWithPath: lock))  // a live owner: this process
        let start = ContinuousClock.now
        #expect {
            _ = try NotebookFile.run(path: path, options: options(timeout: 0.3))
        } throws: { error in
            guard let error = error as? LocatedError else { return false }
            return error.diagnostic.message.contains("being run by another quire process (pid \(getpid()))")
                && error.diagnostic.hint?.contains("--lock-timeout") == true
        }
        #expect(ContinuousClock.now - start >= .milliseconds(300))
        #expect(contents(path) == Self.document)
        #expect(contents(lock) == "\(getpid())\n", "the waiting run must not remove another run's lock")
    }

    @Test func theLockIsRemovedAfterASuccessfulAndAFailedRun() throws {
        let path = try paper()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let report = try NotebookFile.run(path: path, options: options(timeout: 0))
        #expect(report.documentChanged)
        #expect(!FileManager.default.fileExists(atPath: DocumentLock.path(for: path)))
        try Data("```noise id=a\nunclosed\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try NotebookFile.run(path: path, options: options(timeout: 0)) }
        #expect(!FileManager.default.fileExists(atPath: DocumentLock.path(for: path)))
    }

    @Test func aStaleLockOfAProcessThatNoLongerExistsIsTakenOver() throws {
        let path = try paper()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        // Above Linux's largest pid (2²²), so no process has it.
        try Data("2147483646\n".utf8).write(to: URL(fileURLWithPath: DocumentLock.path(for: path)))
        #expect(try NotebookFile.run(path: path, options: options(timeout: 0)).documentChanged)
        #expect(!FileManager.default.fileExists(atPath: DocumentLock.path(for: path)))
    }

    @Test func aSecondRunWaitsForTheFirstAndThenRuns() throws {
        let path = try paper()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let held = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? DocumentLock.holding(document: path, timeout: 0) {
                held.signal()
                usleep(300_000)
            }
            released.signal()
        }
        held.wait()
        let start = ContinuousClock.now
        let report = try NotebookFile.run(path: path, options: options(timeout: 10))
        #expect(ContinuousClock.now - start >= .milliseconds(200), "the run must have waited for the holder")
        #expect(report.documentChanged)
        released.wait()
        #expect(!FileManager.default.fileExists(atPath: DocumentLock.path(for: path)))
    }

    /// A symbolic link planted where the lock file goes (to a file outside, existing or not) is
    /// never followed: nothing is created or truncated there, and the run stops with an error.
    @Test(arguments: [true, false])
    func aLockPathThatIsASymbolicLinkIsNeverFollowed(targetExists: Bool) throws {
        let path = try paper()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("quire-lock-target-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outside) }
        if targetExists { try Data("precious".utf8).write(to: URL(fileURLWithPath: outside)) }
        try FileManager.default.createSymbolicLink(atPath: DocumentLock.path(for: path), withDestinationPath: outside)
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: path, options: options(timeout: 0)) }
        #expect(error.diagnostic.message.contains("is a symbolic link or not a regular file"))
        #expect(contents(outside) == (targetExists ? "precious" : nil))
        #expect(contents(path) == Self.document)
    }
}
