import OrderedCollections
import QuireCore
import QuireLearning
import QuireSimulator

/// `execution.device` of an experiment: the device block the model's circuit is compiled for
/// (`DeviceTemplate`, once per repeat's circuit structure; the kernel model's compute-uncompute
/// circuit, `DeviceFidelityKernel`) and run on with its
/// calibration as the noise, and how it is compiled (`execution.layout`, `execution.optimization`,
/// `execution.routing_seed`, with a circuit block's defaults: trivial layout, level 1, the routing
/// seed drawn from the block seed's "routing" stream).
struct DeviceExecution: Sendable, Hashable {
    /// The execution keys that belong to a device.
    static let keys = ["device", "layout", "optimization", "routing_seed"]

    /// The device block's id.
    var name: String
    /// The snapshot.
    var device: Device
    /// SHA-256 of the snapshot's canonical content (in the spec, so a new snapshot invalidates results).
    var sha256: String
    /// Layout, optimisation level and routing seed.
    var options: CompileOptions
    /// Where `execution.device` is written, for errors found once the model is known.
    var location: SourceLocation

    /// The device execution `map` (an `execution` mapping) asks for, or nil without `device`.
    ///
    /// - Throws: located errors for `layout`, `optimization` or `routing_seed` without `device`,
    ///   `noise` or `mitigation` with it, an unknown device id and out-of-range options.
    static func decode(
        _ map: SpecMapping, devices: (String, SpecNode) throws -> DeviceBlock.Loaded, routingSeed: UInt64
    ) throws -> DeviceExecution? {
        guard let node = map["device"] else {
            if let key = keys.dropFirst().first(where: { map[$0] != nil }), let option = map[key] {
                throw option.error(
                    "execution.\(key) steers compilation for a device, and no execution.device is given",
                    hint: "add execution.device: ID (a device block's id), or remove execution.\(key)")
            }
            return nil
        }
        if let noise = map["noise"] {
            throw noise.error(
                "execution.noise and execution.device are both given; the device's calibration is the noise",
                hint: "remove execution.noise, or execution.device to run the logical circuit with that noise")
        }
        if let mitigation = map["mitigation"] {
            throw mitigation.error(
                "error mitigation is not supported with execution.device", hint: "remove execution.mitigation, or execution.device")
        }
        let name = try node.string()
        let loaded = try devices(name, node)
        var options = CompileOptions(routingSeed: routingSeed)
        if let layout = map["layout"] { options.layout = try layout.choice(LayoutMethod.self) }
        if let level = map["optimization"] { options.optimizationLevel = try level.integer(in: Circuit.optimizationLevels) }
        if let seed = map["routing_seed"] { options.routingSeed = try seed.unsigned64() }
        return DeviceExecution(name: name, device: loaded.device, sha256: loaded.sha256, options: options, location: node.location)
    }

    /// Throws at `execution.device` when the model's circuit has more qubits than the device.
    func check(qubits: Int?) throws {
        if let qubits, qubits > device.qubits.count {
            throw LocatedError(
                location, "the model's circuit has \(qubits) qubits, more than the \(device.qubits.count) of device '\(name)'",
                hint: "use fewer qubits (model.qubits, features) or a larger device")
        }
    }

    /// The spec's entries: the device id, its content hash and the compilation options.
    var canonical: OrderedDictionary<String, CanonicalJSON> {
        [
            "device": .string(name), "device_sha256": .string(sha256),
            "compile": .object([
                "layout": .string(options.layout.rawValue), "optimization": .integer(Int64(options.optimizationLevel)),
                "routing_seed": .unsigned(options.routingSeed),
            ]),
        ]
    }

    /// The model's circuit compiled for the device.
    ///
    /// - Throws: `SimulationError` or `LearningError` from `DeviceTemplate`, located at `execution.device`.
    func template(for circuit: ParameterizedCircuit) throws -> DeviceTemplate {
        try located { try DeviceTemplate(compiling: circuit, for: device, options: options) }
    }

    /// The kernel model's compute-uncompute circuit of `encoding` compiled for the device, evaluated
    /// on `threads` workers.
    ///
    /// - Throws: `SimulationError` from compilation, located at `execution.device`.
    func kernel(for encoding: Encoding, threads: Int) throws -> DeviceFidelityKernel {
        try located { try DeviceFidelityKernel(encoding: encoding, device: device, options: options, threads: threads) }
    }

    /// `compile()`, its input errors located at `execution.device`.
    private func located<T>(_ compile: () throws -> T) throws -> T {
        do {
            return try compile()
        } catch let error as any InputError {
            throw LocatedError(location, "compiling the model for device '\(name)': " + error.diagnostic.message, hint: error.diagnostic.hint)
        }
    }

    /// What compilation produced, as a circuit block's: the record's `compilation` detail, the
    /// region's sentence and the compiled template's QASM file (variable angles as `rz(0)`, listed
    /// in a comment after the include, which also says when they are virtual: no native rz). For the
    /// kernel model's compute-uncompute circuit, `kernelInputs` is one sample's encoded inputs m:
    /// u0 … u(m−1) encode x and um … u(2m−1) encode x′.
    func compilation(of template: DeviceTemplate, kernelInputs: Int? = nil) -> CircuitBlock.Compilation {
        let angles = template.variableAngles.map(Self.describe).joined(separator: "; ")
        let include = "include \"qelib1.inc\";\n"
        let virtual =
            template.virtualRZ
            ? "// the device has no native rz: each variable rz is virtual (a frame change, no error, no duration)\n" : ""
        let legend =
            kernelInputs.map { "u0 … u\($0 - 1) the encoded inputs of x, u\($0) … u\(2 * $0 - 1) those of x′" }
            ?? "θ trained parameters, u the encoded inputs"
        let qasm = template.compilation.qasm(device: device.name, options: options).replacingOccurrences(
            of: include, with: include + virtual + "// variable rz angles, in order (\(legend)): \(angles)\n")
        return CircuitBlock.Compilation(compiled: template.compilation, options: options, qasm: qasm)
    }

    /// `c + s·θk + t·uj` as text.
    static func describe(_ angle: AngleExpression) -> String {
        var terms: [String] = []
        if angle.constant != 0 { terms.append("\(angle.constant)") }
        if let k = angle.parameter { terms.append((angle.parameterScale == 1 ? "" : "\(angle.parameterScale)*") + "θ\(k)") }
        if let j = angle.input { terms.append((angle.inputScale == 1 ? "" : "\(angle.inputScale)*") + "u\(j)") }
        return terms.joined(separator: " + ")
    }
}
