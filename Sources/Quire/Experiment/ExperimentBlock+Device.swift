import QuireCore
import QuireLearning
import QuireReport

extension ExperimentBlock {
    /// Each point's model circuit (the kernel model's compute-uncompute circuit) as compiled for its device (`execution.device`), or nil for a
    /// point without one: compiled again from the spec and the data's feature count, which gives
    /// the template the repeats ran, byte for byte (compilation is deterministic).
    static func compilations(_ points: [Point], outcomes: [ExperimentRunner.Outcome], seed: UInt64) throws -> [CircuitBlock.Compilation?] {
        try zip(points, outcomes).map { point, outcome in
            guard let device = point.spec.execution.device,
                let factory = ExperimentRunner(spec: point.spec, seed: seed, memoryLimit: .max, threads: 1).factory
            else { return nil }
            if factory.model.kind == .kernel {
                let encoded = try Encoding(factory.encoding.learningKind, featureCount: outcome.featureCount, qubitCount: factory.model.qubits)
                return device.compilation(of: try device.kernel(for: encoded, threads: 1).template, kernelInputs: encoded.circuit.inputCount)
            }
            let model = try factory.variationalModel(featureCount: outcome.featureCount)
            return device.compilation(of: try device.template(for: model.circuit))
        }
    }

    /// Records `compilations` (the detail `compilation` without a sweep, else `compilations`, one
    /// entry per point) and returns the region's text about them and their QASM files: without a
    /// sweep the compilation's sentence and a link, with one a list of them, one per point, the
    /// point's swept values first (files `<id>-compiled-<point>.qasm`); a kernel model on a device
    /// also records the kernel's definition (`kernel`).
    static func describe(
        _ compilations: [CircuitBlock.Compilation?], points: [Point], id: String, figures: String, record: inout BlockRecord
    ) -> (text: String, files: [Figure]) {
        guard compilations.contains(where: { $0 != nil }) else { return ("", []) }
        if points.contains(where: { $0.spec.model?.kind == .kernel && $0.spec.execution.device != nil }) {
            record.details["kernel"] = .string(DeviceFidelityKernel.definition)
        }
        guard compilations.count > 1 else {
            let compilation = compilations[0]!
            let file = compilation.file(id: id)
            record.details["compilation"] = compilation.detail
            let sentence = compilation.sentence(device: points[0].spec.execution.device!.device.name)
            return ("\n" + sentence + " [Compiled circuit](\(MarkdownText.destination(figures + "/" + file.fileName))).\n", [file])
        }
        record.details["compilations"] = .array(compilations.map { $0?.detail ?? .null })
        var text = "\n"
        var files: [Figure] = []
        for (index, compilation) in compilations.enumerated() {
            guard let compilation, let device = points[index].spec.execution.device else { continue }
            let file = Figure(fileName: FigureName.name(block: id, "compiled", "\(index + 1)") + ".qasm", svg: compilation.qasm)
            files.append(file)
            let values = points[index].values.map(Self.text).joined(separator: ", ")
            text += "- \(values): " + compilation.sentence(device: device.device.name)
            text += " [Compiled circuit](\(MarkdownText.destination(figures + "/" + file.fileName))).\n"
        }
        return (text, files)
    }

    /// A swept value as the region prints it: a string as written, a number in its shortest form.
    private static func text(_ value: CanonicalJSON) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .unsigned(let number): String(number)
        case .number(let number): CanonicalJSON.format(number)
        case .bool(let flag): String(flag)
        default: "…"
        }
    }
}
