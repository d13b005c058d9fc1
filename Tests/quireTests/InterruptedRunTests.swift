import Foundation
import Testing

/// A `quire run` killed by SIGINT or SIGTERM leaves the document as it was, and the lock file it
/// leaves behind is taken over by the next run (its owner no longer exists).
struct InterruptedRunTests {
    /// A document whose circuit takes minutes in a debug build: 14 qubits, 270 noisy gates, 5000 trajectories.
    static let slowDocument: String = {
        var qasm = ["OPENQASM 2.0;", "include \"qelib1.inc\";", "qreg q[14];"]
        for _ in 0..<10 {
            qasm += (0..<14).map { "h q[\($0)];" }
            qasm += (0..<13).map { "cx q[\($0)], q[\($0 + 1)];" }
        }
        return "# Slow\n\n```noise id=lab\ndepolarizing: {one_qubit: 0.01, two_qubit: 0.02}\n```\n\n"
            + "```circuit id=slow noise=lab method=trajectories trajectories=5000 shots=100\n" + qasm.joined(separator: "\n") + "\n```\n"
    }()

    @Test(arguments: [SIGINT, SIGTERM])
    func aKilledRunLeavesTheDocumentUnchanged(_ signal: Int32) throws {
        let folder = try QuireBinary.folder(["paper.md": Self.slowDocument])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = folder.appendingPathComponent(".paper.md.quire.lock").path
        let process = Process()
        process.executableURL = QuireBinary.url
        process.arguments = ["run", "--no-cache", "paper.md"]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The lock appears before the document is read; half a second later the circuit is running.
        let started = ContinuousClock.now
        while !FileManager.default.fileExists(atPath: lock) && ContinuousClock.now - started < .seconds(30) { usleep(10_000) }
        usleep(500_000)
        #expect(process.isRunning, "the run finished before it could be interrupted; the document is not slow enough")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("paper.md").path) == Data(Self.slowDocument.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".paper.md.quire.lock", "paper.md"])

        // The dead run's lock is stale: the next run takes it over and removes it when done.
        try Data("# Fast\n\n```noise id=lab\n```\n".utf8).write(to: folder.appendingPathComponent("paper.md"))
        let next = try QuireBinary.run(["run", "--no-cache", "--lock-timeout", "0", "paper.md"], in: folder)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock))
    }
}
