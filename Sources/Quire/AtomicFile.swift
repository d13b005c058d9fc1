import Foundation
import QuireCore

/// Writes files so that a reader (or a crash) never sees a partial file: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and the temporary file is renamed over the target.
/// The target's permission bits are kept.
public enum AtomicFile {
    /// Replaces (or creates) `path` with `bytes`.
    ///
    /// - Parameter faults: failures to inject at each step (tests: a full disk, a read-only folder,
    ///   an interruption before the rename).
    /// - Throws: a `LocatedError` naming the file, the step that failed and the system's reason; the
    ///   target is unchanged and no temporary file is left.
    public static func write(_ bytes: [UInt8], to path: String, faults: WriteFaults = .none) throws {
        /// Runs `call` unless `faults` fails `step`, then sets `errno` and returns -1 as the system would.
        func attempt<Result: BinaryInteger>(_ step: WriteStep, _ call: () -> Result) -> Result {
            if let code = faults.errorCode(step, path) {
                errno = code
                return -1
            }
            return call()
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".quire-\(getpid()).tmp"
        var status = stat()
        let mode = stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
        let descriptor = attempt(.create) { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) }
        guard descriptor >= 0 else { throw failure("cannot create a temporary file beside \(path)", path) }
        var committed = false
        defer { if !committed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw failure("cannot set permissions of \(temporary)", path) }
            try bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let result = attempt(.write) { Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written) }
                    if result < 0 && errno == EINTR { continue }
                    guard result > 0 else { throw failure("cannot write \(path)", path) }
                    written += result
                }
            }
            guard attempt(.sync, { fsync(descriptor) }) == 0 else { throw failure("cannot flush \(path) to disk", path) }
        }
        guard attempt(.rename, { rename(temporary, path) }) == 0 else { throw failure("cannot replace \(path)", path) }
        committed = true
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// The error for a failed step, with the system's reason (`errno`) and a hint saying `path` was not changed.
    private static func failure(_ what: String, _ path: String) -> LocatedError {
        LocatedError(nil, "\(what): \(String(cString: strerror(errno)))",
                     hint: "check that the folder exists, is writable and the disk is not full; \(path) was not changed")
    }
}
