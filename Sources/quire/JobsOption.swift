import ArgumentParser
import Foundation

/// `--jobs`: how many threads work at once, over blocks and an experiment's sweep points and
/// repeats. Results never depend on it.
struct JobsOption: ParsableArguments {
    @Option(
        help: "Threads working at once on blocks, sweep points and repeats (default: the number of cores); the output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...1024).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 1024.") }
    }
}
