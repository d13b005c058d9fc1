import Foundation
import QuireCore

/// Writes files so that a reader (or a crash) never sees a partial file: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and the temporary file is renamed over the target.
/// The target's permission bits are kept.
///
/// Writing is two steps, so several files can change together: `stage` does everything that can
/// run out of space or permission, `StagedFile.commit` only renames.
public enum AtomicFile {
    /// Replaces (or creates) `path` with `bytes`.
    ///
    /// - Parameter faults: failures to inject at each step (tests: a full disk, a read-only folder,
    ///   an interruption before the rename).
    /// - Throws: a `LocatedError` naming the file, the step that failed and the system's reason; the
    ///   target is unchanged and no temporary file is left.
    public static func write(_ bytes: [UInt8], to path: String, faults: WriteFaults = .none) throws {
        try stage(bytes, to: path, faults: faults).commit()
    }

    /// Writes `bytes` to a temporary file beside `path` and flushes it to disk, leaving `path` as it is.
    ///
    /// - Throws: a `LocatedError` naming the file, the step that failed and the system's reason; no
    ///   temporary file is left.
    public static func stage(_ bytes: [UInt8], to path: String, faults: WriteFaults = .none) throws -> StagedFile {
        let url = URL(fileURLWithPath: path)
        let staged = StagedFile(
            target: path, temporary: url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".quire-\(getpid()).tmp",
            faults: faults)
        var status = stat()
        let mode = stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
        let descriptor = staged.attempt(.create) { open(staged.temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) }
        guard descriptor >= 0 else { throw failure("cannot create a temporary file beside \(path)", path) }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw failure("cannot set permissions of \(staged.temporary)", path) }
            try bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let result = staged.attempt(.write) { Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written) }
                    if result < 0 && errno == EINTR { continue }
                    guard result > 0 else { throw failure("cannot write \(path)", path) }
                    written += result
                }
            }
            guard staged.attempt(.sync, { fsync(descriptor) }) == 0 else { throw failure("cannot flush \(path) to disk", path) }
        } catch {
            staged.discard()
            throw error
        }
        return staged
    }

    /// The error for a failed step, with the system's reason (`errno`) and a hint saying `path` was not changed.
    static func failure(_ what: String, _ path: String) -> LocatedError {
        LocatedError(
            nil, "\(what): \(String(cString: strerror(errno)))",
            hint: "check that the folder exists, is writable and the disk is not full; \(path) was not changed")
    }
}

/// A file's new content, complete and flushed in a temporary file beside it: `commit` renames it
/// over the file, `discard` deletes it. Exactly one of them must be called.
public struct StagedFile: Sendable {
    /// The file to replace.
    public let target: String
    /// The temporary file holding the new content.
    let temporary: String
    /// Failures to inject.
    let faults: WriteFaults

    /// Renames the new content over the target and flushes the folder.
    ///
    /// - Throws: a `LocatedError` when the rename fails; the target is unchanged and the temporary file removed.
    public func commit() throws {
        guard attempt(.rename, { rename(temporary, target) }) == 0 else {
            let error = AtomicFile.failure("cannot replace \(target)", target)
            discard()
            throw error
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Deletes the new content; the target stays as it was.
    public func discard() {
        unlink(temporary)
    }

    /// Runs the system call `call` for `step` unless `faults` fails it, in which case `errno` is set
    /// and -1 returned, as the system would.
    func attempt<Result: BinaryInteger>(_ step: WriteStep, _ call: () -> Result) -> Result {
        if let code = faults.errorCode(step, target) {
            errno = code
            return -1
        }
        return call()
    }
}
