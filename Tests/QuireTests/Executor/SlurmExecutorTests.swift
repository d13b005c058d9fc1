import Foundation
import QuireCore
import Testing

@testable import Quire

/// The Slurm executor against fake `sbatch`, `squeue` and `scontrol` on PATH that log their
/// arguments: arrays no larger than MaxArraySize, `%K` and the partition passed, a task still not
/// done after its arrays left the queue submitted once more and then reported with its log.
struct SlurmExecutorTests {
    /// A folder with the fake commands; `calls` logs one line per call, arguments tab-separated.
    struct FakeSlurm {
        let folder: String
        var calls: String { folder + "/calls" }

        init(maxArraySize: Int) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-fake-slurm-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
            let log =
                "printf '%s' \"$(basename \"$0\")\" >>\"\(folder)/calls\"; for a in \"$@\"; do printf '\\t%s' \"$a\" >>\"\(folder)/calls\"; done; echo >>\"\(folder)/calls\"\n"
            let scripts = [
                "sbatch": log + "n=$(($(cat \"\(folder)/next\" 2>/dev/null || echo 100) + 1)); echo $n >\"\(folder)/next\"; echo \"$n;cluster\"\n",
                "squeue": log,
                "scontrol": log + "[ \"$1\" = show ] && [ \"$2\" = config ] && echo 'MaxArraySize            = \(maxArraySize)'\n"
                    + "[ \"$2\" = show ] && echo 'JobId=1 JobState=CANCELLED Reason=None ExitCode=0:15'\nexit 0\n",
            ]
            for (name, body) in scripts {
                let path = folder + "/bin/" + name
                try Data(("#!/bin/sh\n" + body).utf8).write(to: URL(fileURLWithPath: path))
                chmod(path, 0o755)
            }
        }

        /// The calls of `command`, each its arguments.
        func calls(of command: String) -> [[String]] {
            let text = (try? String(contentsOfFile: calls, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
                .filter { $0.first == command }.map { Array($0.dropFirst()) }
        }

        func executor(wait: Bool = true) -> SlurmExecutor {
            var options = SlurmExecutor.Options(executable: "/opt/quire/bin/quire", folder: folder + "/slurm")
            options.partition = "gpu"
            options.arrayLimit = 3
            options.wait = wait
            options.pollInterval = 0
            options.environment = ["PATH": folder + "/bin:/usr/bin:/bin"]
            return SlurmExecutor(options: options)
        }
    }

    @Test func arraysRespectMaxArraySizeAndAFailedTaskIsRetriedOnceThenReported() throws {
        let slurm = try FakeSlurm(maxArraySize: 2)
        defer { try? FileManager.default.removeItem(atPath: slurm.folder) }
        let tasks = [
            "/d/.quire/cache/a.task", "/d/.quire/cache/b.task", "/d/.quire/cache/c.task", "/d/.quire/cache/d.task", "/d/.quire/cache/e.task",
        ]
        var told: [String] = []
        let failures = try slurm.executor().run(tasks, isDone: { !$0.hasSuffix("c.task") }, tell: { told.append($0) })
        let submissions = slurm.calls(of: "sbatch")
        #expect(submissions.map { $0[2] } == ["--array=0-1%3", "--array=0-1%3", "--array=0-0%3", "--array=0-0%3"])
        let folder = slurm.folder + "/slurm"
        #expect(
            submissions[0] == [
                "--parsable", "--job-name=quire-worker", "--array=0-1%3", "--output=\(folder)/slurm-%A_%a.out", "--partition=gpu",
                "\(folder)/worker.sh", "/opt/quire/bin/quire", "worker", "--list", "\(folder)/tasks-1-1.list",
            ])
        #expect(try String(contentsOfFile: folder + "/tasks-1-2.list", encoding: .utf8) == tasks[2] + "\n" + tasks[3] + "\n")
        #expect(try String(contentsOfFile: folder + "/tasks-2-1.list", encoding: .utf8) == tasks[2] + "\n")
        #expect(slurm.calls(of: "squeue").map { $0.last } == ["--jobs=101,102,103", "--jobs=104"])
        #expect(failures == [.init(task: tasks[2], log: folder + "/slurm-104_0.out", state: "JobState=CANCELLED ExitCode=0:15")])
        #expect(told == ["submitted 5 points as Slurm jobs 101, 102, 103", "submitted 1 point as Slurm job 104 (second attempt)"])
        #expect(try String(contentsOfFile: folder + "/worker.sh", encoding: .utf8) == "#!/bin/sh\nexec \"$@\"\n")
    }

    @Test func withoutWaitingTheArraysAreSubmittedAndNothingIsPolled() throws {
        let slurm = try FakeSlurm(maxArraySize: 1001)
        defer { try? FileManager.default.removeItem(atPath: slurm.folder) }
        let failures = try slurm.executor(wait: false).run(["/d/x.task", "/d/y.task"], isDone: { _ in false }, tell: { _ in })
        #expect(failures.isEmpty)
        #expect(slurm.calls(of: "sbatch").map { $0[2] } == ["--array=0-1%3"])
        #expect(slurm.calls(of: "squeue").isEmpty)
    }
}
