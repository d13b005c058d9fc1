import ArgumentParser
import Foundation

/// `--jobs`: how many threads work at once, over blocks and an experiment's sweep points and
/// repeats. Results never depend on it.
struct JobsOption: ParsableArguments {
    @Option(
        help: "Threads working at once on blocks, sweep points and repeats (default: the number of cores); the output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// At least one thread, at most 1024.
    func validate() throws {
        try OptionRange.require(jobs, in: 1...1024, "--jobs")
    }
}
