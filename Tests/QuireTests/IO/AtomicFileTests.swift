import Foundation
import QuireCore
import Testing

@testable import Quire

/// Writes are all-or-nothing, and keep the file's permissions.
struct AtomicFileTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quire-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFailureBeforeRenameLeavesTheOriginalIntact() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("paper.md").path
        try Data("original\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LocatedError.self) {
            try AtomicFile.write(Array(repeating: UInt8(ascii: "x"), count: 1 << 20), to: path, faults: .failing(.rename, with: EIO) { _ in true })
        }
        #expect(String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self) == "original\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["paper.md"])
    }

    @Test func permissionsAreKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("paper.md").path
        try Data("a".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        try AtomicFile.write(Array("b".utf8), to: path)
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o640)
        #expect(String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self) == "b")
    }

    @Test func aFailingBlockLeavesTheFileUntouched() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("paper.md").path
        let text = "```noise id=good\n```\n\n```noise id=bad\nreadout: {prob_meas1_prep0: 3}\n```\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try NotebookFile.run(path: path, options: RunOptions()) }
        #expect(String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self) == text)
    }

    /// The permission bits of the file replaced, without setuid, setgid or sticky (a setuid bit once
    /// reached an SVG); a new file, or one written without keeping the mode, is 0644.
    @Test(
        arguments: [(0o4755, true, 0o755), (0o2640, true, 0o640), (0o1600, true, 0o600), (0o600, false, 0o644), (nil, true, 0o644)]
            as [(Int?, Bool, Int)])
    func onlyThePlainPermissionBitsAreKept(before: Int?, keepingMode: Bool, after: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("figure.svg").path
        if let before {
            try Data("a".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, mode_t(before))
        }
        try AtomicFile.write(Array("b".utf8), to: path, keepingMode: keepingMode)
        var status = stat()
        stat(path, &status)
        #expect(Int(status.st_mode & 0o7777) == after)
    }

    /// A symbolic link at the target is replaced, never written through, and its target's mode is not copied.
    @Test func aLinkAtTheTargetIsReplacedNotFollowed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = folder.appendingPathComponent("outside.svg").path
        try Data("outside".utf8).write(to: URL(fileURLWithPath: outside))
        chmod(outside, 0o4777)
        let path = folder.appendingPathComponent("figure.svg").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside)
        try AtomicFile.write(Array("new".utf8), to: path)
        #expect(String(decoding: FileManager.default.contents(atPath: outside)!, as: UTF8.self) == "outside")
        var status = stat()
        lstat(path, &status)
        #expect(status.st_mode & S_IFMT == S_IFREG && status.st_mode & 0o7777 == 0o644)
    }
}
