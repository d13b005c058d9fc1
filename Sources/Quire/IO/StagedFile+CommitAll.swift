import Foundation
import QuireCore

extension StagedFile {
    /// Renames every file of `files` into place, in order, as one change (a run's figures, then its
    /// document): before a target is replaced its old content is kept in a backup beside it (a hard
    /// link, or a rename where the file system has no links); when a rename fails, every target
    /// already replaced gets its old content back (one that did not exist is removed again) and
    /// the files not yet renamed are discarded. Backups are deleted once every file is in place.
    ///
    /// - Throws: the `LocatedError` of the step that failed; every target is then as it was.
    public static func commitAll(_ files: [StagedFile]) throws {
        var replaced: [(file: StagedFile, backup: String?)] = []
        for (index, file) in files.enumerated() {
            do {
                replaced.append((file, try file.backUpTarget()))
                try file.commit()
            } catch {
                for (file, backup) in replaced.reversed() {
                    guard let backup else {
                        unlink(file.target)
                        continue
                    }
                    // A rename between two links of one file does nothing (the failed file's own
                    // target is still the backup's file), so the backup name is removed after it.
                    rename(backup, file.target)
                    unlink(backup)
                }
                // The failed file's own temporary is gone (commit removes it), or still there when the backup failed.
                for file in files[index...] { file.discard() }
                throw error
            }
        }
        for case let backup? in replaced.map(\.backup) { unlink(backup) }
    }

    /// Keeps the target's current content under a backup name beside it, returning that name;
    /// `nil` when there is no target yet.
    ///
    /// - Throws: a `LocatedError` with the system's reason when neither a link nor a rename works.
    private func backUpTarget() throws -> String? {
        var status = stat()
        guard lstat(target, &status) == 0 else { return nil }
        let backup = AtomicFile.temporaryPath(for: target, purpose: "backup")
        guard link(target, backup) == 0 || rename(target, backup) == 0 else {
            throw AtomicFile.failure("cannot keep the old content of \(target) while replacing it", target)
        }
        return backup
    }
}
