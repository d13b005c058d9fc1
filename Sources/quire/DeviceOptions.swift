import ArgumentParser
import Quire
import QuireSimulator

extension LayoutMethod: ExpressibleByArgument {}

/// `quire sim`'s device: a snapshot the circuit is compiled for and run on, whose calibration is its
/// noise, and how the circuit is compiled.
struct DeviceOptions: ParsableArguments {
    @Option(help: "A device snapshot: Qiskit's configuration JSON (with --properties) or a YAML device file (the body of a device block).")
    var device: String?

    @Option(help: "Qiskit's BackendProperties JSON of the --device configuration.")
    var properties: String?

    @Option(help: "How circuit qubits are placed on the device's qubits: trivial (qubit i on qubit i) or noise-aware.")
    var layout: LayoutMethod = .trivial

    @Option(help: "Peephole optimisation level of the compiled circuit, 0 (none) to 2.")
    var optimization = 1

    @Option(help: "Seed of the router's tie breaks.")
    var routingSeed: UInt64 = 0

    @Option(help: "Write the compiled circuit as OpenQASM 2.0 to this file.")
    var emitQasm: String?

    func validate() throws {
        guard properties == nil || device != nil else { throw ValidationError("--properties needs --device CONF.json.") }
        guard emitQasm == nil || device != nil else { throw ValidationError("--emit-qasm needs --device: only a compiled circuit is written.") }
        try OptionRange.require(optimization, in: Circuit.optimizationLevels, "--optimization")
    }

    /// The device the options name, read and validated; `nil` without `--device`.
    func load() throws -> Device? {
        try device.map { try CircuitFile.device(path: $0, propertiesPath: properties) }
    }

    /// How the circuit is compiled for the device.
    var compile: CompileOptions {
        CompileOptions(layout: layout, routingSeed: routingSeed, optimizationLevel: optimization)
    }
}
