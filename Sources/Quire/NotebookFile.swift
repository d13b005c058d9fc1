import Foundation
import QuireCore

/// `quire run` and `quire check` on files: reads the document, evaluates it with `Notebook`, and
/// writes figures and then the document atomically, only when every block succeeded (or
/// `--keep-going` was given).
public enum NotebookFile {
    /// What a run did to one file.
    public struct RunReport: Sendable {
        /// Whether the document's bytes changed.
        public var documentChanged: Bool
        /// Figure files written or deleted.
        public var figuresChanged: Int
        /// Blocks that failed under `--keep-going`.
        public var failures: [any InputError]
        /// Blocks whose result came from the cache.
        public var cacheHits: Int
    }

    /// Runs every block of the document at `path` and rewrites it in place, holding the document's
    /// lock (`DocumentLock`) from before the read until after the write, so concurrent runs serialise.
    public static func run(path: String, options: RunOptions) throws -> RunReport {
        try DocumentLock.holding(document: path, timeout: options.lockTimeout) { try runLocked(path: path, options: options) }
    }

    private static func runLocked(path: String, options: RunOptions) throws -> RunReport {
        let bytes = try read(path)
        let evaluation = try Notebook.evaluate(bytes: bytes, file: path, options: located(options, path))
        // Told before anything is written, so a warning is seen even when a write then fails.
        for warning in evaluation.warnings { options.warning?(warning) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        // Every new file is staged (written and flushed) before any is renamed into place, so a full
        // disk or a read-only folder leaves the document and its figures as they were.
        var staged: [StagedFile] = []
        var committing = false
        var committed = 0
        let changed = evaluation.document != bytes
        do {
            for (relative, figure) in evaluation.figures {
                let target = folder.appendingPathComponent(relative).path
                guard (try? read(target)) != figure else { continue }
                let figureFolder = URL(fileURLWithPath: target).deletingLastPathComponent().path
                do {
                    try FileManager.default.createDirectory(atPath: figureFolder, withIntermediateDirectories: true)
                } catch {
                    throw LocatedError(
                        nil, "cannot create the figures folder \(figureFolder): \((error as NSError).localizedDescription)",
                        hint: "check that the document's folder is writable; \(path) was not changed")
                }
                staged.append(try AtomicFile.stage(figure, to: target, faults: options.writeFaults))
            }
            if changed { staged.append(try AtomicFile.stage(evaluation.document, to: path, faults: options.writeFaults)) }
            // The document last: it never links a figure older than itself.
            committing = true
            for file in staged {
                try file.commit()
                committed += 1
            }
        } catch {
            // Staged and never renamed: everything when staging failed, else what follows the failed
            // rename (which removed its own temporary file).
            for file in staged.dropFirst(committing ? committed + 1 : 0) { file.discard() }
            throw error
        }
        var figuresChanged = staged.count - (changed ? 1 : 0)
        // Only once the document no longer links them: a failed write leaves the old one whole.
        for relative in evaluation.staleFigures {
            if unlink(folder.appendingPathComponent(relative).path) == 0 { figuresChanged += 1 }
        }
        return RunReport(documentChanged: changed, figuresChanged: figuresChanged, failures: evaluation.failures, cacheHits: evaluation.cacheHits)
    }

    /// Re-executes the document at `path` from scratch and compares every block with what it records.
    public static func check(path: String, options: RunOptions) throws -> CheckReport {
        let bytes = try read(path)
        var fresh = options
        fresh.force = true
        fresh.keepGoing = false
        fresh.useCache = false
        let evaluation = try Notebook.evaluate(bytes: bytes, file: path, options: located(fresh, path))
        var report = try CheckReport.compare(
            plan: try Notebook.plan(bytes: bytes, file: path, options: located(options, path)),
            fresh: evaluation.document, file: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for (relative, figure) in evaluation.figures where (try? read(folder.appendingPathComponent(relative).path)) != figure {
            report.notes.append("figure \(relative) is missing or differs from a fresh run")
        }
        return report
    }

    /// Compares the inputs the document at `path` records with its current sources, running
    /// nothing: answers in milliseconds whether `quire run` is needed (a pre-commit hook).
    public static func checkStale(path: String, options: RunOptions) throws -> CheckReport {
        let bytes = try read(path)
        return CheckReport.staleness(plan: try Notebook.plan(bytes: bytes, file: path, options: located(options, path)), file: path)
    }

    /// `options` with the project folder (and the cache, when used) set to the folder of the document at `path`.
    private static func located(_ options: RunOptions, _ path: String) -> RunOptions {
        var options = options
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        options.projectFolder = folder
        options.cache = options.useCache ? BlockCache(documentFolder: folder, faults: options.writeFaults) : nil
        return options
    }

    /// Largest document read, in bytes; a request beyond it is refused before reading.
    public static let maxDocumentBytes = 256 << 20

    /// The bytes of `path`, refusing files larger than `limit` bytes before reading them.
    ///
    /// - Throws: a `LocatedError` saying the file is missing, unreadable or too large.
    static func read(_ path: String, limit: Int = maxDocumentBytes) throws -> [UInt8] {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw LocatedError(
                nil, "\(path) is \(size) bytes, more than the limit of \(limit) bytes",
                hint: "Quire reads documents and circuit files of at most \(limit >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw LocatedError(
                nil, exists ? "cannot read \(path)" : "no such file: \(path)",
                hint: exists ? "check the file's permissions" : "check the path; it is relative to the current folder")
        }
        return [UInt8](data)
    }
}
