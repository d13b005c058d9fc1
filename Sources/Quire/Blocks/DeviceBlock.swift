import OrderedCollections
import QuireCore
import QuireMarkdown
import QuireReport
import QuireSimulator

/// A `device` block: a device calibration snapshot that circuit blocks run on (`device=ID`). Its
/// body is Quire's YAML format (`DeviceDecoder`), or files in the document's folder pinned by SHA-256:
///
///     configuration: conf_manila.json        # Qiskit's configuration and BackendProperties
///     properties: props_manila.json
///     sha256: {configuration: 2f…, properties: 9c…}
///
/// or `file: line3.yaml` with `sha256: 4b…` for Quire's format in a file.
enum DeviceBlock {
    /// A loaded device and what its record holds.
    struct Loaded: Sendable {
        var device: Device
        /// SHA-256 of the device's canonical content, whatever format it was read from.
        var sha256: String
        /// Where the device came from: the pinned files, or "inline".
        var source: CanonicalJSON
    }

    /// Largest snapshot file read, in bytes (README, Limits).
    static let maxFileBytes = 16 << 20

    /// Reads, verifies and decodes the device `block` declares, files relative to `folder`.
    static func load(_ block: RunnableBlock, folder: String?) throws -> Loaded {
        let origin = YAMLOrigin(yaml: block.body) { block.documentLocation(bodyLine: $0, column: $1) }
        guard let root = try SpecNode.parse(block.body, origin: origin) else {
            throw LocatedError(
                block.location, "device block '\(block.id)' is empty",
                hint: "declare native_gates, coupling_map, qubits and gates, or pin Qiskit's configuration and properties files")
        }
        let fileKeys = ["configuration", "properties", "file", "sha256"]
        guard case .mapping(let mapping) = root.node, mapping.keys.contains(where: { fileKeys.contains($0.string ?? "") }) else {
            let device = try DeviceDecoder.decode(root, name: block.id)
            return Loaded(device: device, sha256: device.contentSHA256, source: .string("inline"))
        }
        let map = try root.mapping(allowed: fileKeys)
        var pins: OrderedDictionary<String, CanonicalJSON> = [:]
        func pinned(_ key: String, what: String, pin: SpecNode?) throws -> (node: SpecNode, bytes: [UInt8]) {
            guard let node = map[key] else { throw root.error("a device block that names files needs '\(key)'") }
            let (path, bytes) = try PinnedFile.read(node, folder: folder, what: what, limit: maxFileBytes)
            let digest = try PinnedFile.verify(bytes, path: path, pin: pin) {
                root.error("a device block must pin '\(path)' by sha256", hint: key == "file" ? "add sha256: \($0)" : "add sha256: {\(key): \($0)}")
            }
            pins[key] = .object(["file": .string(path), "sha256": .string(digest)])
            return (node, bytes)
        }
        let device: Device
        if let file = map["file"] {
            guard map["configuration"] == nil, map["properties"] == nil else {
                throw file.error("a device block names either 'file' or 'configuration' and 'properties', not both")
            }
            let (node, bytes) = try pinned("file", what: "a YAML device file", pin: map["sha256"])
            device = try DeviceDecoder.decode(yaml: String(decoding: bytes, as: UTF8.self), file: try node.string())
        } else {
            let pinMap = try map["sha256"]?.mapping(allowed: ["configuration", "properties"])
            let configuration = try pinned("configuration", what: "a JSON file", pin: pinMap?["configuration"])
            let properties = try pinned("properties", what: "a JSON file", pin: pinMap?["properties"])
            do {
                device = try Device.qiskit(configuration: configuration.bytes, properties: properties.bytes)
            } catch {
                let file = error.snapshotPath?.hasPrefix("conf") == true ? configuration.node : properties.node
                throw file.error("'\(try file.string())': \(error.diagnostic.message)", hint: error.diagnostic.hint)
            }
        }
        return Loaded(device: device, sha256: device.contentSHA256, source: .object(pins))
    }

    /// `circuit` compiled for `device` (`DeviceCompiler`); errors at the offending statement
    /// (`locate` maps a line and column of the circuit's text into the document) or at `fallback`.
    static func compile(
        _ circuit: Circuit, on device: Device, options: CompileOptions, fallback: SourceLocation?, locate: (Int, Int) -> SourceLocation
    ) throws -> DeviceCompilation {
        do {
            return try DeviceCompiler.compile(circuit, for: device, options: options)
        } catch let error as SimulationError {
            throw error.located(fallback: fallback, locate)
        } catch let error as any InputError {
            throw LocatedError(fallback, error.diagnostic.message, hint: error.diagnostic.hint)
        }
    }

    /// The record of a device block (source, content hash, content and resolved noise), and a
    /// summary of its calibration as its region.
    static func prepare(_ block: RunnableBlock, loaded: Loaded, context: BlockContext) throws -> PreparedBlock {
        try Attributes.check(block, allowed: ["id"])
        let device = loaded.device
        let spec = CanonicalJSON.object([
            "source": loaded.source, "sha256": .string(loaded.sha256), "device": device.canonical, "noise": device.resolvedNoise,
        ])
        let record = BlockRecord(id: block.id, kind: block.kind.rawValue, spec: spec, seed: try context.seed(of: block))
        let format = NumberFormat(precision: context.settings.precision)
        return PreparedBlock(block: block, record: record) { _ in
            BlockResult(markdown: markdown(block, loaded: loaded, format: format), record: record)
        }
    }

    private static func markdown(_ block: RunnableBlock, loaded: Loaded, format: NumberFormat) -> String {
        let device = loaded.device
        let pairs = device.gates.filter { $0.qubits.count == 2 }
        var text =
            "Device `\(block.id)` (`\(device.name)`): \(device.qubits.count) qubits, native gates "
            + device.nativeGates.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            + ", \(device.couplingMap.count) directed couplings; snapshot sha256 `\(loaded.sha256.prefix(12))`. "
            + "Noise as Qiskit Aer's `NoiseModel.from_backend` derives it.\n\n"
        let right = MarkdownTable.Alignment.right
        text += MarkdownTable(
            columns: [
                .init("qubit", alignment: right), .init("T1 (µs)", alignment: right), .init("T2 (µs)", alignment: right),
                .init("readout 0→1", alignment: right), .init("readout 1→0", alignment: right),
            ],
            rows: device.qubits.enumerated().map { index, qubit in
                [String(index)]
                    + [qubit.t1Microseconds, qubit.t2Microseconds, qubit.readout.probMeas1Prep0, qubit.readout.probMeas0Prep1].map(format.format)
            }
        ).render(lineEnding: "\n")
        if !pairs.isEmpty {
            text +=
                "\n"
                + MarkdownTable(
                    columns: [.init("gate"), .init("qubits"), .init("error", alignment: right), .init("duration (ns)", alignment: right)],
                    rows: pairs.map {
                        [
                            "`\($0.gate.rawValue)`", $0.qubits.map(String.init).joined(separator: " → "), format.format($0.error),
                            format.format($0.durationNanoseconds),
                        ]
                    }
                ).render(lineEnding: "\n")
        }
        return text
    }
}
