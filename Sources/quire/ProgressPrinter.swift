import Foundation
import Quire
import QuireCore

#if canImport(Glibc)
    import Glibc
#endif

/// Shows `quire run`'s progress on a terminal (stderr a TTY): one status line rewritten in place
/// (`\r`, erase to end of line) as blocks start, optimizer steps and epochs end and sweep points'
/// repeats finish, a permanent line with an experiment's estimated work (`EstimateLine`) before it
/// computes, and one with the elapsed time as each block finishes or fails. Timings go to stderr
/// only, never into a document.
///
/// Step and epoch events redraw the status at most every `epochInterval` (always for the first and
/// last step of an epoch and an epoch that starts or ends a repeat's training), so a long study does not flood the terminal. The file name comes
/// from the command line and may hold control characters: they are written out (`TerminalText`).
///
/// As a log (`--log FILE`, `width` nil) every status becomes a plain line of its own, epochs at
/// most every `logEpochInterval`, with no terminal control sequences.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let file: String
    private let width: Int?
    private let write: (String) -> Void
    private let now: () -> ContinuousClock.Instant
    private var started: [Int: ContinuousClock.Instant] = [:]
    private var lastDraw: ContinuousClock.Instant?
    private var showing = false

    /// Shortest time between two status redraws caused by epochs.
    static let epochInterval = Duration.milliseconds(50)
    /// Shortest time between two log lines caused by epochs.
    static let logEpochInterval = Duration.seconds(1)

    /// A printer for the blocks of `file` writing to stderr, its status cut to the terminal's width.
    convenience init(file: String) {
        self.init(file: file, width: Self.terminalWidth(), write: { FileHandleWriter.write($0, descriptor: 2) }, now: { ContinuousClock.now })
    }

    /// A printer writing with `write`, reading the time from `now` (tests give both), its status
    /// line cut to `width` − 1 characters so it never wraps; with `width` nil, a log of lines.
    init(file: String, width: Int?, write: @escaping (String) -> Void, now: @escaping () -> ContinuousClock.Instant) {
        self.file = file
        self.width = width
        self.write = write
        self.now = now
    }

    /// Shows `progress` (called from any thread).
    func report(_ progress: BlockProgress) {
        lock.withLock {
            let time = now()
            let position = "\(file) [\(progress.index)/\(progress.count)] \(progress.kind) \(progress.id)"
            switch progress.event {
            case .started:
                started[progress.index] = time
                status("\(position): started", at: time)
            case .estimate(let estimate):
                line("\(position): \(EstimateLine.text(estimate, clock: now))")
                status("\(position): started", at: time)
            case .batch(let place, let epoch, let epochs, let batch, let batches):
                let due = lastDraw.map { time - $0 >= Self.epochInterval } ?? true
                guard due || batch == 1 || batch == batches else { return }
                status(
                    "\(position): \(Self.describe(place)), epoch \(epoch)/\(epochs), batch \(batch)/\(batches) · \(elapsed(progress.index, time))",
                    at: time)
            case .epoch(let place, let epoch, let epochs):
                let due = lastDraw.map { time - $0 >= (width == nil ? Self.logEpochInterval : Self.epochInterval) } ?? true
                guard due || epoch == 1 || epoch == epochs else { return }
                status("\(position): \(Self.describe(place)), epoch \(epoch)/\(epochs) · \(elapsed(progress.index, time))", at: time)
            case .repeatFinished(let place):
                status("\(position): \(Self.describe(place)) done · \(elapsed(progress.index, time))", at: time)
            case .finished(let cached):
                line("\(position): \(cached ? "cached" : "done") in \(elapsed(progress.index, time))")
            case .failed:
                line("\(position): failed after \(elapsed(progress.index, time))")
            }
        }
    }

    /// Erases the status line, so what follows starts on a clean line.
    func finish() {
        lock.withLock {
            if showing { write("\r\u{1B}[K") }
            showing = false
        }
    }

    /// Writes `text` as a line of its own (a summary after the blocks).
    func note(_ text: String) {
        lock.withLock { line(text) }
    }

    /// `point 2/3, repeat 1/5`, the point left out without a sweep.
    static func describe(_ position: BlockProgress.Position) -> String {
        (position.points > 1 ? "point \(position.point)/\(position.points), " : "") + "repeat \(position.repeat)/\(position.repeats)"
    }

    private func status(_ text: String, at time: ContinuousClock.Instant) {
        lastDraw = time
        guard let width else { return line(text) }
        write("\r\u{1B}[K" + String(TerminalText.escaped(text).prefix(max(width - 1, 20))))
        showing = true
    }

    private func line(_ text: String) {
        write((width == nil ? "" : "\r\u{1B}[K") + TerminalText.escaped(text) + "\n")
        showing = false
    }

    private func elapsed(_ index: Int, _ time: ContinuousClock.Instant) -> String {
        guard let start = started[index] else { return "?" }
        let duration = time - start
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return String(format: "%.2f s", seconds)
    }

    /// Columns of the terminal on stderr, 80 when it does not say.
    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
