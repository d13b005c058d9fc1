import ArgumentParser
import Quire
import QuireCore

#if canImport(Glibc)
    import Glibc
#endif

extension QuireCommand {
    /// `quire run`: execute every block and rewrite the documents in place.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Execute every experiment block and rewrite each document in place with its results and provenance.")

        @Argument(help: "The Markdown documents to run.")
        var files: [String]

        @Flag(help: "Overwrite output regions that were edited by hand, and rewrite a read-only (chmod a-w) document.")
        var force = false

        @Flag(help: "Run the other blocks when one fails, and write the error into the failing block's output region.")
        var keepGoing = false

        @Flag(help: "Compute every block instead of reusing results cached in .quire/cache/ beside the document.")
        var noCache = false

        @Option(help: "Seconds to wait for another quire run of the same document to finish before giving up (exit 2).")
        var lockTimeout: Double = 60

        @Flag(help: "Print nothing but errors and warnings: no progress on a terminal, no summary line per file.")
        var quiet = false

        @OptionGroup var limits: LimitOptions

        @OptionGroup var parallel: JobsOption

        @OptionGroup var slurm: SlurmOptions

        @OptionGroup var log: LogOption

        /// The lock timeout is a finite number of seconds, at most a day.
        func validate() throws {
            try OptionRange.require(lockTimeout, in: 0...86_400, "--lock-timeout", unit: " seconds")
            if slurm.executor == .slurm && noCache {
                throw ValidationError("--executor slurm needs the cache (its results come back through it); drop --no-cache.")
            }
        }

        func run() async throws {
            var options = RunOptions()
            options.force = force
            options.keepGoing = keepGoing
            options.limits = limits.limits
            options.jobs = parallel.jobs
            options.useCache = !noCache
            options.lockTimeout = lockTimeout
            var failed = false
            let showProgress = !quiet && isatty(2) == 1
            let logFile = try log.open()
            for file in files {
                do {
                    var options = options
                    let printer = showProgress ? ProgressPrinter(file: file) : nil
                    let logger = logFile?.printer(for: file)
                    // Without a terminal, the estimate before each experiment is still printed (unless --quiet).
                    let onStderr: (@Sendable (BlockProgress) -> Void)? =
                        printer?.report
                        ?? (quiet
                            ? nil
                            : { @Sendable progress in
                                if case .estimate(let estimate) = progress.event {
                                    Exit.printError("\(file): \(progress.kind) \(progress.id): \(EstimateLine.text(estimate))")
                                }
                            })
                    options.progress = Self.both(onStderr, logger?.report)
                    options.warning = { Exit.printError(($0.location == nil ? "\(file): " : "") + $0.rendered(.warning)) }
                    if slurm.executor == .slurm, !(try runOnSlurm(file, options: options)) {
                        failed = failed || !slurm.noWait
                        continue
                    }
                    let outcome = Result { try NotebookFile.run(path: file, options: options) }
                    printer?.finish()
                    if case .failure(let error) = outcome { logger?.note("\(file): failed: \(error)") }
                    let report = try outcome.get()
                    for failure in report.failures { Exit.printError(failure.description) }
                    failed = failed || !report.failures.isEmpty
                    let summary =
                        "\(file): \(report.documentChanged ? "updated" : "unchanged")"
                        + (report.cacheHits > 0 ? ", \(report.cacheHits) cached block\(report.cacheHits == 1 ? "" : "s") reused" : "")
                        + (report.figuresChanged > 0 ? ", \(report.figuresChanged) figure files written or removed" : "")
                    logger?.note(summary)
                    if !quiet { Exit.printError(summary) }
                } catch let error as any InputError {
                    Exit.printError(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(2) }
        }

        /// One progress listener for stderr and the log, either of which may be absent.
        static func both(
            _ first: (@Sendable (BlockProgress) -> Void)?, _ second: (@Sendable (BlockProgress) -> Void)?
        ) -> (@Sendable (BlockProgress) -> Void)? {
            guard let first, let second else { return first ?? second }
            return {
                first($0)
                second($0)
            }
        }

        /// Computes the document's pending sweep points on Slurm; `true` when every one is in the
        /// cache and the document can be assembled, `false` after `--no-wait` or a failure (reported).
        private func runOnSlurm(_ file: String, options: RunOptions) throws -> Bool {
            let tasks = try PointWork.writePendingTasks(path: file, options: options)
            guard !tasks.isEmpty else { return true }
            let executor = SlurmExecutor(options: try slurm.executorOptions(document: file))
            let quiet = quiet
            let failures = try executor.run(
                tasks, isDone: { PointWork.isDone(taskPath: $0, options: options) },
                tell: { if !quiet { Exit.printError("\(file): \($0)") } })
            for failure in failures {
                Exit.printError(
                    "\(file): error: the point task \(failure.task) failed twice\(failure.state.map { " (\($0))" } ?? ""); its Slurm log is \(failure.log)"
                )
            }
            if !failures.isEmpty { Exit.printError("\(file): unchanged; fix the cause and run quire run --executor slurm again") }
            if slurm.noWait && !quiet { Exit.printError("\(file): unchanged until quire run assembles it, once squeue no longer lists the jobs") }
            return failures.isEmpty && !slurm.noWait
        }
    }
}
