import Foundation
import QuireCore

/// Writes files so that a reader (or a crash) never sees a partial file: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and the temporary file is renamed over the target.
/// The target's permission bits are kept.
public enum AtomicFile {
    /// Replaces (or creates) `path` with `bytes`.
    ///
    /// - Parameter beforeRename: runs after the temporary file is complete and before the rename;
    ///   tests inject failures here to prove the target is untouched when the write is interrupted.
    /// - Throws: a `LocatedError` naming the file and the system's reason; the target is unchanged.
    public static func write(_ bytes: [UInt8], to path: String, beforeRename: (() throws -> Void)? = nil) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".quire-\(getpid()).tmp"
        var status = stat()
        let mode = stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("cannot create a temporary file beside \(path)") }
        var committed = false
        defer { if !committed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw failure("cannot set permissions of \(temporary)") }
            try bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                    if result < 0 && errno == EINTR { continue }
                    guard result > 0 else { throw failure("cannot write \(path)") }
                    written += result
                }
            }
            guard fsync(descriptor) == 0 else { throw failure("cannot flush \(path) to disk") }
        }
        try beforeRename?()
        guard rename(temporary, path) == 0 else { throw failure("cannot replace \(path)") }
        committed = true
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func failure(_ what: String) -> LocatedError {
        LocatedError(nil, "\(what): \(String(cString: strerror(errno)))",
                     hint: "check that the folder exists, is writable and the disk is not full; the document was not changed")
    }
}
