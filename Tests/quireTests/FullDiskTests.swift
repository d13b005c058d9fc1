import Foundation
import Testing

/// `quire run` on a real full disk and a real read-only folder: a 64 KiB tmpfs, filled up and then
/// remounted read-only. Needs root and a kernel that lets the test mount (CI containers often do
/// not: the test is then skipped with that reason); `QuireTests/WriteFaultTests` covers the same
/// failures everywhere by injecting them.
struct FullDiskTests {
    static let paper = "# Devices\n\n```noise id=lab\ndepolarizing: {one_qubit: 0.001, two_qubit: 0.01}\n```\n\n```noise id=ideal\n```\n"

    /// Runs `mount arguments…`; whether it succeeded.
    static func mount(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A fresh folder with a 64 KiB tmpfs mounted on it, or `nil` when mounting is not permitted.
    static func tinyDisk() -> URL? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-disk-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        guard getuid() == 0, mount(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return folder
    }

    /// Unmounts and removes a folder from `tinyDisk()`.
    static func remove(_ disk: URL) {
        _ = mount(["umount", disk.path])
        try? FileManager.default.removeItem(at: disk)
    }

    static let canMount: Bool = {
        guard let disk = tinyDisk() else { return false }
        remove(disk)
        return true
    }()

    /// Every file under `folder`, relative to it.
    func files(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    @Test(.enabled(if: canMount, "needs root and permission to mount a tmpfs"))
    func aFullDiskAndAReadOnlyFolderLeaveTheDocumentAndTheCacheIntact() throws {
        let disk = try #require(Self.tinyDisk())
        defer { Self.remove(disk) }
        let document = disk.appendingPathComponent("paper.md")
        try Data(Self.paper.utf8).write(to: document)
        // Fill the disk to the last page.
        let filler = try #require(
            FileHandle(
                forWritingAtPath: {
                    FileManager.default.createFile(atPath: disk.appendingPathComponent("filler").path, contents: nil)
                    return disk.appendingPathComponent("filler").path
                }()))
        while (try? filler.write(contentsOf: Data(count: 1024))) != nil {}
        try? filler.close()

        let full = try QuireBinary.run(["run", "paper.md"], in: disk)
        #expect(full.status == 2)
        #expect(full.stderr.contains("error: cannot write paper.md: No space left on device"), "\(full.stderr)")
        #expect(full.stderr.contains("paper.md: warning: the result of block 'lab' was not cached"), "\(full.stderr)")
        #expect(try String(contentsOf: document, encoding: .utf8) == Self.paper)
        #expect(files(in: disk) == ["filler", "paper.md"])

        try FileManager.default.removeItem(at: disk.appendingPathComponent("filler"))
        #expect(Self.mount(["mount", "-o", "remount,ro", disk.path]))
        let readOnly = try QuireBinary.run(["run", "paper.md"], in: disk)
        #expect(readOnly.status == 2)
        #expect(
            readOnly.stderr.contains("error: cannot create the lock file") && readOnly.stderr.contains("Read-only file system"), "\(readOnly.stderr)")
        #expect(try String(contentsOf: document, encoding: .utf8) == Self.paper)
    }
}
