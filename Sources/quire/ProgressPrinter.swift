import Foundation
import Quire

/// Prints a line to stderr as each block starts and finishes, with its elapsed time, for a
/// terminal (`quire run` when stderr is a TTY). Timings go to stderr only, never into a document.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var started: [String: ContinuousClock.Instant] = [:]
    private let file: String

    /// A printer for the blocks of `file`.
    init(file: String) {
        self.file = file
    }

    /// Prints `progress` (called from any thread).
    func report(_ progress: BlockProgress) {
        lock.withLock {
            let now = ContinuousClock.now
            let position = "\(file) [\(progress.index)/\(progress.count)] \(progress.kind) \(progress.id)"
            switch progress.event {
            case .started:
                started[progress.id] = now
                Exit.printError("\(position): started")
            case .finished(let cached):
                Exit.printError("\(position): \(cached ? "cached" : "done") in \(elapsed(progress.id, now))")
            case .failed:
                Exit.printError("\(position): failed after \(elapsed(progress.id, now))")
            }
        }
    }

    private func elapsed(_ id: String, _ now: ContinuousClock.Instant) -> String {
        guard let start = started[id] else { return "?" }
        let duration = now - start
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return String(format: "%.2f s", seconds)
    }
}
