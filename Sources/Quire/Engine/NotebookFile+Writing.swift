import Foundation
import QuireCore

/// The file-system rules of `quire run`'s write phase: what it may replace, and what it may delete.
extension NotebookFile {
    /// The file a run rewrites for the document at `path`: the path itself, or for a symbolic link
    /// the file it points to, replaced atomically beside it so the link stays a link (the command
    /// line named it, so it is trusted).
    ///
    /// - Throws: a `LocatedError` when the document would be `rewritten` but is read-only (no write
    ///   permission bit set) and not `force`.
    static func documentTarget(_ path: String, rewritten: Bool, force: Bool) throws -> String {
        let target = RegularFile.isRegular(path) ? path : ProjectPath.realPath(path) ?? path
        var status = stat()
        if rewritten, !force, stat(target, &status) == 0, status.st_mode & 0o222 == 0 {
            throw LocatedError(
                nil, "\(path) is read-only (mode \(String(status.st_mode & 0o777, radix: 8))); its results changed and it was not rewritten",
                hint: "make it writable (chmod u+w \(path)), or pass --force to rewrite it anyway")
        }
        return target
    }

    /// Stages the figure `bytes` at `relative` to the document's `folder`, or returns `nil` when the
    /// file already holds them. The figure is replaced, never written through: the path itself must
    /// be a regular file or absent, and lie inside the document's folder.
    ///
    /// - Throws: a `LocatedError` for a figure path leaving the folder or not a regular file, or
    ///   what `AtomicFile.stage` throws.
    static func stageFigure(_ bytes: [UInt8], at relative: String, in folder: String, path: String, faults: WriteFaults) throws -> StagedFile? {
        var status = stat()
        if lstat(folder + "/" + relative, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
            throw LocatedError(
                nil, "the figure \(relative) is a symbolic link or not a regular file; Quire does not write through it",
                hint: "delete it; Quire writes figures as plain files inside the document's folder. \(path) was not changed")
        }
        let target = try ProjectPath.checkedForWriting(relative, in: folder, what: "the figure")
        guard RegularFile.read(target, limit: maxDocumentBytes) != bytes else { return nil }
        let figureFolder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        try AtomicFile.createFolder(
            figureFolder, named: "the figures folder", hint: "check that the document's folder is writable; \(path) was not changed")
        return try AtomicFile.stage(bytes, to: target, faults: faults)
    }

    /// Deletes the figure at `relative` to `folder` that the document no longer produces, when
    /// `manifest` says Quire wrote it and it still holds those bytes; otherwise leaves it, with the
    /// warning saying why (neither when it is already gone).
    static func deleteStaleFigure(
        _ relative: String, in folder: String, manifest: FileManifest, manifestPath: String
    ) -> (deleted: Bool, warning: Diagnostic?) {
        let target = folder + "/" + relative
        var status = stat()
        guard lstat(target, &status) == 0 else { return (false, nil) }
        let reason: String
        if ProjectPath.realLocation(relative, in: folder) == nil || status.st_mode & S_IFMT != S_IFREG {
            reason = "it is not a regular file inside the document's folder"
        } else if manifest.files[relative] == nil {
            reason = "Quire has no record of writing it (\(manifestPath) does not list it, as in a fresh clone)"
        } else if !manifest.wrote(relative, in: folder) {
            reason = "it changed since Quire wrote it"
        } else if unlink(target) == 0 {
            return (true, nil)
        } else {
            reason = "it could not be deleted: \(String(cString: strerror(errno)))"
        }
        return (
            false,
            Diagnostic(
                location: nil, message: "the figure \(relative) is no longer produced but was left in place: \(reason)",
                hint: "delete it yourself if nothing else uses it")
        )
    }
}
