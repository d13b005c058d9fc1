import Foundation
import QuireCore
import Testing

@testable import quire

/// The command line as users meet it: the built binary's exit codes, messages and file effects,
/// and argument parsing in process.
struct CommandLineTests {
    static let paper = "# Paper\n\n```noise id=lab\nreadout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}\n```\n"

    func text(_ folder: URL, _ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    @Test func runThenRunAgainThenCheck() throws {
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        let first = try QuireBinary.run(["run", "paper.md"], in: folder)
        #expect(first.status == 0)
        #expect(first.stderr == "paper.md: updated\n")
        let once = try text(folder, "paper.md")
        #expect(once.hasPrefix(Self.paper))
        let second = try QuireBinary.run(["run", "paper.md"], in: folder)
        #expect(second.status == 0 && second.stderr == "paper.md: unchanged, 1 cached block reused\n")
        #expect(try text(folder, "paper.md") == once)
        let check = try QuireBinary.run(["check", "paper.md"], in: folder)
        #expect(check.status == 0 && check.stdout == "paper.md: lab: identical\n")
    }

    @Test func checkExitsOneOnADifference() throws {
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        _ = try QuireBinary.run(["run", "paper.md"], in: folder)
        let edited = try text(folder, "paper.md").replacingOccurrences(of: "0.05}", with: "0.06}")
        try Data(edited.utf8).write(to: folder.appendingPathComponent("paper.md"))
        let check = try QuireBinary.run(["check", "paper.md"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout.contains("paper.md"))
        #expect(try text(folder, "paper.md") == edited)
    }

    @Test(arguments: [
        ("```circut id=a\nx\n```\n", "paper.md:1:4", "did you mean 'circuit'"),
        ("```noise id=a\n```\n\n```noise id=a\n```\n", "paper.md:4:1", "duplicate"),
        ("```noise\n```\n", "paper.md:1:1", "id"),
        ("---\nquire: {seed: -1}\n---\n", "paper.md:2:", "seed"),
        ("```noise id=a\n```\n\n<!-- quire:output id=a -->\nx\n", "paper.md:4:1", "closing"),
        (
            "```experiment id=e\ndataset: {name: moons, samples: 20}\nmodel:\n  kind: variational\n  ansatz:\n    qasm: |\n      ry(theta[0]) q[0];\n      foo q[1];\n```\n",
            "paper.md:8:7", "unknown gate `foo`"
        ),
    ])
    func badInputExitsTwoAndLeavesTheFileUntouched(document: String, location: String, mention: String) throws {
        let folder = try QuireBinary.folder(["paper.md": document])
        let outcome = try QuireBinary.run(["run", "paper.md"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(location), "\(outcome.stderr)")
        #expect(outcome.stderr.lowercased().contains(mention), "\(outcome.stderr)")
        #expect(try text(folder, "paper.md") == document)
    }

    /// A report section that cannot be drawn is a warning on stderr at its place in the document;
    /// the run still succeeds.
    @Test func anUndrawableReportSectionIsWarnedAboutAtItsPlace() throws {
        let paper = "```experiment id=e\ndataset: {name: moons, samples: 20}\nbaselines: [logistic-regression]\nreport: [metrics, loss-curve]\n```\n"
        let outcome = try QuireBinary.run(["run", "paper.md"], in: try QuireBinary.folder(["paper.md": paper]))
        #expect(outcome.status == 0)
        #expect(
            outcome.stderr.hasPrefix("paper.md:4:19: warning: report section 'loss-curve' needs a variational model;"), "\(outcome.stderr)")
    }

    @Test func missingFileIsBadInput() throws {
        let outcome = try QuireBinary.run(["run", "absent.md"], in: try QuireBinary.folder([:]))
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("absent.md"))
    }

    @Test func keepGoingWritesTheOthersAndExitsTwo() throws {
        let document = Self.paper + "\n```noise id=bad\nreadout: {prob_meas1_prep0: 3}\n```\n"
        let folder = try QuireBinary.folder(["paper.md": document])
        let strict = try QuireBinary.run(["run", "paper.md"], in: folder)
        #expect(strict.status == 2 && strict.stderr.contains("paper.md:8:29"))
        #expect(try text(folder, "paper.md") == document)
        let lenient = try QuireBinary.run(["run", "--keep-going", "paper.md"], in: folder)
        #expect(lenient.status == 2)
        let written = try text(folder, "paper.md")
        #expect(written.contains("<!-- quire:output id=lab -->") && written.contains("**Quire error**"))
    }

    @Test func renderRefusesToWriteOverTheDocument() throws {
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        let outcome = try QuireBinary.run(["render", "paper.md", "-o", "paper.md"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("the output paper.md is the document being rendered"), "\(outcome.stderr)")
        #expect(try text(folder, "paper.md") == Self.paper)
        #expect(try QuireBinary.run(["render", "paper.md"], in: folder).status == 0)
    }

    @Test func aReadOnlyDocumentNeedsForce() throws {
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        chmod(folder.appendingPathComponent("paper.md").path, 0o444)
        let refused = try QuireBinary.run(["run", "paper.md"], in: folder)
        #expect(refused.status == 2 && refused.stderr.contains("paper.md is read-only (mode 444)") && refused.stderr.contains("--force"))
        #expect(try text(folder, "paper.md") == Self.paper)
        #expect(try QuireBinary.run(["run", "--force", "paper.md"], in: folder).status == 0)
        #expect(try text(folder, "paper.md") != Self.paper)
    }

    /// `quire cache clean` with `.quire` a link to a folder outside: refused, nothing deleted there.
    @Test func cacheCleanRefusesACacheLinkedOutside() throws {
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        let outside = try QuireBinary.folder([:])
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("cache"), withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: outside.appendingPathComponent("cache/" + String(repeating: "0", count: 64) + ".json"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(".quire"), withDestinationURL: outside)
        let outcome = try QuireBinary.run(["cache", "clean", "paper.md"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("the cache folder '.quire/cache' leads outside the document's folder"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.appendingPathComponent("cache").path).count == 1)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".quire"))
        _ = try QuireBinary.run(["run", "paper.md"], in: folder)
        let cleaned = try QuireBinary.run(["cache", "clean", "paper.md"], in: folder)
        #expect(cleaned.status == 0 && cleaned.stderr.hasSuffix("1 entry deleted\n"), "\(cleaned.stderr)")
    }

    @Test func documentTextReachesTheTerminalWithItsControlsWrittenOut() throws {
        // A YAML key that clears the screen, retitles the terminal, returns the carriage, reverses
        // the text and forges a diagnostic line.
        let key = "\\e[2J\\e]0;pwned\\a\\rx\\u202E\\npaper.md:1:1: error: forged"
        let document = Self.paper + "\n```noise id=bad\n\"\(key)\": 1\n```\n"
        let folder = try QuireBinary.folder(["old.md": document, "paper.md": document])
        let hasRawControl = { (text: String) in text.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" } }
        let run = try QuireBinary.run(["run", "--keep-going", "paper.md"], in: folder)
        #expect(run.status == 2 && !hasRawControl(run.stderr), "\(run.stderr)")
        #expect(run.stderr.contains("\\u{001B}[2J\\u{001B}]0;pwned\\u{0007}\\u{000D}x\\u{202E}\\u{000A}paper.md:1:1: error: forged"))
        // A region edited by hand to hide its text: check and diff quote it.
        let clean = try QuireBinary.folder(["old.md": Self.paper, "paper.md": Self.paper])
        _ = try QuireBinary.run(["run", "paper.md"], in: clean)
        let edited = try text(clean, "paper.md").replacingOccurrences(of: "| scope", with: "\u{1B}[8m\r| scope")
        try Data(edited.utf8).write(to: clean.appendingPathComponent("paper.md"))
        for arguments in [["check", "paper.md"], ["check", "--format", "markdown", "paper.md"], ["diff", "old.md", "paper.md"]] {
            let outcome = try QuireBinary.run(arguments, in: clean)
            #expect(!hasRawControl(outcome.stdout) && !hasRawControl(outcome.stderr), "\(arguments)")
            #expect(outcome.stdout.contains("\\u{001B}[8m"), "\(arguments): \(outcome.stdout)")
        }
    }

    @Test func invalidUTF8ThatHidesNothingIsAWarningWithItsPlace() throws {
        let folder = try QuireBinary.folder([:])
        let document = Array("# Caf".utf8) + [0xE9] + Array("\n".utf8) + Array(Self.paper.utf8)
        try Data(document).write(to: folder.appendingPathComponent("paper.md"))
        let run = try QuireBinary.run(["run", "paper.md"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("paper.md:1:6: warning: invalid UTF-8: byte 0xE9"), "\(run.stderr)")
        let written = [UInt8](try Data(contentsOf: folder.appendingPathComponent("paper.md")))
        #expect(written.starts(with: document) && written.count > document.count)
    }

    @Test func argumentsParseInProcess() throws {
        let command = try QuireCommand.parseAsRoot(["run", "--force", "--keep-going", "--max-shots", "10", "a.md", "b.md"])
        let run = try #require(command as? QuireCommand.Run)
        #expect(run.files == ["a.md", "b.md"] && run.force && run.keepGoing && run.limits.maxShots == 10)
        #expect(throws: (any Error).self) { try QuireCommand.parseAsRoot(["run", "--max-memory-gib", "0", "a.md"]) }
    }
}
