import ArgumentParser
import Quire
import QuireCore

extension QuireCommand {
    /// `quire check`: re-execute and fail on any difference (CI for papers).
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-execute every block from scratch and exit 1 if any recorded result differs.",
            discussion:
                "Each block is reported as identical, differs (same inputs, different result), stale (its spec, seed or referenced inputs changed since the recorded run), new (never run) or edited (its region was changed by hand)."
        )

        /// Output formats of the report.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, markdown
        }

        @Argument(help: "The Markdown documents to check.")
        var files: [String]

        @Flag(help: "Only compare the recorded input hashes with the current sources; execute nothing.")
        var stale = false

        @Option(help: "Report format: text, json or markdown.")
        var format: Format = .text

        @OptionGroup var limits: LimitOptions

        @OptionGroup var parallel: JobsOption

        @OptionGroup var log: LogOption

        func run() async throws {
            var options = RunOptions()
            options.limits = limits.limits
            options.jobs = parallel.jobs
            var reports: [CheckReport] = []
            var badInput = false
            let logFile = try log.open()
            for file in files {
                let logger = logFile?.printer(for: file)
                var options = options
                options.progress = logger?.report
                do {
                    reports.append(
                        stale
                            ? try NotebookFile.checkStale(path: file, options: options)
                            : try NotebookFile.check(path: file, options: options))
                    logger?.note("\(file): \(reports.last!.isClean ? "identical" : "differs")")
                } catch let error as any InputError {
                    logger?.note("\(file): failed: \(error.description)")
                    Exit.printError(error.description)
                    badInput = true
                }
            }
            switch format {
            case .text: for report in reports { Exit.printOutput(report.text()) }
            case .markdown: Exit.printOutput(reports.map { $0.markdown() }.joined(separator: "\n"))
            case .json: Exit.printOutput(CanonicalJSON.array(reports.map { $0.json() }).rendered())
            }
            if badInput { throw ExitCode(2) }
            if reports.contains(where: { !$0.isClean }) { throw ExitCode(1) }
        }
    }
}
