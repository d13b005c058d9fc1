import Foundation
import Testing

@testable import quire

/// Every numeric option of every subcommand is checked before anything runs: non-finite, out of
/// range or unparsable values are a message and exit code 2, never a crash.
struct OptionValidationTests {
    @Test(arguments: [
        ["run", "--lock-timeout", "inf"], ["run", "--lock-timeout", "1e300"], ["run", "--lock-timeout", "nan"],
        ["run", "--lock-timeout", "-1"], ["run", "--lock-timeout", "86401"], ["run", "--jobs", "0"], ["run", "--jobs", "1025"],
        ["run", "--max-memory-gib", "inf"], ["run", "--max-memory-gib", "nan"], ["run", "--max-memory-gib", "0"],
        ["run", "--max-memory-gib", "-1"], ["run", "--max-shots", "0"], ["run", "--max-sweep-points", "0"],
        ["run", "--max-sweep-points", "1000001"], ["run", "--max-circuit-evaluations", "0"], ["run", "--max-baseline-operations", "0"],
        ["check", "--jobs", "0"], ["check", "--max-memory-gib", "inf"], ["check", "--max-shots", "-5"],
        ["sim", "--threads", "0"], ["sim", "--threads", "257"], ["sim", "--trajectories", "0"], ["sim", "--shots", "-1"],
        ["sim", "--shots", "11", "--max-shots", "10"], ["sim", "--max-memory-gib", "inf"],
        ["run", "--partition", "gpu"], ["run", "--no-wait"], ["run", "--executor", "slurm", "--no-cache"],
        ["run", "--executor", "slurm", "--array-limit", "0"], ["run", "--executor", "slurm", "--slurm-timeout", "nan"],
        ["run", "--executor", "slurm", "--partition", ""], ["run", "--executor", "cloud"], ["worker", "--list", "b"],
    ])
    func anOutOfRangeOptionIsAValidationError(arguments: [String]) {
        #expect(throws: (any Error).self) { try QuireCommand.parseAsRoot(arguments + ["a.md"]) }
    }

    @Test func optionsAtTheirBoundsAreAccepted() throws {
        _ = try QuireCommand.parseAsRoot(["run", "--lock-timeout", "0", "--jobs", "1024", "--max-memory-gib", "0.5", "a.md"])
        _ = try QuireCommand.parseAsRoot(["run", "--lock-timeout", "86400", "--max-baseline-operations", "1000000000000000000", "a.md"])
        _ = try QuireCommand.parseAsRoot(["sim", "--threads", "256", "--shots", "10", "--max-shots", "10", "a.qasm"])
        _ = try QuireCommand.parseAsRoot(["run", "--executor", "slurm", "--partition", "gpu", "--array-limit", "1", "--no-wait", "a.md"])
        _ = try QuireCommand.parseAsRoot(["worker", "--list", "tasks.list"])
    }

    /// Found by review: `--lock-timeout inf` and `1e300` crashed the binary with SIGILL.
    @Test(arguments: [["run", "--lock-timeout", "inf"], ["run", "--lock-timeout", "1e300"], ["run", "--jobs", "abc"], ["run", "--bogus"]])
    func theBinaryExitsTwoWithAMessage(arguments: [String]) throws {
        let folder = try QuireBinary.folder(["paper.md": "# Paper\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try QuireBinary.run(arguments + ["paper.md"], in: folder)
        #expect(outcome.status == 2 && outcome.stderr.hasPrefix("Error: "), "\(outcome.stderr)")
        #expect(String(decoding: try Data(contentsOf: folder.appendingPathComponent("paper.md")), as: UTF8.self) == "# Paper\n")
    }
}
