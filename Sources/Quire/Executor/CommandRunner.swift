import Foundation
import QuireCore

/// Runs a cluster command (`sbatch`, `squeue`, `scontrol`) found on `PATH`, with its arguments as
/// an array: nothing is ever passed through a shell, so no text from a document can become a command.
struct CommandRunner: Sendable {
    /// The environment the commands run in (its `PATH` finds them).
    var environment: [String: String]

    /// What a command printed and how it ended.
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `name` with `arguments` and waits for it.
    ///
    /// - Throws: a `LocatedError` when the command cannot be started (not installed).
    func run(_ name: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw LocatedError(
                nil, "cannot run \(name): \(error.localizedDescription)", hint: "load Slurm's client commands (e.g. module load slurm)")
        }
        let errorData = Collected()
        let reading = DispatchGroup()
        reading.enter()
        Thread {
            errorData.data = errors.fileHandleForReading.readDataToEndOfFile()
            reading.leave()
        }.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        reading.wait()
        if process.terminationReason == .exit, process.terminationStatus == 127 {
            throw LocatedError(
                nil, "\(name) was not found on PATH", hint: "load Slurm's client commands (e.g. module load slurm) on the submitting node")
        }
        return Output(
            status: process.terminationStatus, standardOutput: String(decoding: data, as: UTF8.self),
            standardError: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Standard error's bytes, read on another thread so neither pipe fills while the other is read.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Data()
        var data: Data {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }
}
