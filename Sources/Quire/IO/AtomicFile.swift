import Foundation
import QuireCore

/// Writes files so that a reader (or a crash) never sees a partial file: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and the temporary file is renamed over the target.
///
/// Writing is two steps, so several files can change together: `stage` does everything that can
/// run out of space or permission, `StagedFile.commit` (or `StagedFile.commitAll`) only renames.
/// The rename replaces the path itself: a symbolic link there is replaced, never followed (a caller
/// that means to write through a link passes the link's resolved target).
public enum AtomicFile {
    /// Replaces (or creates) `path` with `bytes`.
    ///
    /// - Parameters:
    ///   - keepingMode: give the new file the permission bits of the regular file it replaces
    ///     (setuid, setgid and sticky never kept); otherwise, and for a new file, 0644.
    ///   - faults: failures to inject at each step (tests: a full disk, a read-only folder,
    ///     an interruption before the rename).
    /// - Throws: a `LocatedError` naming the file, the step that failed and the system's reason; the
    ///   target is unchanged and no temporary file is left.
    public static func write(_ bytes: [UInt8], to path: String, keepingMode: Bool = true, faults: WriteFaults = .none) throws {
        try stage(bytes, to: path, keepingMode: keepingMode, faults: faults).commit()
    }

    /// Writes `bytes` to a temporary file beside `path` and flushes it to disk, leaving `path` as it is.
    ///
    /// - Parameter keepingMode: as for `write`.
    /// - Throws: a `LocatedError` naming the file, the step that failed and the system's reason; no
    ///   temporary file is left.
    public static func stage(_ bytes: [UInt8], to path: String, keepingMode: Bool = true, faults: WriteFaults = .none) throws -> StagedFile {
        let staged = StagedFile(target: path, temporary: temporaryPath(for: path, purpose: ""), faults: faults)
        var status = stat()
        let replacesFile = lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        let mode = keepingMode && replacesFile ? status.st_mode & 0o777 : 0o644
        let descriptor = staged.attempt(.create) { open(staged.temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) }
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

    /// The temporary file beside `path` that this process uses for `purpose` (empty for new
    /// content, `backup` for the old content during a commit): `.NAME[.purpose].quire-PID.tmp`,
    /// the pattern `StaleTemporaries` recognises once the process is gone.
    static func temporaryPath(for path: String, purpose: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent + (purpose.isEmpty ? "" : "." + purpose)
        return url.deletingLastPathComponent().path + "/." + name + ".quire-\(getpid()).tmp"
    }

    /// Creates `folder` and any missing parents (`named` says what it is, for the error).
    ///
    /// - Throws: a `LocatedError` with the system's reason and `hint`.
    static func createFolder(_ folder: String, named: String, hint: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw LocatedError(nil, "cannot create \(named) \(folder): \((error as NSError).localizedDescription)", hint: hint)
        }
    }

    /// The error for a failed step, with the system's reason (`errno`) and a hint saying `path` was not changed.
    static func failure(_ what: String, _ path: String) -> LocatedError {
        LocatedError(
            nil, "\(what): \(String(cString: strerror(errno)))",
            hint: "check that the folder exists, is writable and the disk is not full; \(path) was not changed")
    }
}
