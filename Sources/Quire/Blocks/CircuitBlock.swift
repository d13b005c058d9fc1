import OrderedCollections
import QuireCore
import QuireMarkdown
import QuireReport
import QuireSimulator

/// A `circuit` block: an OpenQASM 2.0 body run on Quire's simulator; its region holds the
/// measurement distribution as a table, and its record every input that determines it.
///
/// Attributes: `id`, `shots` (default 1024; 0 = exact probabilities only), `noise` (id of a noise
/// block), `device` (id of a device block; excludes `noise`), `method` (statevector,
/// density-matrix, trajectories, auto; default auto), `trajectories` (default 1000), `seed`; with
/// `device`, `layout`, `optimization` and `routing_seed` (CircuitBlock+Device); `observables`,
/// `mitigation` and `zne_*` for expectation values (`CircuitObservables`).
enum CircuitBlock {
    /// Attributes a circuit block accepts.
    static let attributes = ["id", "shots", "noise", "device", "method", "trajectories", "seed"] + compileAttributes + CircuitObservables.attributes
    /// How many outcomes the table lists before summarising the rest.
    static let tableRows = 32

    /// Reads the circuit and resolves the options (cheap); the returned block simulates when executed.
    static func prepare(_ block: RunnableBlock, context: BlockContext) throws -> PreparedBlock {
        try Attributes.check(block, allowed: attributes)
        let circuit: Circuit
        do {
            circuit = try QASMReader.read(block.body, limits: QASMLimits(maxMemoryBytes: context.limits.memoryBytes))
        } catch {
            throw error.located(fallback: block.location) { block.documentLocation(bodyLine: $0, column: $1) }
        }
        let (options, device) = try simulationOptions(block, context: context)
        let compilation = try device.map { try compile(circuit, block: block, device: $0.device, seed: options.seed) }
        if device == nil { try refuseCompileAttributes(block) }
        let observables = try CircuitObservables.parse(block, circuit: circuit, options: options)
        let noiseID = block.attribute("noise")
        var spec = CanonicalJSON.object([
            "qasm_sha256": .string(Hashing.sha256Hex(Array(block.body.utf8))),
            "qubits": .integer(Int64(circuit.qubitCount)),
            "shots": .integer(Int64(options.shots)),
            "method": .string(options.method.rawValue),
            "trajectories": .integer(Int64(options.trajectories)),
            "noise": noiseID.map(CanonicalJSON.string) ?? .null,
        ])
        var inputs: OrderedDictionary<String, CanonicalJSON> = [:]
        if let profile = options.noise { inputs["noise_profile"] = profile.canonical }
        if let device, case .object(var members) = spec {
            members["device"] = .string(block.attribute("device") ?? "")
            members["compile"] = compilation?.spec
            spec = .object(members)
            inputs["device"] = .object(["name": .string(device.device.name), "sha256": .string(device.sha256)])
        }
        if let observables, case .object(var members) = spec {
            members.merge(observables.canonical) { $1 }
            spec = .object(members)
        }
        let record = BlockRecord(id: block.id, kind: block.kind.rawValue, spec: spec, seed: options.seed, inputs: inputs)
        let precision = context.settings.precision
        let figures = context.settings.figures
        return PreparedBlock(block: block, record: record) { execution in
            let result: SimulationResult
            do {
                // The compiled run simulates the physical qubits the logical ones occupy: the logical circuit's estimate.
                result = try execution.memory.holding(Simulator.reservedBytes(circuit, options: options)) {
                    try compilation.map { try $0.compiled.run(on: options.device!, options: options) } ?? Simulator.run(circuit, options: options)
                }
            } catch let error as SimulationError {
                throw LocatedError(block.location, error.diagnostic.message, hint: error.diagnostic.hint)
            }
            var record = record
            record.engine = result.method.rawValue
            var text = markdown(result, options: options, noise: noiseID, device: block.attribute("device"), precision: precision)
            var files: [Figure] = []
            if let compilation {
                let file = compilation.file(id: block.id)
                files.append(file)
                record.details["compilation"] = compilation.detail
                text += "\n" + compilation.sentence(device: options.device!.name)
                text += " [Compiled circuit](\(MarkdownText.destination(figures + "/" + file.fileName))).\n"
            }
            if let histogram = try histogram(result, id: block.id) {
                files.append(histogram)
                text += FigureName.image(
                    caption: "Measurement distribution of `\(block.id)`: exact probabilities\(options.shots > 0 ? " and sampled frequencies" : "")",
                    folder: figures, file: histogram.fileName)
            }
            if let observables {
                let source = block.attribute("device").map { "device `\($0)`" } ?? noiseID.map { "noise profile `\($0)`" } ?? "the ideal device"
                let section = try observables.report(
                    options: options, compiled: compilation?.compiled, engine: result.method, source: source, block: block, precision: precision)
                text += "\n" + section.markdown
                record.details["observables"] = section.details
            }
            return BlockResult(markdown: text, figures: files, record: record)
        }
    }

    /// The options the attributes give, and the device block `device=` names.
    private static func simulationOptions(_ block: RunnableBlock, context: BlockContext) throws -> (SimulationOptions, DeviceBlock.Loaded?) {
        var options = SimulationOptions()
        options.shots = try Attributes.integer(block, "shots", in: 0...context.limits.shots, default: 1024, limitFlag: "--max-shots")
        options.trajectories = try Attributes.integer(block, "trajectories", in: 1...1_000_000, default: 1000)
        options.seed = try context.seed(of: block)
        options.memoryLimitBytes = context.limits.memoryBytes
        if let method: SimulationMethod = try Attributes.choice(block, "method", what: "a simulation method") { options.method = method }
        if let attribute = block.attributes.first(where: { $0.key == "noise" }) {
            options.noise = try context.profile(named: attribute.value, at: attribute.location)
        }
        guard let attribute = block.attributes.first(where: { $0.key == "device" }) else { return (options, nil) }
        guard options.noise == nil else {
            throw LocatedError(
                attribute.location, "a circuit block takes noise= or device=, not both",
                hint: "a device's calibration is its noise; drop noise= to run on the device")
        }
        let device = try context.device(named: attribute.value, at: attribute.location)
        options.device = device.device
        return (options, device)
    }

    /// Most qubits for which a histogram is drawn (every outcome is considered for its bars).
    static let histogramQubits = 12

    /// The histogram figure of `result`, or nil for circuits too wide to draw.
    static func histogram(_ result: SimulationResult, id: String) throws -> Figure? {
        guard result.qubitCount <= histogramQubits else { return nil }
        var probabilities: [String: Double] = [:]
        for (index, probability) in result.probabilities.enumerated() where probability > 0 {
            probabilities[result.bitstring(UInt64(index))] = min(probability, 1)
        }
        var counts: [String: Int] = [:]
        for entry in result.counts { counts[result.bitstring(entry.state)] = entry.count }
        let name = FigureName.name(block: id, "histogram")
        let plot = QuireReport.Histogram(name: name, title: "", probabilities: probabilities, counts: counts)
        do {
            return Figure(fileName: name + ".svg", svg: try plot.svg())
        } catch {
            throw LocatedError(nil, "cannot draw the histogram of '\(id)': \(error)")
        }
    }

    /// One summary sentence (engine, device or noise profile, shots), then the most likely outcomes (qubit n−1 leftmost, as Qiskit prints them).
    static func markdown(_ result: SimulationResult, options: SimulationOptions, noise: String?, device: String? = nil, precision: Int) -> String {
        let format = NumberFormat(precision: precision)
        var summary = "\(result.qubitCount) qubit\(result.qubitCount == 1 ? "" : "s"), \(result.method.rawValue) engine"
        summary += device.map { ", device `\($0)`" } ?? noise.map { ", noise profile `\($0)`" } ?? ", ideal device"
        if result.method == .trajectories { summary += ", \(format.format(options.trajectories)) trajectories" }
        summary += options.shots > 0 ? ", \(format.format(options.shots)) shots, seed \(options.seed)." : ", exact probabilities."
        let counts = Dictionary(uniqueKeysWithValues: result.counts.map { ($0.state, $0.count) })
        let (top, outcomeCount) = mostLikely(result, counts: counts)
        var columns: [MarkdownTable.Column] = [.init("outcome"), .init("probability", alignment: .right)]
        if options.shots > 0 { columns.append(.init("count", alignment: .right)) }
        let rows = top.map { index in
            var row = ["`\(result.bitstring(UInt64(index)))`", format.format(result.probabilities[index])]
            if options.shots > 0 { row.append(format.format(counts[UInt64(index)] ?? 0)) }
            return row
        }
        var text = summary + "\n\n" + MarkdownTable(columns: columns, rows: rows).render(lineEnding: "\n")
        if outcomeCount > top.count {
            // Summed in index order, so the total does not depend on how the top rows were found.
            let shown = Set(top)
            var rest = 0.0
            for (index, probability) in result.probabilities.enumerated() where !shown.contains(index) { rest += probability }
            text += "\n\(outcomeCount - top.count) more outcomes, total probability \(format.format(rest)).\n"
        }
        return text
    }

    /// The `tableRows` most likely outcomes (probability descending, then index ascending) and the
    /// number of possible outcomes (nonzero probability or sampled), in one pass: O(2ⁿ · rows), no
    /// sort of all 2ⁿ states.
    static func mostLikely(_ result: SimulationResult, counts: [UInt64: Int]) -> (top: [Int], count: Int) {
        var top: [Int] = []
        var count = 0
        let p = result.probabilities
        for index in p.indices where p[index] > 0 || counts[UInt64(index)] != nil {
            count += 1
            guard top.count < tableRows || p[index] > p[top[top.count - 1]] else { continue }
            var position = top.count
            while position > 0, p[top[position - 1]] < p[index] { position -= 1 }
            top.insert(index, at: position)
            if top.count > tableRows { top.removeLast() }
        }
        return (top, count)
    }
}
