import Foundation
import Testing

/// `quire run`'s messages: per-block progress with timings on a terminal only (never in the
/// document), one summary line per file otherwise, nothing but errors with `--quiet`.
struct RunProgressTests {
    static let paper = "# Paper\n\n```noise id=lab\nreadout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}\n```\n\n```noise id=ideal\n```\n"

    func text(_ folder: URL, _ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    @Test func quietPrintsNothingAndWritesTheSameDocument() throws {
        let plain = try QuireBinary.folder(["paper.md": Self.paper])
        let quiet = try QuireBinary.folder(["paper.md": Self.paper])
        let loud = try QuireBinary.run(["run", "paper.md"], in: plain)
        let silent = try QuireBinary.run(["run", "--quiet", "paper.md"], in: quiet)
        #expect(loud.status == 0 && loud.stderr == "paper.md: updated\n")
        #expect(silent.status == 0 && silent.stderr.isEmpty && silent.stdout.isEmpty)
        #expect(try text(quiet, "paper.md") == text(plain, "paper.md"))
    }

    /// Runs `quire run` under a pseudo-terminal with util-linux `script`, so stderr is a TTY.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "skipped: /usr/bin/script (util-linux) is needed for a pseudo-terminal"))
    func aTerminalSeesEachBlockStartAndFinishWithItsTime() throws {
        let plain = try QuireBinary.folder(["paper.md": Self.paper])
        _ = try QuireBinary.run(["run", "paper.md"], in: plain)
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", "\(QuireBinary.url.path) run --jobs 1 paper.md", "/dev/null"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let terminal = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = terminal.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.count == 5, "\(lines)")
        #expect(lines.first == "paper.md [1/2] noise lab: started")
        #expect(lines.contains { $0.hasPrefix("paper.md [1/2] noise lab: done in ") && $0.hasSuffix(" s") })
        #expect(lines.contains("paper.md [2/2] noise ideal: started"))
        #expect(lines.last == "paper.md: updated")
        #expect(try text(folder, "paper.md") == text(plain, "paper.md"))
    }
}
