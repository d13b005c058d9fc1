import OrderedCollections
import QuireCore
import QuireMarkdown
import QuireSimulator

/// A circuit block on a device: the circuit compiled for it (`DeviceCompiler`), its compiled
/// OpenQASM written beside the figures, and what compilation did in the region and the record.
///
/// Attributes: `layout` (trivial, the default, or noise-aware), `optimization` (0 to 2, default 1),
/// `routing_seed` (default: drawn from the block seed's "routing" stream).
extension CircuitBlock {
    /// The attributes that steer compilation; only with `device=`.
    static let compileAttributes = ["layout", "optimization", "routing_seed"]

    /// A circuit compiled for its block's device, and what the region and record say about it.
    struct Compilation: Sendable {
        var compiled: DeviceCompilation
        var options: CompileOptions
        /// The compiled circuit as OpenQASM 2.0.
        var qasm: String

        /// The spec's `compile` entry: the inputs of compilation.
        var spec: CanonicalJSON {
            .object([
                "layout": .string(options.layout.rawValue), "optimization": .integer(Int64(options.optimizationLevel)),
                "routing_seed": .unsigned(options.routingSeed),
            ])
        }

        /// The record's `compilation` detail: what compilation produced.
        var detail: CanonicalJSON {
            let layout = { (layout: Layout) in CanonicalJSON.array(layout.physical.map { .integer(Int64($0)) }) }
            var counts: OrderedDictionary<String, CanonicalJSON> = [:]
            for entry in compiled.gateCounts { counts[entry.gate.rawValue] = .integer(Int64(entry.count)) }
            return .object([
                "initial_layout": layout(compiled.initialLayout), "final_layout": layout(compiled.finalLayout),
                "gate_counts": .object(counts), "depth": .integer(Int64(compiled.depth)),
                "two_qubit_gates": .integer(Int64(compiled.twoQubitGateCount)), "swaps": .integer(Int64(compiled.swapCount)),
                "qasm_sha256": .string(Hashing.sha256Hex(Array(qasm.utf8))),
            ])
        }

        /// The compiled QASM as a file beside the figures, `<id>-compiled.qasm`.
        func file(id: String) -> Figure {
            Figure(fileName: FigureName.name(block: id, "compiled") + ".qasm", svg: qasm)
        }

        /// One sentence: the device, the layout, the two-qubit gate count, depth and SWAPs.
        func sentence(device: String) -> String {
            let initial = compiled.initialLayout.physical.map(String.init).joined(separator: ", ")
            let final = compiled.finalLayout.physical.map(String.init).joined(separator: ", ")
            let twoQubit = compiled.gateCounts.filter { $0.gate.qubitCount == 2 }.map { "\($0.count) \($0.gate.rawValue)" }
            var text = "Compiled for `\(device)`: \(options.layout.rawValue) layout [\(initial)]"
            if final != initial { text += " → [\(final)]" }
            text += ", " + (twoQubit.isEmpty ? ["no two-qubit gates"] : twoQubit).joined(separator: ", ")
            text += ", depth \(compiled.depth), \(compiled.swapCount) swap\(compiled.swapCount == 1 ? "" : "s")"
            return text + ", optimisation level \(options.optimizationLevel), routing seed \(options.routingSeed)."
        }
    }

    /// The compilation options the block's attributes give; the routing seed defaults to the first
    /// draw of the block seed's "routing" stream, so it differs from the shot seed.
    static func compileOptions(_ block: RunnableBlock, seed: UInt64) throws -> CompileOptions {
        var options = CompileOptions(routingSeed: RandomStream(seed: seed, purpose: "routing").uint64(at: 0))
        options.optimizationLevel = try Attributes.integer(
            block, "optimization", in: Circuit.optimizationLevels, default: options.optimizationLevel)
        if let layout: LayoutMethod = try Attributes.choice(block, "layout", what: "a layout method") { options.layout = layout }
        if let attribute = block.attributes.first(where: { $0.key == "routing_seed" }) {
            guard let seed = UInt64(attribute.value) else {
                throw LocatedError(attribute.location, "routing_seed '\(attribute.value)' is not a whole number from 0 to \(UInt64.max)")
            }
            options.routingSeed = seed
        }
        return options
    }

    /// Throws at the first compilation attribute of a block without `device=`.
    static func refuseCompileAttributes(_ block: RunnableBlock) throws {
        if let attribute = block.attributes.first(where: { compileAttributes.contains($0.key) }) {
            throw LocatedError(
                attribute.location, "\(attribute.key)= steers compilation for a device; this block names none",
                hint: "add device=ID (a device block's id), or drop \(attribute.key)=")
        }
    }

    /// `circuit` compiled for `device` as the block's attributes ask, errors located in the block.
    static func compile(_ circuit: Circuit, block: RunnableBlock, device: Device, seed: UInt64) throws -> Compilation {
        let options = try compileOptions(block, seed: seed)
        let compiled = try DeviceBlock.compile(circuit, on: device, options: options, fallback: block.location) {
            block.documentLocation(bodyLine: $0, column: $1)
        }
        return Compilation(compiled: compiled, options: options, qasm: compiled.qasm(device: device.name, options: options))
    }
}
