import Foundation
import QuireCore

/// The lock that serialises `quire run`s on one document: the file `.<name>.quire.lock` beside it,
/// created with `O_EXCL` (so exactly one process creates it) and holding the owner's process id.
///
/// A second run waits for the file to disappear, up to a timeout. A lock whose owner no longer
/// exists (a run killed with SIGKILL, or by SIGINT/SIGTERM, which skip the removal) is stale and
/// is removed; two runs that find the same stale lock at the same instant may both remove it, a
/// race accepted since it needs a killed run and two new ones within a few milliseconds.
public enum DocumentLock {
    /// The lock file of the document at `documentPath`.
    public static func path(for documentPath: String) -> String {
        let url = URL(fileURLWithPath: documentPath)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".quire.lock").path
    }

    /// Runs `body` holding the lock of the document at `documentPath`, waiting up to `timeout`
    /// seconds for another run to finish first; the lock file is removed when `body` returns or throws.
    ///
    /// - Throws: a `LocatedError` naming the owner when the lock is still held after `timeout`
    ///   seconds, or the system's reason when the lock file cannot be created; else what `body` throws.
    public static func holding<Result>(document documentPath: String, timeout: Double, _ body: () throws -> Result) throws -> Result {
        let path = Self.path(for: documentPath)
        try acquire(path, document: documentPath, timeout: timeout)
        defer { unlink(path) }
        return try body()
    }

    /// Creates the lock file `path` once no live process holds it, or throws after `timeout` seconds.
    private static func acquire(_ path: String, document documentPath: String, timeout: Double) throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(max(0, timeout) * 1000))
        while true {
            // O_EXCL never follows a symbolic link planted at the path (nor O_NOFOLLOW), so no file
            // outside the folder is created or truncated.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                let pid = Array("\(getpid())\n".utf8)
                _ = pid.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress!, $0.count) }
                close(descriptor)
                return
            }
            guard errno == EEXIST else {
                throw LocatedError(
                    nil, "cannot create the lock file \(path): \(String(cString: strerror(errno)))",
                    hint: "check that the document's folder is writable; the document was not changed")
            }
            var status = stat()
            if lstat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
                throw LocatedError(
                    nil, "the lock file \(path) is a symbolic link or not a regular file; Quire did not create it",
                    hint: "delete \(path) and run again; the document was not changed")
            }
            let owner = Self.owner(of: path)
            if let owner, kill(owner, 0) != 0 && errno == ESRCH {
                unlink(path)
                continue
            }
            guard ContinuousClock.now < deadline else {
                throw LocatedError(
                    nil,
                    "\(documentPath) is being run by another quire process"
                        + (owner.map { " (pid \($0))" } ?? "") + "; waited \(timeout) seconds for its lock \(path)",
                    hint: "wait for the other run to finish, or pass --lock-timeout with more seconds; if no quire process is running, delete \(path)"
                )
            }
            usleep(50_000)
        }
    }

    /// The process id recorded in the lock file, if it is a regular file holding one.
    private static func owner(of path: String) -> pid_t? {
        guard let bytes = RegularFile.read(path, limit: 64) else { return nil }
        return pid_t(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
