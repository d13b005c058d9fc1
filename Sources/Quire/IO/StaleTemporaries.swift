import Foundation

/// Temporary files that a killed `quire` left behind: `AtomicFile` names its new contents and
/// backups `.NAME.quire-PID.tmp` beside their targets, and a run killed with SIGKILL during its
/// write phase never removes them. The next run removes those whose process is gone.
public enum StaleTemporaries {
    /// Removes from `folder` (not its subfolders) every regular file named `.NAME.quire-PID.tmp`
    /// whose process no longer exists; files of live processes (another run writing right now)
    /// and every other file are left alone.
    ///
    /// - Returns: the names removed.
    @discardableResult
    public static func remove(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = processID(name), pid != getpid(), kill(pid, 0) != 0 && errno == ESRCH else { continue }
            let path = folder + "/" + name
            if RegularFile.isRegular(path), unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// The process id in a name of the form `.NAME.quire-PID.tmp`, or `nil` for any other name.
    static func processID(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".quire-", options: .backwards),
            marker.lowerBound > name.index(after: name.startIndex)
        else { return nil }
        let digits = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)]
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = pid_t(digits), pid > 0 else {
            return nil
        }
        return pid
    }
}
