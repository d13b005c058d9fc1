import Foundation
import Quire
import QuireTestSupport
import Testing

@testable import quire

/// `quire run`'s messages: on a terminal one status line rewritten in place (blocks, sweep
/// points, repeats, epochs) and a line per finished block with its time, never in the document;
/// one summary line per file otherwise; nothing but errors with `--quiet`.
struct RunProgressTests {
    static let paper = "# Paper\n\n```noise id=lab\nreadout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}\n```\n\n```noise id=ideal\n```\n"

    static let sweep = Fixtures.sweepExperiment

    /// Erase the line, then draw: what every status update starts with.
    static let redraw = "\r\u{1B}[K"

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

    /// As a log, every event is a plain line (no control sequences), epochs at most once a second.
    @Test func theLogWritesPlainLinesWithEpochsOncePerSecond() {
        let log = Recorder(width: nil, index: 1, count: 1)
        func report(_ event: BlockProgress.Event, at milliseconds: Int) { log.report(event, at: milliseconds) }
        let position = BlockProgress.Position(point: 1, points: 1, repeat: 1, repeats: 1)
        report(.started, at: 0)
        report(.epoch(position, epoch: 1, epochs: 9), at: 100)
        report(.epoch(position, epoch: 2, epochs: 9), at: 700)  // 0.6 s after the last line: skipped
        report(.epoch(position, epoch: 3, epochs: 9), at: 1200)
        report(.epoch(position, epoch: 9, epochs: 9), at: 1300)
        report(.finished(cached: false), at: 1500)
        log.printer.note("p.md: updated")
        #expect(
            log.written == [
                "p.md [1/1] experiment s: started\n",
                "p.md [1/1] experiment s: repeat 1/1, epoch 1/9 · 0.10 s\n",
                "p.md [1/1] experiment s: repeat 1/1, epoch 3/9 · 1.20 s\n",
                "p.md [1/1] experiment s: repeat 1/1, epoch 9/9 · 1.30 s\n",
                "p.md [1/1] experiment s: done in 1.50 s\n",
                "p.md: updated\n",
            ])
    }

    /// `--log FILE` appends the events and the summary, stamped with the time, for run and check
    /// alike; stderr (not a terminal) still shows only the summary, and the document is the same.
    @Test func runAndCheckAppendToTheLog() throws {
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        let run = try QuireBinary.run(["run", "--log", "quire.log", "paper.md"], in: folder)
        #expect(run.status == 0 && run.stderr == "paper.md: updated\n")
        let check = try QuireBinary.run(["check", "--log", "quire.log", "paper.md"], in: folder)
        #expect(check.status == 0)
        let lines = try text(folder, "quire.log").split(separator: "\n").map { $0.drop(while: { $0 != " " }).dropFirst() }
        #expect(lines.contains("paper.md [1/2] noise lab: started"))
        #expect(lines.contains("paper.md: updated"))
        #expect(lines.last == "paper.md: identical")
        #expect(try !text(folder, "paper.md").contains("quire.log"))
        let unopenable = try QuireBinary.run(["run", "--log", "no/such/folder/quire.log", "paper.md"], in: folder)
        #expect(unopenable.status != 0 && unopenable.stderr.contains("--log no/such/folder/quire.log cannot be opened"))
    }

    /// The status line, drawn in place, epochs throttled but the first and last of a repeat always shown.
    @Test func thePrinterRewritesOneStatusLineAndPrintsFinishedBlocks() {
        let terminal = Recorder(width: 100, index: 2, count: 3)
        func report(_ event: BlockProgress.Event, at milliseconds: Int) { terminal.report(event, at: milliseconds) }
        let position = BlockProgress.Position(point: 2, points: 3, repeat: 1, repeats: 5)
        report(.started, at: 0)
        report(.epoch(position, epoch: 1, epochs: 4), at: 10)
        report(.epoch(position, epoch: 2, epochs: 4), at: 20)  // 10 ms after the last draw: skipped
        report(.epoch(position, epoch: 3, epochs: 4), at: 70)
        report(.epoch(position, epoch: 4, epochs: 4), at: 80)  // the last epoch: always drawn
        report(.repeatFinished(position), at: 90)
        report(.finished(cached: false), at: 1250)
        terminal.printer.finish()
        #expect(
            terminal.written == [
                Self.redraw + "p.md [2/3] experiment s: started",
                Self.redraw + "p.md [2/3] experiment s: point 2/3, repeat 1/5, epoch 1/4 · 0.01 s",
                Self.redraw + "p.md [2/3] experiment s: point 2/3, repeat 1/5, epoch 3/4 · 0.07 s",
                Self.redraw + "p.md [2/3] experiment s: point 2/3, repeat 1/5, epoch 4/4 · 0.08 s",
                Self.redraw + "p.md [2/3] experiment s: point 2/3, repeat 1/5 done · 0.09 s",
                Self.redraw + "p.md [2/3] experiment s: done in 1.25 s\n",
            ])
        var written: [String] = []
        let narrow = ProgressPrinter(file: "a-rather-long-document-name.md", width: 30, write: { written.append($0) }, now: { terminal.start })
        narrow.report(BlockProgress(id: "block", kind: "noise", index: 1, count: 1, event: .started))
        #expect(written.last == Self.redraw + "a-rather-long-document-name.m")  // width − 1 characters: never wraps
        narrow.finish()
        #expect(written.last == Self.redraw)
        #expect(BlockProgress.Position(point: 1, points: 1, repeat: 2, repeats: 3) == .init(point: 1, points: 1, repeat: 2, repeats: 3))
        #expect(ProgressPrinter.describe(.init(point: 1, points: 1, repeat: 2, repeats: 3)) == "repeat 2/3")
    }

    @Test func aFileNameWithControlsCannotDriveTheTerminal() {
        var written: [String] = []
        let start = ContinuousClock.now
        let printer = ProgressPrinter(file: "p\u{1B}[2J\r\u{202E}.md", width: 100, write: { written.append($0) }, now: { start })
        printer.report(BlockProgress(id: "a", kind: "noise", index: 1, count: 1, event: .started))
        printer.report(BlockProgress(id: "a", kind: "noise", index: 1, count: 1, event: .finished(cached: false)))
        #expect(
            written == [
                Self.redraw + "p\\u{001B}[2J\\u{000D}\\u{202E}.md [1/1] noise a: started",
                Self.redraw + "p\\u{001B}[2J\\u{000D}\\u{202E}.md [1/1] noise a: done in 0.00 s\n",
            ])
    }

    /// Runs `quire arguments` in `folder` under a pseudo-terminal with util-linux `script`, so
    /// stderr is a TTY; returns its exit status and everything the terminal received.
    func terminal(_ arguments: String, in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", "\(QuireBinary.url.path) \(arguments)", "/dev/null"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let terminal = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, terminal)
    }

    /// The lines a terminal shows at the end: each line's text after its last carriage return,
    /// erase sequences removed.
    func visibleLines(_ output: String) -> [String] {
        output.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map { line in
            String(line.split(separator: "\r", omittingEmptySubsequences: false).last ?? "").replacingOccurrences(of: "\u{1B}[K", with: "")
        }
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
            "skipped: /usr/bin/script (util-linux) is needed for a pseudo-terminal"))
    func aTerminalSeesEachBlockStartAndFinishWithItsTime() throws {
        let plain = try QuireBinary.folder(["paper.md": Self.paper])
        _ = try QuireBinary.run(["run", "paper.md"], in: plain)
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        let (status, output) = try terminal("run --jobs 1 paper.md", in: folder)
        #expect(status == 0)
        #expect(output.hasPrefix(Self.redraw + "paper.md [1/2] noise lab: started" + Self.redraw + "paper.md [1/2] noise lab: done in "), "\(output)")
        let lines = visibleLines(output)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first.map { $0.hasPrefix("paper.md [1/2] noise lab: done in ") && $0.hasSuffix(" s") } == true, "\(lines)")
        #expect(lines.dropFirst().first.map { $0.hasPrefix("paper.md [2/2] noise ideal: done in ") } == true, "\(lines)")
        #expect(lines.last == "paper.md: updated")
        #expect(try text(folder, "paper.md") == text(plain, "paper.md"))
    }

    /// An experiment's estimate is printed first, then its sweep points, repeats, epochs and batches
    /// appear in the status line, which is erased before the summary; without a terminal only the
    /// estimate and the summary line are printed; the document is the same for both and for any --jobs.
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
            "skipped: /usr/bin/script (util-linux) is needed for a pseudo-terminal"))
    func aTerminalSeesSweepPointsRepeatsAndEpochs() throws {
        let plain = try QuireBinary.folder(["paper.md": Self.sweep])
        let piped = try QuireBinary.run(["run", "--jobs", "1", "paper.md"], in: plain)
        let estimate = "estimate: 432 circuit evaluations (limit 100000000), 36 training steps; about "
        let pipedLines = piped.stderr.split(separator: "\n").map(String.init)
        #expect(
            piped.status == 0 && pipedLines.count == 2 && pipedLines[0].hasPrefix("paper.md: experiment s: " + estimate)
                && pipedLines[0].hasSuffix(" s on one thread (calibrated)") && pipedLines[1].hasPrefix("paper.md: updated,"),
            "\(piped.stderr)")
        let folder = try QuireBinary.folder(["paper.md": Self.sweep])
        let (status, output) = try terminal("run --jobs 2 paper.md", in: folder)
        #expect(status == 0)
        for point in 1...2 {
            for repeatNumber in 1...2 {
                let position = "paper.md [1/1] experiment s: point \(point)/2, repeat \(repeatNumber)/2"
                #expect(output.contains(Self.redraw + position + ", epoch 1/3, batch 1/3 · "), "\(output)")
                #expect(output.contains(Self.redraw + position + ", epoch 1/3 · "), "\(output)")
                #expect(output.contains(Self.redraw + position + ", epoch 3/3 · "), "\(output)")
                #expect(output.contains(Self.redraw + position + " done · "), "\(output)")
            }
        }
        let lines = visibleLines(output)
        #expect(
            lines.count == 3 && lines.first?.hasPrefix("paper.md [1/1] experiment s: " + estimate) == true
                && lines[1].hasPrefix("paper.md [1/1] experiment s: done in ") && lines.last == pipedLines[1], "\(lines)")
        #expect(try text(folder, "paper.md") == text(plain, "paper.md"))
    }

    /// A printer of block `index` of `count` in `p.md` whose clock the test sets and whose output it collects.
    final class Recorder {
        let start = ContinuousClock.now
        var offset = Duration.zero
        var written: [String] = []
        private(set) lazy var printer = ProgressPrinter(
            file: "p.md", width: width, write: { [unowned self] in written.append($0) }, now: { [unowned self] in start + offset })
        let width: Int?, index: Int, count: Int

        init(width: Int?, index: Int, count: Int) {
            self.width = width
            self.index = index
            self.count = count
        }

        /// Reports `event` of block `s` at `milliseconds` after the start.
        func report(_ event: BlockProgress.Event, at milliseconds: Int) {
            offset = .milliseconds(milliseconds)
            printer.report(BlockProgress(id: "s", kind: "experiment", index: index, count: count, event: event))
        }
    }
}
