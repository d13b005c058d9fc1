import Foundation

/// Reading a file Quire wrote itself (a cache entry, the manifest, a lock file) from a folder that
/// someone else may have planted things in: only a regular file at the path itself, never what a
/// symbolic link there points to, and never more than a limit (a FIFO or `/dev/zero` cannot stall it).
enum RegularFile {
    /// The bytes of the regular file at `path`, or `nil` when it is absent, a symbolic link, not a
    /// regular file, unreadable, or larger than `limit` bytes.
    static func read(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let result = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if result < 0 && errno == EINTR { continue }
            guard result >= 0 else { return nil }
            if result == 0 { break }
            count += result
        }
        return count <= limit ? Array(bytes[..<count]) : nil
    }

    /// Whether `path` is a regular file itself (not a symbolic link to one).
    static func isRegular(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
