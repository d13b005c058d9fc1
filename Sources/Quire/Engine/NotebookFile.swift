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
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let manifestPath = try FileManifest.path(documentFolder: folder, documentName: URL(fileURLWithPath: path).lastPathComponent)
        let options = try located(options, path)
        StaleTemporaries.remove(in: folder)
        if let cache = options.cache { StaleTemporaries.remove(in: cache.folder) }
        let evaluation = try Notebook.evaluate(bytes: bytes, file: path, options: options)
        // Told before anything is written, so a warning is seen even when a write then fails.
        for warning in evaluation.warnings { options.warning?(warning) }
        let figuresFolder = try ProjectPath.checkedForWriting(
            evaluation.settings.figures, in: folder, what: "the figures folder", at: evaluation.settings.figuresLocation)
        StaleTemporaries.remove(in: figuresFolder)
        let changed = evaluation.document != bytes
        let target = try documentTarget(path, rewritten: changed, force: options.force)
        if target != path { StaleTemporaries.remove(in: URL(fileURLWithPath: target).deletingLastPathComponent().path) }
        // Every new file is staged (written and flushed) before any is renamed into place, and the
        // renames are undone when one fails, so a full disk or a read-only folder leaves the
        // document and its figures as they were.
        var staged: [StagedFile] = []
        do {
            for (relative, figure) in evaluation.figures {
                if let file = try stageFigure(figure, at: relative, in: folder, path: path, faults: options.writeFaults) { staged.append(file) }
            }
            if changed { staged.append(try AtomicFile.stage(evaluation.document, to: target, faults: options.writeFaults)) }
        } catch {
            for file in staged { file.discard() }
            throw error
        }
        // The document last: it never links a figure older than itself.
        try StagedFile.commitAll(staged)
        var figuresChanged = staged.count - (changed ? 1 : 0)
        // Only once the document no longer links them: a failed write leaves the old one whole.
        let manifest = FileManifest.load(manifestPath)
        for relative in evaluation.staleFigures {
            let outcome = deleteStaleFigure(relative, in: folder, manifest: manifest, manifestPath: manifestPath)
            if outcome.deleted { figuresChanged += 1 }
            if let warning = outcome.warning { options.warning?(warning) }
        }
        let written = FileManifest(files: evaluation.figures.reduce(into: [:]) { $0[$1.key] = Hashing.sha256Hex($1.value) })
        if written != manifest && !(written.files.isEmpty && RegularFile.read(manifestPath, limit: FileManifest.maxBytes) == nil) {
            do { try written.write(to: manifestPath, faults: options.writeFaults) } catch let error as LocatedError {
                options.warning?(
                    Diagnostic(
                        location: nil, message: "the record of the figures Quire wrote was not updated: \(error.diagnostic.message)",
                        hint: "the run is unaffected; figures it no longer produces may be left in place next time"))
            }
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
        let located = try located(fresh, path)
        let plan = try Notebook.plan(bytes: bytes, file: path, options: located)
        let (evaluation, freshDocument) = try Notebook.evaluate(plan, options: located)
        var report = CheckReport.compare(plan: plan, fresh: freshDocument, file: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for (relative, figure) in evaluation.figures
        where RegularFile.read(folder.appendingPathComponent(relative).path, limit: maxDocumentBytes) != figure {
            report.notes.append("figure \(relative) is missing or differs from a fresh run")
        }
        return report
    }

    /// Compares the inputs the document at `path` records with its current sources, running
    /// nothing: answers in milliseconds whether `quire run` is needed (a pre-commit hook).
    public static func checkStale(path: String, options: RunOptions) throws -> CheckReport {
        let bytes = try read(path)
        return CheckReport.staleness(plan: try Notebook.plan(bytes: bytes, file: path, options: try located(options, path)), file: path)
    }

    /// `options` with the project folder (and the cache, when used) set to the folder of the document
    /// at `path`. A cache key that cannot be used is a warning: the run goes on without the cache.
    ///
    /// - Throws: a `LocatedError` when the cache is used and its folder leads outside the document's.
    static func located(_ options: RunOptions, _ path: String) throws -> RunOptions {
        var options = options
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        options.projectFolder = folder
        options.cache = nil
        guard options.useCache else { return options }
        _ = try BlockCache.folder(documentFolder: folder)
        do {
            let secret = try CacheKey(path: options.cacheKeyPath ?? CacheKey.defaultPath())
            options.cache = try BlockCache(documentFolder: folder, secret: secret, faults: options.writeFaults)
        } catch let error as LocatedError {
            options.warning?(error.diagnostic)
        }
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
