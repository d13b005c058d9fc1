import QuireCore
import QuireSimulator

/// `quire sim`: one OpenQASM file through the simulator, outside any document, for interop and
/// validation against other simulators (DESIGN §4.4).
public enum CircuitFile {
    /// Largest circuit or profile file read, in bytes: a guard against being handed a huge file.
    public static let maxFileBytes = 64 << 20

    /// Reads the circuit at `qasmPath` (and the noise profile at `noisePath`) and simulates it; on
    /// `options.device`, compiled for it first with `compile` (errors located in the file), the
    /// compiled circuit handed to `compiled` and the result read through its final layout.
    ///
    /// - Throws: located input errors for unreadable files, malformed QASM or YAML, circuits the
    ///   device cannot run, and requests over the memory cap.
    public static func simulate(
        qasmPath: String, noisePath: String?, options: SimulationOptions, compile: CompileOptions = CompileOptions(),
        compiled: (DeviceCompilation) throws -> Void = { _ in }
    ) throws -> SimulationResult {
        let source = try text(of: qasmPath)
        let circuit: Circuit
        do {
            circuit = try QASMReader.read(source, limits: QASMLimits(maxMemoryBytes: options.memoryLimitBytes))
        } catch {
            throw error.located(fallback: nil) { SourceLocation(file: qasmPath, line: $0, column: $1) }
        }
        var options = options
        if let noisePath { options.noise = try NoiseProfileDecoder.decode(yaml: try text(of: noisePath), file: noisePath) }
        guard let device = options.device else { return try Simulator.run(circuit, options: options) }
        let location = SourceLocation(file: qasmPath, line: 1, column: 1)
        let compiledCircuit = try DeviceBlock.compile(circuit, on: device, options: compile, fallback: location) {
            SourceLocation(file: qasmPath, line: $0, column: $1)
        }
        try compiled(compiledCircuit)
        return try compiledCircuit.run(on: device, options: options)
    }

    /// The device of `quire sim --device`: Qiskit's configuration at `path` with its
    /// `BackendProperties` at `propertiesPath`, or without it a device file in Quire's YAML format.
    ///
    /// - Throws: located input errors for unreadable files and invalid snapshots.
    public static func device(path: String, propertiesPath: String?) throws -> Device {
        guard let propertiesPath else { return try DeviceDecoder.decode(yaml: try text(of: path), file: path) }
        let configuration = try NotebookFile.read(path, limit: DeviceBlock.maxFileBytes)
        let properties = try NotebookFile.read(propertiesPath, limit: DeviceBlock.maxFileBytes)
        do {
            return try Device.qiskit(configuration: configuration, properties: properties)
        } catch {
            let file = error.snapshotPath?.hasPrefix("conf") == true ? path : propertiesPath
            throw LocatedError(nil, "\(file): \(error.diagnostic.message)", hint: error.diagnostic.hint)
        }
    }

    /// Writes the JSON object DESIGN §4.4 specifies through `write`, in pieces of about 1 MiB:
    /// probabilities in full precision (shortest round-trip decimal), counts keyed by bitstring with
    /// qubit n−1 leftmost. Pieces, because a 28-qubit result is 2²⁸ numbers, several GiB as text,
    /// which must not sit in memory beside the probabilities (measured: 12.3 GiB peak when built as
    /// one string, 4.0 GiB streamed).
    public static func writeJSON(
        _ result: SimulationResult, options: SimulationOptions, elapsedSeconds: Double,
        to write: (String) -> Void
    ) {
        var text = "{\"qubits\": \(result.qubitCount), \"method\": \"\(result.method.rawValue)\", \"probabilities\": ["
        for (index, probability) in result.probabilities.enumerated() {
            if index > 0 { text += ", " }
            text += probability == 0 ? "0" : "\(probability)"
            if text.utf8.count >= 1 << 20 {
                write(text)
                text = ""
            }
        }
        text += "], \"counts\": {"
        for (index, entry) in result.counts.enumerated() {
            if index > 0 { text += ", " }
            text += "\"\(result.bitstring(entry.state))\": \(entry.count)"
        }
        text += "}, \"shots\": \(options.shots), \"seed\": \(options.seed), \"elapsed_seconds\": \(elapsedSeconds)}"
        write(text)
    }

    /// The result as a person reads it: the outcome table of a circuit block.
    public static func summary(_ result: SimulationResult, options: SimulationOptions, noise: String?) -> String {
        CircuitBlock.markdown(result, options: options, noise: noise, device: options.device?.name, precision: 6)
    }

    private static func text(of path: String) throws -> String {
        let bytes = try NotebookFile.read(path, limit: maxFileBytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
