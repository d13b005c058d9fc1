import ArgumentParser
import Foundation
import Quire
import QuireCore

extension QuireCommand {
    /// `quire worker`: computes one unit of an experiment (a repeat of a sweep point) from the task
    /// file a `quire run --executor slurm` wrote, and stores its result in the document's cache.
    /// It runs nothing but that unit, under the limits of the run that wrote the task.
    struct Worker: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute one sweep point of an experiment from its task file and store it in the cache (run by Slurm job arrays).",
            shouldDisplay: false)

        @Argument(help: "The task file (.quire/cache/<key>.task).")
        var task: String?

        @Option(help: "A file listing task files, one a line: the worker computes line $SLURM_ARRAY_TASK_ID (from 0).")
        var list: String?

        @Option(help: "Threads for the unit (default: $SLURM_CPUS_PER_TASK, else 1); the result never depends on it.")
        var jobs: Int?

        /// Exactly one of a task file and a list.
        func validate() throws {
            guard (task == nil) != (list == nil) else { throw ValidationError("Give a task file or --list, not both or neither.") }
            if let jobs { try OptionRange.require(jobs, in: 1...1024, "--jobs") }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            do {
                let path = try task ?? Self.listed(list!, index: environment["SLURM_ARRAY_TASK_ID"])
                let threads = jobs ?? environment["SLURM_CPUS_PER_TASK"].flatMap(Int.init).map { min(max($0, 1), 1024) } ?? 1
                try PointWork.compute(taskPath: path, jobs: threads, options: RunOptions())
            } catch let error as any InputError {
                throw Exit.inputError(error)
            }
        }

        /// Line `index` (from 0) of the list file at `list`.
        static func listed(_ list: String, index: String?) throws -> String {
            guard let text = try? String(contentsOfFile: list, encoding: .utf8) else {
                throw LocatedError(nil, "cannot read the task list \(list)", hint: "check that the document's folder is shared with this node")
            }
            let lines = text.split(separator: "\n").map(String.init)
            guard let index, let number = Int(index), lines.indices.contains(number) else {
                throw LocatedError(
                    nil, "SLURM_ARRAY_TASK_ID is \(index ?? "unset"), not a line of \(list)",
                    hint: "quire worker --list runs as a task of the job array quire run --executor slurm submits")
            }
            return lines[number]
        }
    }
}
