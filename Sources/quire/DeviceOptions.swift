import ArgumentParser
import Quire
import QuireSimulator

/// `quire sim`'s device: a snapshot the circuit runs on as written, whose calibration is its noise.
struct DeviceOptions: ParsableArguments {
    @Option(help: "A device snapshot: Qiskit's configuration JSON (with --properties) or a YAML device file (the body of a device block).")
    var device: String?

    @Option(help: "Qiskit's BackendProperties JSON of the --device configuration.")
    var properties: String?

    func validate() throws {
        guard properties == nil || device != nil else { throw ValidationError("--properties needs --device CONF.json.") }
    }

    /// The device the options name, read and validated; `nil` without `--device`.
    func load() throws -> Device? {
        try device.map { try CircuitFile.device(path: $0, propertiesPath: properties) }
    }
}
