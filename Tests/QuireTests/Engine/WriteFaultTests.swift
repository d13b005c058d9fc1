import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import Quire

/// A full disk or a read-only folder during `run`, simulated by failing the system calls of
/// `AtomicFile` (`WriteFaults`), since permission bits never stop root, who runs CI: the document
/// is left byte-identical, no temporary file stays behind, the cache holds only whole entries, and
/// the error names the file, the step and the system's reason. A cache that cannot be written is
/// a warning, not a failure.
struct WriteFaultTests {
    static let noisePaper = """
        ```noise id=lab
        depolarizing: {one_qubit: 0.001, two_qubit: 0.01}
        ```

        ```noise id=ideal
        ```

        """

    static let circuitPaper = """
        ```circuit id=bell shots=0
        OPENQASM 2.0;
        include "qelib1.inc";
        qreg q[2];
        h q[0];
        cx q[0], q[1];
        ```

        """

    /// A fresh folder holding `paper.md` with `text`; returns the document's path.
    func paper(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("paper.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The warnings a run told, collected from whichever thread told them.
    final class Warnings: @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [Diagnostic] = []
        func append(_ warning: Diagnostic) { lock.withLock { collected.append(warning) } }
        var all: [Diagnostic] { lock.withLock { collected } }
    }

    func options(_ faults: WriteFaults) -> RunOptions {
        var options = RunOptions()
        options.useCache = true
        options.cacheKeyPath = TestCacheKey.path
        options.writeFaults = faults
        return options
    }

    /// Every file under the folder of `path`, relative to it, sorted.
    func files(besides path: String) -> [String] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue { found.append(name) }
        }
        return found.sorted()
    }

    func text(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }

    @Test(arguments: [
        (WriteStep.create, EROFS, "cannot create a temporary file beside %@"),
        (WriteStep.create, EACCES, "cannot create a temporary file beside %@"),
        (WriteStep.write, ENOSPC, "cannot write %@"),
        (WriteStep.sync, ENOSPC, "cannot flush %@ to disk"),
        (WriteStep.sync, EIO, "cannot flush %@ to disk"),
        (WriteStep.rename, EXDEV, "cannot replace %@"),
    ])
    func aDocumentThatCannotBeWrittenStaysAsItWas(step: WriteStep, code: Int32, what: String) throws {
        let path = try paper(Self.noisePaper)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let faults = WriteFaults.failing(step, with: code) { $0 == path }
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: path, options: options(faults)) }
        #expect(error.diagnostic.message == what.replacingOccurrences(of: "%@", with: path) + ": " + String(cString: strerror(code)))
        #expect(error.diagnostic.hint?.contains("\(path) was not changed") == true)
        #expect(text(path) == Self.noisePaper)
        let left = files(besides: path)
        #expect(!left.contains { $0.hasSuffix(".tmp") || $0.hasSuffix(".lock") }, "\(left)")
        // The cache entries written before the failure are whole: a second run reuses every one.
        let again = try NotebookFile.run(path: path, options: options(.none))
        #expect(again.cacheHits == 2 && again.documentChanged)
    }

    @Test(arguments: [(WriteStep.create, EROFS), (WriteStep.write, ENOSPC), (WriteStep.sync, ENOSPC)])
    func aCacheThatCannotBeWrittenIsAWarningAndHoldsNoPartialEntry(step: WriteStep, code: Int32) throws {
        let path = try paper(Self.noisePaper)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let faults = WriteFaults.failing(step, with: code) { $0.contains("/.quire/cache/") }
        var told = options(faults)
        let warnings = Warnings()
        told.warning = { warnings.append($0) }
        let report = try NotebookFile.run(path: path, options: told)
        #expect(report.documentChanged && text(path).contains("<!-- quire:output id=lab -->"))
        #expect(warnings.all.count == 2)
        for (warning, id) in zip(warnings.all, ["lab", "ideal"]) {
            #expect(warning.message.hasPrefix("the result of block '\(id)' was not cached: "))
            #expect(warning.message.contains("/.quire/cache/") && warning.message.hasSuffix(String(cString: strerror(code))), "\(warning.message)")
            #expect(warning.hint?.contains("--no-cache") == true)
        }
        #expect(files(besides: path) == ["paper.md"])
        let again = try NotebookFile.run(path: path, options: options(.none))
        #expect(again.cacheHits == 0 && !again.documentChanged)
    }

    @Test func aFigureThatCannotBeWrittenFailsTheRunAndLeavesTheDocument() throws {
        let path = try paper(Self.circuitPaper)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let faults = WriteFaults.failing(.write, with: ENOSPC) { $0.hasSuffix(".svg") }
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: path, options: options(faults)) }
        #expect(error.diagnostic.message.hasPrefix("cannot write ") && error.diagnostic.message.contains("paper.figures/bell-"))
        #expect(text(path) == Self.circuitPaper)
        #expect(!files(besides: path).contains { $0.hasSuffix(".tmp") || $0.hasSuffix(".svg") })
    }

    /// The figures of a block that is gone are deleted only after the document that no longer
    /// links them is written: a failed write leaves the old document with every figure it shows.
    @Test func staleFiguresOutliveADocumentThatCannotBeWritten() throws {
        let path = try paper(Self.circuitPaper)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        _ = try NotebookFile.run(path: path, options: options(.none))
        let figures = files(besides: path).filter { $0.hasSuffix(".svg") }
        #expect(!figures.isEmpty)
        let renamed = text(path).replacingOccurrences(of: "id=bell", with: "id=pair")
        try Data(renamed.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LocatedError.self) { try NotebookFile.run(path: path, options: options(.failing(.write, with: ENOSPC) { $0 == path })) }
        #expect(text(path) == renamed)
        #expect(Set(figures).isSubset(of: Set(files(besides: path))))
    }

    /// Figures are staged with the document and renamed into place only once every file is written,
    /// and the commit is all-or-nothing: when the document's rename fails after the figures were
    /// renamed, every figure gets its old bytes back and a new one is removed again. A document
    /// that cannot be written keeps the figures it links, byte for byte, and no backup or
    /// temporary file stays.
    @Test(arguments: [WriteStep.create, .write, .sync, .rename])
    func aDocumentThatCannotBeWrittenKeepsItsFigures(step: WriteStep) throws {
        let path = try paper(Self.circuitPaper)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try NotebookFile.run(path: path, options: options(.none))
        let figures = files(besides: path).filter { $0.hasSuffix(".svg") }
        let before = figures.map { FileManager.default.contents(atPath: folder + "/" + $0) }
        let edited =
            text(path).replacingOccurrences(of: "cx q[0], q[1];", with: "cx q[0], q[1];\nx q[1];")
            + Self.circuitPaper.replacingOccurrences(of: "id=bell", with: "id=second")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LocatedError.self) { try NotebookFile.run(path: path, options: options(.failing(step, with: ENOSPC) { $0 == path })) }
        #expect(text(path) == edited)
        #expect(files(besides: path).filter { $0.hasSuffix(".svg") } == figures)
        #expect(figures.map { FileManager.default.contents(atPath: folder + "/" + $0) } == before)
        #expect(!files(besides: path).contains { $0.hasSuffix(".tmp") })
        // Without the fault the same run changes the figures and adds the new one.
        _ = try NotebookFile.run(path: path, options: options(.none))
        #expect(figures.map { FileManager.default.contents(atPath: folder + "/" + $0) } != before)
        #expect(files(besides: path).filter { $0.hasSuffix(".svg") }.count > figures.count)
    }
}
