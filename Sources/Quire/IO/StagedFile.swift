import Foundation
import QuireCore

/// A file's new content, complete and flushed in a temporary file beside it: `commit` renames it
/// over the file, `discard` deletes it. Exactly one of them must be called (or `commitAll`).
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
        Self.syncFolder(of: target)
    }

    /// Deletes the new content; the target stays as it was.
    public func discard() {
        unlink(temporary)
    }

    /// Flushes the folder holding `path`, so a rename in it survives a crash.
    static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
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
