import ArgumentParser
import Foundation

/// `--jobs`: how many blocks run at once. Results never depend on it.
struct JobsOption: ParsableArguments {
    @Option(help: "Blocks executed at once (default: the number of cores); the output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...1024).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 1024.") }
    }
}
