import OrderedCollections
import QuireCore
import QuireLearning
import QuireMarkdown
import QuireReport
import QuireSimulator

/// What a circuit block's `observables=`, `mitigation=` and `zne_*` attributes ask for: expectation
/// values beside the distribution, ideal, noisy and mitigated (`ObservableEstimation`).
struct CircuitObservables: Sendable {
    /// The attributes this part of a circuit block reads.
    static let attributes = ["observables", "mitigation", "zne_scales", "zne_extrapolation", "zne_folding"]
    /// The mitigation methods `mitigation=` may list.
    static let methods = ["readout", "zne"]

    /// The observables, in the order written.
    var observables: [PauliObservable]
    /// The circuit without its final measurements.
    var circuit: Circuit
    /// Whether readout mitigation is on.
    var readout: Bool
    /// Zero-noise extrapolation, when on.
    var zne: ZNESettings?

    /// The request of `block` for `circuit` run with `options`, or nil when it names no observables.
    ///
    /// - Throws: `LocatedError` at the attribute for a bad value, mitigation without observables or
    ///   without noise or a device (nothing to mitigate), a `zne_*` attribute without zne; at the
    ///   QASM statement for a mid-circuit measurement, reset or if, or (without a device) a gate ZNE cannot fold.
    static func parse(_ block: RunnableBlock, circuit: Circuit, options: SimulationOptions) throws -> CircuitObservables? {
        let attributes = Dictionary(uniqueKeysWithValues: block.attributes.map { ($0.key, $0) })
        let methods = try attributes["mitigation"].map(mitigationMethods) ?? []
        for key in attributes.keys.sorted() where key.hasPrefix("zne_") && !methods.contains("zne") {
            throw LocatedError(
                attributes[key]!.location, "\(key) is set, but mitigation= does not list zne", hint: "write mitigation=zne, or drop \(key)")
        }
        guard let written = attributes["observables"] else {
            if let mitigation = attributes["mitigation"] {
                throw LocatedError(mitigation.location, "mitigation= needs observables= to mitigate", hint: PauliObservable.syntaxHint)
            }
            return nil
        }
        if let mitigation = attributes["mitigation"], options.noise == nil, options.device == nil {
            throw LocatedError(
                mitigation.location, "mitigation= on an ideal device has nothing to mitigate", hint: "add noise= or device=, or drop mitigation=")
        }
        let observables = try written.value.split(separator: ",", omittingEmptySubsequences: false).map {
            try PauliObservable(parsing: String($0), qubitCount: circuit.qubitCount, at: written.location)
        }
        let unitary: Circuit
        do {
            unitary = try circuit.removingFinalMeasurements()
        } catch let error as LearningError { throw error.located(in: block) ?? error }
        var zne: ZNESettings?
        if methods.contains("zne") {
            zne = try zneSettings(attributes)
            // On a device the compiled circuit is folded, with native inverses, when the block runs.
            if options.device == nil {
                do {
                    _ = try zne!.folding.fold(unitary, scale: 1)
                } catch let error as LearningError { throw error.located(in: block) ?? error }
            }
        }
        return CircuitObservables(observables: observables, circuit: unitary, readout: methods.contains("readout"), zne: zne)
    }

    /// The methods `mitigation=` lists, each once.
    private static func mitigationMethods(_ attribute: BlockAttribute) throws -> [String] {
        let methods = attribute.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for (i, method) in methods.enumerated() where !Self.methods.contains(method) || methods[..<i].contains(method) {
            throw LocatedError(
                attribute.location,
                "mitigation=\(attribute.value) lists '\(method)'\(Self.methods.contains(method) ? " twice" : ", not a mitigation method")",
                hint: "write mitigation=readout, mitigation=zne or mitigation=readout,zne")
        }
        return methods
    }

    /// The `zne_*` attributes, checked as an experiment's `mitigation.zne` is (`ZNESettings`).
    private static func zneSettings(_ attributes: [String: BlockAttribute]) throws -> ZNESettings {
        var settings = ZNESettings()
        if let scales = attributes["zne_scales"] {
            let range = ZNESettings.scaleFactorRange
            let factors = scales.value.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            guard factors.allSatisfy({ $0.map(range.contains) ?? false }) else {
                throw LocatedError(
                    scales.location, "zne_scales=\(scales.value) is not a list of whole numbers from \(range.lowerBound) to \(range.upperBound)",
                    hint: "write e.g. zne_scales=1,3,5")
            }
            settings.scaleFactors = factors.map { $0! }
            if let problem = ZNESettings.problem(scaleFactors: settings.scaleFactors) {
                throw LocatedError(scales.location, "zne_scales=\(scales.value) \(problem.message)", hint: problem.hint)
            }
        }
        if let extrapolation = attributes["zne_extrapolation"] {
            guard let method = ZNESettings.Method(rawValue: extrapolation.value) else {
                throw LocatedError(
                    extrapolation.location, "zne_extrapolation=\(extrapolation.value) is not an extrapolation",
                    hint: "use one of \(ZNESettings.Method.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            settings.extrapolation = method
        }
        if let folding = attributes["zne_folding"] {
            guard let value = UnitaryFolding(rawValue: folding.value) else {
                throw LocatedError(
                    folding.location, "zne_folding=\(folding.value) is not a folding method",
                    hint: "use one of \(UnitaryFolding.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            settings.folding = value
        }
        return settings
    }

    /// The spec entries the request adds: the observables as written and the mitigation settings.
    var canonical: OrderedDictionary<String, CanonicalJSON> {
        [
            "observables": .array(observables.map { .string($0.label) }),
            "mitigation": .object(["readout": .bool(readout), "zne": zne?.canonical ?? .null]),
        ]
    }
}
