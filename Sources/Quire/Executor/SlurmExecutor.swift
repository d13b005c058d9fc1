import Foundation
import QuireCore

/// Runs units of work (`PointTask` files) as Slurm job arrays: each array task runs
/// `quire worker --list LIST`, which computes the task named on line `$SLURM_ARRAY_TASK_ID` of
/// LIST and stores its result in the shared cache. Arrays respect the cluster's `MaxArraySize`;
/// a task whose result is missing when its arrays have left the queue is submitted once more,
/// then reported with its Slurm log. Nothing about the executor reaches the document.
public struct SlurmExecutor: Sendable {
    /// How to submit and wait.
    public struct Options: Sendable {
        /// `--partition`, or `nil` for the cluster's default.
        public var partition: String?
        /// Most tasks of one array running at once (`--array=0-N%K`), or `nil` for no limit.
        public var arrayLimit: Int?
        /// Wait for the arrays and retry failed tasks (`false`: submit and return).
        public var wait = true
        /// Seconds to wait for each round of arrays before giving up.
        public var timeout: Double = 86_400
        /// Seconds between two looks at the queue.
        public var pollInterval: Double = 2
        /// The `quire` executable the tasks run (on a shared filesystem).
        public var executable: String
        /// Where the task lists, the batch script and the Slurm logs go (`.quire/slurm/` beside the document).
        public var folder: String
        /// The environment of the Slurm commands (its `PATH` finds them).
        public var environment = ProcessInfo.processInfo.environment

        /// Options running `executable`, writing into `folder`.
        public init(executable: String, folder: String) {
            self.executable = executable
            self.folder = folder
        }
    }

    /// A task that failed twice.
    public struct Failure: Sendable, Hashable {
        /// The task file.
        public var task: String
        /// The Slurm log of its last attempt.
        public var log: String
        /// How it ended, as `scontrol show job` tells (state and exit code), when Slurm still knows it.
        public var state: String?
    }

    /// The options.
    public let options: Options
    private let commands: CommandRunner

    /// An executor with `options`.
    public init(options: Options) {
        self.options = options
        commands = CommandRunner(environment: options.environment)
    }

    /// Submits `tasks` (task file paths) and, unless `options.wait` is false, waits for them,
    /// submitting those not `isDone` afterwards once more. Returns the tasks that still are not
    /// done, with their logs; `tell` hears what is submitted.
    ///
    /// - Throws: a `LocatedError` when a Slurm command fails or the wait exceeds `options.timeout`.
    public func run(_ tasks: [String], isDone: (String) -> Bool, tell: (String) -> Void) throws -> [Failure] {
        guard !tasks.isEmpty else { return [] }
        try AtomicFile.createFolder(options.folder, named: "the Slurm folder", hint: "check that the document's folder is writable")
        let script = options.folder + "/worker.sh"
        try AtomicFile.write(Array("#!/bin/sh\nexec \"$@\"\n".utf8), to: script, keepingMode: false)
        let maxArraySize = try maxArraySize()
        var pending = tasks
        var submitted: [String: (job: String, index: Int)] = [:]
        for attempt in 1...2 {
            let jobs = try submit(pending, script: script, chunk: maxArraySize, attempt: attempt, into: &submitted)
            tell(
                "submitted \(pending.count) point\(pending.count == 1 ? "" : "s") as Slurm job\(jobs.count == 1 ? "" : "s") \(jobs.joined(separator: ", "))"
                    + (attempt == 2 ? " (second attempt)" : ""))
            guard options.wait else { return [] }
            try waitForQueue(jobs)
            pending = pending.filter { !isDone($0) }
            if pending.isEmpty { return [] }
        }
        return pending.map { task in
            let (job, index) = submitted[task]!
            return Failure(task: task, log: logPath(job: job, index: index), state: state(job: job, index: index))
        }
    }

    /// The cluster's `MaxArraySize` (`scontrol show config`), 1001 (Slurm's default) when it does not say.
    func maxArraySize() throws -> Int {
        let output = try commands.run("scontrol", ["show", "config"])
        guard output.status == 0 else { throw failed("scontrol show config", output) }
        for line in output.standardOutput.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "MaxArraySize", let value = Int(parts[1]), value > 0 { return value }
        }
        return 1001
    }

    /// Submits `tasks` as arrays of at most `chunk` tasks, recording each task's job and index.
    private func submit(
        _ tasks: [String], script: String, chunk: Int, attempt: Int, into submitted: inout [String: (job: String, index: Int)]
    ) throws -> [String] {
        var jobs: [String] = []
        for (number, start) in stride(from: 0, to: tasks.count, by: chunk).enumerated() {
            let slice = Array(tasks[start..<min(start + chunk, tasks.count)])
            let list = options.folder + "/tasks-\(attempt)-\(number + 1).list"
            try AtomicFile.write(Array(slice.map { $0 + "\n" }.joined().utf8), to: list, keepingMode: false)
            let arguments = sbatchArguments(count: slice.count, script: script, list: list)
            let output = try commands.run("sbatch", arguments)
            let job = output.standardOutput.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard output.status == 0, !job.isEmpty, job.allSatisfy(\.isNumber) else { throw failed("sbatch", output) }
            for (index, task) in slice.enumerated() { submitted[task] = (job, index) }
            jobs.append(job)
        }
        return jobs
    }

    /// The arguments of `sbatch` for an array of `count` tasks listed in `list`.
    func sbatchArguments(count: Int, script: String, list: String) -> [String] {
        var arguments = [
            "--parsable", "--job-name=quire-worker", "--array=0-\(count - 1)" + (options.arrayLimit.map { "%\($0)" } ?? ""),
            "--output=" + options.folder + "/slurm-%A_%a.out",
        ]
        if let partition = options.partition { arguments.append("--partition=" + partition) }
        return arguments + [script, options.executable, "worker", "--list", list]
    }

    /// Polls `squeue` until none of `jobs` is queued or running.
    private func waitForQueue(_ jobs: [String]) throws {
        let deadline = Date().addingTimeInterval(options.timeout)
        while true {
            let output = try commands.run("squeue", ["--noheader", "--format=%i", "--jobs=" + jobs.joined(separator: ",")])
            // squeue refuses job ids that have left its memory: then nothing of ours is queued.
            if output.status != 0 && !output.standardError.contains("Invalid job id") { throw failed("squeue", output) }
            if output.status != 0 || output.standardOutput.allSatisfy(\.isWhitespace) { return }
            guard Date() < deadline else {
                throw LocatedError(
                    nil, "Slurm jobs \(jobs.joined(separator: ", ")) did not finish within \(Int(options.timeout)) seconds",
                    hint: "the document is unchanged; once squeue no longer lists them, run quire run again to assemble it")
            }
            usleep(UInt32(options.pollInterval * 1_000_000))
        }
    }

    /// The log of task `index` of array `job`.
    func logPath(job: String, index: Int) -> String { options.folder + "/slurm-\(job)_\(index).out" }

    /// `JobState` and `ExitCode` of task `index` of `job` from `scontrol show job`, or `nil`.
    private func state(job: String, index: Int) -> String? {
        guard let output = try? commands.run("scontrol", ["--oneliner", "show", "job", "\(job)_\(index)"]), output.status == 0 else { return nil }
        let fields = output.standardOutput.split(whereSeparator: \.isWhitespace).filter { $0.hasPrefix("JobState=") || $0.hasPrefix("ExitCode=") }
        return fields.isEmpty ? nil : fields.joined(separator: " ")
    }

    /// The error of a Slurm command that failed.
    private func failed(_ command: String, _ output: CommandRunner.Output) -> LocatedError {
        LocatedError(
            nil, "\(command) failed (exit \(output.status)): \(output.standardError.trimmingCharacters(in: .whitespacesAndNewlines))",
            hint: "check the Slurm options (--partition) and that Slurm's commands work on this node; the document is unchanged")
    }
}
