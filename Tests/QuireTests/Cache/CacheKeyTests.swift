import Foundation
import QuireCore
import Testing

@testable import Quire

/// The per-user secret of the cache: created private, refused when anyone else could read or plant it.
struct CacheKeyTests {
    /// A fresh folder for key files.
    func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func mode(_ path: String) -> mode_t {
        var status = stat()
        lstat(path, &status)
        return status.st_mode & 0o7777
    }

    @Test func theKeyIsCreatedPrivateAndThenReused() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/quire/key"
        let first = try CacheKey(path: path)
        #expect(mode(folder + "/quire") == 0o700 && mode(path) == 0o600)
        #expect(FileManager.default.contents(atPath: path)?.count == 32)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/quire") == ["key"])
        let second = try CacheKey(path: path)
        #expect(first.authenticationCode([1, 2, 3]) == second.authenticationCode([1, 2, 3]))
        let other = try CacheKey(path: folder + "/other/key")
        #expect(other.authenticationCode([1, 2, 3]) != first.authenticationCode([1, 2, 3]))
    }

    @Test(arguments: ["readable by others", "another user's", "a symbolic link", "a folder", "short"])
    func aKeyFileThatIsNotPrivateIsRefused(problem: String) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/key"
        let reasons = [
            "readable by others": "its permissions are 644, not 600", "another user's": "it belongs to another user",
            "a symbolic link": "it is a symbolic link", "a folder": "it is not a regular file", "short": "it does not hold 32 bytes",
        ]
        switch problem {
        case "a symbolic link":
            _ = try CacheKey(path: folder + "/planted")
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder + "/planted")
        case "a folder": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        default:
            try Data(repeating: 7, count: problem == "short" ? 16 : 32).write(to: URL(fileURLWithPath: path))
            chmod(path, problem == "readable by others" ? 0o644 : 0o600)
            if problem == "another user's" { chown(path, getuid() == 0 ? 65534 : 0, getgid()) }
        }
        let error = try #require(throws: LocatedError.self) { try CacheKey(path: path) }
        #expect(error.diagnostic.message == "the cache key \(path) cannot be used: \(reasons[problem]!); results are neither cached nor reused")
    }

    @Test func theKeyFileIsFoundThroughTheEnvironment() {
        #expect(CacheKey.defaultPath(environment: ["QUIRE_CACHE_KEY": "/k", "XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/k")
        #expect(CacheKey.defaultPath(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/quire/key")
        #expect(CacheKey.defaultPath(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/quire/key")
        #expect(CacheKey.defaultPath(environment: ["HOME": "/h"]) == "/h/.cache/quire/key")
    }

    /// An unusable key disables the cache with a warning; the run itself succeeds.
    @Test func anUnusableKeyRunsWithoutTheCache() throws {
        let project = try ProjectFolder(NotebookFileTests.circuit)
        defer { project.remove() }
        let key = project.outside + "/key"
        try Data(repeating: 1, count: 32).write(to: URL(fileURLWithPath: key))
        chmod(key, 0o644)
        let warnings = ProjectFolder.Warnings()
        var options = project.options(warnings: warnings)
        options.cacheKeyPath = key
        #expect(try NotebookFile.run(path: project.paper, options: options).documentChanged)
        #expect(warnings.all == ["the cache key \(key) cannot be used: its permissions are 644, not 600; results are neither cached nor reused"])
        #expect(!FileManager.default.fileExists(atPath: project.folder + "/.quire/cache"))
    }
}
