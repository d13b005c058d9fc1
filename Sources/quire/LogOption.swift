import ArgumentParser
import Foundation
import QuireCore

#if canImport(Glibc)
    import Glibc
#endif

/// `--log FILE`: where `quire run` and `quire check` append their timings, one line per block
/// event with the elapsed time, for CI logs and batch jobs where stderr is not a terminal. The
/// timings never enter a document (DESIGN.md §3).
struct LogOption: ParsableArguments {
    @Option(name: .long, help: "Append progress and timings to this file (one line per block event), whether or not stderr is a terminal.")
    var log: String?

    /// The log's writer, opened for appending (created with mode 644), or `nil` without `--log`.
    ///
    /// - Throws: a `ValidationError` naming the file and the system's reason when it cannot be opened.
    func open() throws -> LogFile? {
        guard let log else { return nil }
        let descriptor = Glibc.open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ValidationError("--log \(log) cannot be opened: \(String(cString: strerror(errno))).")
        }
        return LogFile(descriptor: descriptor)
    }
}

/// An open `--log` file: progress printers for each document, closed when released.
final class LogFile: @unchecked Sendable {
    private let descriptor: Int32

    fileprivate init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// A printer of `file`'s block events as plain lines in the log, each stamped with the UTC time.
    func printer(for file: String) -> ProgressPrinter {
        ProgressPrinter(
            file: file, width: nil,
            write: { [self] text in
                FileHandleWriter.write(Date().formatted(.iso8601) + " " + text, descriptor: descriptor)
            }, now: { ContinuousClock.now })
    }
}
