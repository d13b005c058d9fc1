import Crypto
import Foundation
import QuireCore

/// The per-user secret that authenticates cache entries: 32 random bytes in a file only the user
/// can read (`$XDG_CACHE_HOME/quire/key`, default `~/.cache/quire/key`; `QUIRE_CACHE_KEY` names
/// another file). An entry's checksum is an HMAC-SHA256 under this key, so whoever can write a
/// document's `.quire/` folder but not read the key (the author of a paper under review, a shared
/// folder, an unpacked archive) cannot make `quire run` accept a result it did not compute.
public struct CacheKey: Sendable {
    /// The key's bytes.
    let key: SymmetricKey

    /// The key file: `QUIRE_CACHE_KEY`, else `$XDG_CACHE_HOME/quire/key`, else `$HOME/.cache/quire/key`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["QUIRE_CACHE_KEY"], !path.isEmpty { return path }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/quire/key" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/quire/key"
    }

    /// The key in the file at `path`, created (32 random bytes, mode 0600, its folder 0700) when
    /// there is none.
    ///
    /// - Throws: a `LocatedError` saying why the key cannot be used: the file is not a regular
    ///   file, belongs to another user, can be read by others, has the wrong size, or cannot be created.
    public init(path: String) throws {
        if let key = try Self.read(path) {
            self.key = key
            return
        }
        try Self.create(path)
        guard let key = try Self.read(path) else { throw Self.unusable(path, "it cannot be read back after creating it") }
        self.key = key
    }

    /// The HMAC-SHA256 of `bytes` under the key, as 64 lowercase hex digits.
    func authenticationCode(_ bytes: [UInt8]) -> String {
        HMAC<SHA256>.authenticationCode(for: bytes, using: key).map { String(format: "%02x", $0) }.joined()
    }

    /// The HMAC-SHA256 of `fields`, each prefixed with its UTF-8 length and a colon, so no two
    /// different field lists authenticate the same text.
    func authenticationCode(fields: [String]) -> String {
        authenticationCode(Array(fields.map { "\($0.utf8.count):\($0)" }.joined().utf8))
    }

    /// The key in `path`, or `nil` when there is no file there.
    private static func read(_ path: String) throws -> SymmetricKey? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw unusable(path, errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { throw unusable(path, "it is not a regular file") }
        guard status.st_uid == geteuid() else { throw unusable(path, "it belongs to another user") }
        guard status.st_mode & 0o777 == 0o600 else {
            throw unusable(path, "its permissions are \(String(status.st_mode & 0o777, radix: 8)), not 600")
        }
        var bytes = [UInt8](repeating: 0, count: 33)
        let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, 33) }
        guard count == 32 else { throw unusable(path, "it does not hold 32 bytes") }
        return SymmetricKey(data: bytes[..<32])
    }

    /// Creates the key file at `path` whole or not at all: the bytes go to a private temporary
    /// file that is then linked to `path`, which fails if another process created it first (its
    /// key is then used).
    private static func create(_ path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
            throw unusable(path, "its folder cannot be created: \(String(cString: strerror(errno)))")
        }
        let temporary = path + ".\(UUID().uuidString).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw unusable(path, "it cannot be created: \(String(cString: strerror(errno)))") }
        defer { unlink(temporary) }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let written = key.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress!, 32) }
        let flushed = fchmod(descriptor, 0o600) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard written == 32, flushed, link(temporary, path) == 0 || errno == EEXIST else {
            throw unusable(path, "it cannot be written: \(String(cString: strerror(errno)))")
        }
    }

    /// The error for a key file that cannot be used, and why.
    private static func unusable(_ path: String, _ reason: String) -> LocatedError {
        LocatedError(
            nil, "the cache key \(path) cannot be used: \(reason); results are neither cached nor reused",
            hint: "delete it (Quire creates a new one, readable only by you, mode 600), or set QUIRE_CACHE_KEY to another file")
    }
}
