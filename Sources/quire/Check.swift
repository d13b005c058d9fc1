import ArgumentParser
import Quire
import QuireCore

extension QuireCommand {
    /// `quire check`: re-execute and fail on any difference (CI for papers).
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-execute every block from scratch and exit 1 if any recorded result differs.")

        @Argument(help: "The Markdown documents to check.")
        var files: [String]

        @OptionGroup var limits: LimitOptions

        func run() async throws {
            var options = RunOptions()
            options.limits = limits.limits
            var differs = false
            var badInput = false
            for file in files {
                do {
                    let findings = try NotebookFile.check(path: file, options: options)
                    if findings.isEmpty {
                        print("\(file): identical")
                    } else {
                        differs = true
                        for finding in findings { print("\(file): \(finding)") }
                    }
                } catch let error as any InputError {
                    Exit.printError(error.description)
                    badInput = true
                }
            }
            if badInput { throw ExitCode(2) }
            if differs { throw ExitCode(1) }
        }
    }
}
