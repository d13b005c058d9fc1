import Foundation
import Testing

@testable import Quire

/// Temporary files of killed runs: only Quire's own pattern, only when their process is gone.
struct StaleTemporariesTests {
    /// The id of a process that has exited (and been reaped).
    static func deadProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func onlyQuireTemporariesOfProcessesThatAreGoneAreRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-temporaries-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dead = try Self.deadProcess()
        let removable = [".paper.md.quire-\(dead).tmp", ".loss.svg.backup.quire-\(dead).tmp"]
        let kept = [
            ".paper.md.quire-\(getppid()).tmp",  // a live process: another run writing now
            ".paper.md.quire-\(getpid()).tmp",  // this process
            "paper.md.quire-\(dead).tmp",  // not hidden: not a name Quire gives
            ".quire-\(dead).tmp", ".paper.md.quire-x\(dead).tmp", ".paper.md.quire-\(dead).tmp.keep", "notes.txt",
        ]
        for name in removable + kept { try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        try FileManager.default.createDirectory(atPath: folder + "/.dir.quire-\(dead).tmp", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/.link.quire-\(dead).tmp", withDestinationPath: folder + "/notes.txt")
        #expect(StaleTemporaries.remove(in: folder) == removable.sorted())
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == (kept + [".dir.quire-\(dead).tmp", ".link.quire-\(dead).tmp"]).sorted())
    }

    @Test(
        arguments: [
            (".paper.md.quire-123.tmp", 123), (".a.quire-b.quire-7.tmp", 7), (".paper.md.quire-.tmp", nil), (".quire-5.tmp", nil),
            (".paper.md.quire-0.tmp", nil), (".paper.md.quire-99999999999.tmp", nil), ("paper.md.quire-5.tmp", nil),
        ] as [(String, Int?)])
    func processIDsAreReadOnlyFromQuiresPattern(name: String, pid: Int?) {
        #expect(StaleTemporaries.processID(name).map(Int.init) == pid)
    }
}
