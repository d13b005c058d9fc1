import ArgumentParser
import Foundation
import Quire

/// Where `quire run` computes an experiment's sweep points: here, or as Slurm job arrays.
struct SlurmOptions: ParsableArguments {
    /// Where the work runs.
    enum Executor: String, ExpressibleByArgument, CaseIterable {
        case local, slurm
    }

    @Option(
        help: "Where experiments' sweep points and repeats run: local, or slurm (job arrays running quire worker; the cache folder must be shared).")
    var executor: Executor = .local

    @Option(help: "The Slurm partition to submit to (default: the cluster's).")
    var partition: String?

    @Option(help: "Most tasks of one Slurm job array running at once (sbatch --array=0-N%K).")
    var arrayLimit: Int?

    @Flag(help: "Submit the Slurm jobs and return; a later quire run assembles the document from their results.")
    var noWait = false

    @Option(help: "Seconds to wait for the Slurm jobs of one round (default: a day); the document is left unchanged after it.")
    var slurmTimeout: Double = 86_400

    /// The Slurm options need `--executor slurm`; the limit and timeout are sane.
    func validate() throws {
        if executor == .local, partition != nil || arrayLimit != nil || noWait {
            throw ValidationError("--partition, --array-limit and --no-wait need --executor slurm.")
        }
        if let arrayLimit { try OptionRange.require(arrayLimit, in: 1...1_000_000, "--array-limit") }
        try OptionRange.require(slurmTimeout, in: 1...2_592_000, "--slurm-timeout", unit: " seconds")
        if let partition, partition.isEmpty || partition.contains(where: { $0.isWhitespace }) {
            throw ValidationError("--partition must name a partition, not '\(partition)'.")
        }
    }

    /// The executor's options for the document at `path`: this executable, logs in `.quire/slurm/`.
    func executorOptions(document path: String) throws -> SlurmExecutor.Options {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        var options = SlurmExecutor.Options(
            executable: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0],
            folder: try ProjectPath.checkedForWriting(".quire/slurm", in: folder, what: "the Slurm folder"))
        options.partition = partition
        options.arrayLimit = arrayLimit
        options.wait = !noWait
        options.timeout = slurmTimeout
        return options
    }
}
