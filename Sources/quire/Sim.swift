import ArgumentParser
import Dispatch
import Quire
import QuireCore
import QuireSimulator

extension SimulationMethod: ExpressibleByArgument {}

extension QuireCommand {
    /// `quire sim`: the simulator alone, for interop and validation (DESIGN §4.4).
    struct Sim: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate one OpenQASM 2.0 circuit and print its exact probabilities and sampled counts.")

        @Argument(help: "The OpenQASM 2.0 file to simulate.")
        var circuit: String

        @Option(help: "A YAML noise profile (the body of a noise block).")
        var noise: String?

        @OptionGroup var device: DeviceOptions

        @Option(help: "The engine: statevector, density-matrix, trajectories or auto.")
        var method: SimulationMethod = .auto

        @Option(help: "Number of shots to sample from the final distribution; 0 for probabilities only.")
        var shots = 0

        @Option(help: "Seed of every random draw; the same seed gives the same counts for any thread count.")
        var seed: UInt64 = 0

        @Option(help: "Worker threads.")
        var threads = 1

        @Option(help: "Number of trajectories for the trajectories engine.")
        var trajectories = 1000

        @Flag(help: "Print the result as one JSON object.")
        var json = false

        @OptionGroup var limits: LimitOptions

        /// Shots within `--max-shots`, threads and trajectories within their caps (the seed takes any value).
        func validate() throws {
            try OptionRange.require(shots, in: 0...limits.maxShots, "--shots", unit: " (raise the upper end with --max-shots)")
            try OptionRange.require(threads, in: 1...256, "--threads")
            try OptionRange.require(trajectories, in: 1...10_000_000, "--trajectories")
        }

        func run() async throws {
            var options = SimulationOptions(
                method: method, shots: shots, seed: seed, threads: threads,
                trajectories: trajectories, memoryLimitBytes: limits.limits.memoryBytes)
            do {
                options.device = try device.load()
                let start = DispatchTime.now().uptimeNanoseconds
                let result = try CircuitFile.simulate(qasmPath: circuit, noisePath: noise, options: options, compile: device.compile) { compiled in
                    guard let path = device.emitQasm else { return }
                    try AtomicFile.write(
                        Array(compiled.qasm(device: options.device!.name, options: device.compile).utf8), to: path, keepingMode: false)
                }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                if json {
                    CircuitFile.writeJSON(result, options: options, elapsedSeconds: elapsed) { FileHandleWriter.write($0, descriptor: 1) }
                    FileHandleWriter.write("\n", descriptor: 1)
                } else {
                    Exit.printOutput(CircuitFile.summary(result, options: options, noise: noise))
                    Exit.printError("simulated in \(elapsed) s")
                }
            } catch let error as any InputError {
                throw Exit.inputError(error)
            }
        }
    }
}
