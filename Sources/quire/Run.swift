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

        /// The lock timeout is a finite number of seconds, at most a day.
        func validate() throws {
            try OptionRange.require(lockTimeout, in: 0...86_400, "--lock-timeout", unit: " seconds")
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
            for file in files {
                do {
                    var options = options
                    let printer = showProgress ? ProgressPrinter(file: file) : nil
                    options.progress = printer?.report
                    options.warning = { Exit.printError(($0.location == nil ? "\(file): " : "") + $0.rendered(.warning)) }
                    let outcome = Result { try NotebookFile.run(path: file, options: options) }
                    printer?.finish()
                    let report = try outcome.get()
                    for failure in report.failures { Exit.printError(failure.description) }
                    failed = failed || !report.failures.isEmpty
                    if quiet { continue }
                    Exit.printError(
                        "\(file): \(report.documentChanged ? "updated" : "unchanged")"
                            + (report.cacheHits > 0 ? ", \(report.cacheHits) cached block\(report.cacheHits == 1 ? "" : "s") reused" : "")
                            + (report.figuresChanged > 0 ? ", \(report.figuresChanged) figure files written or removed" : ""))
                } catch let error as any InputError {
                    Exit.printError(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(2) }
        }
    }
}
