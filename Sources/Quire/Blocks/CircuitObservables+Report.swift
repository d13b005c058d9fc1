import OrderedCollections
import QuireCore
import QuireLearning
import QuireMarkdown
import QuireReport
import QuireSimulator

extension CircuitObservables {
    /// Evaluates the observables with the block's `options` and returns the region's section
    /// (sentences and table) and the record's values at full precision.
    ///
    /// Without a device the circuit runs as written. On a device the noisy values come from
    /// `compiled`, the circuit compiled for it, run as `DeviceCompilation.run(on:options:)` runs it (on
    /// its active qubits, with their calibration): logical qubit i of an observable is read on
    /// physical qubit `finalLayout.physical[i]`, with that qubit's readout error, and ZNE folds the
    /// compiled circuit with the device's native gates.
    ///
    /// - Throws: `LocatedError` at the block for an engine's, a fold's or an extrapolation's failure.
    func report(
        options: SimulationOptions, compiled: DeviceCompilation?, engine: SimulationMethod, source: String, block: RunnableBlock,
        precision: Int
    ) throws -> (markdown: String, details: CanonicalJSON) {
        var options = options
        var physical = circuit
        var layout = Array(0..<circuit.qubitCount)
        let values: [ObservableEstimation.Values]
        do {
            if let compiled, let device = options.device {
                let active = compiled.activeQubits
                options.device = device.restricted(to: active)
                physical = try compiled.circuit.relabeled(keeping: active).removingFinalMeasurements()
                layout = compiled.finalLayout.physical.map { active.firstIndex(of: $0)! }
            }
            let estimation = ObservableEstimation(options: options, layout: layout, mitigatesReadout: readout, zne: zne?.recipe)
            values = try estimation.evaluate(observables, logical: circuit, physical: physical)
        } catch let error as InputError {
            if compiled == nil, let located = (error as? LearningError)?.located(in: block) { throw located }
            throw LocatedError(block.location, "observables: " + error.diagnostic.message, hint: error.diagnostic.hint)
        }
        let noisy = options.noise != nil || options.device != nil
        let format = NumberFormat(precision: precision)
        let markdown =
            sentences(options: options, engine: engine, source: source, noisy: noisy, format: format) + "\n\n"
            + table(values, noisy: noisy, format: format)
        return (markdown, details(values))
    }

    /// What the table holds and how it was computed.
    private func sentences(options: SimulationOptions, engine: SimulationMethod, source: String, noisy: Bool, format: NumberFormat) -> String {
        var text = "Expectation values: ideal on the noiseless statevector (exact)"
        if noisy || options.shots > 0 {
            text += noisy ? "; noisy on the \(engine.rawValue) engine with \(source)" : "; sampled"
            text += ", each Pauli word read in its eigenbasis"
            if noisy { text += " with readout error" }
            text += options.shots > 0 ? ", estimated from \(format.format(options.shots)) shots per word (seed \(options.seed))." : ", exact."
        } else {
            text += "."
        }
        if readout { text += " Readout mitigation inverts each read qubit's readout confusion matrix." }
        if let zne {
            let factors = zne.scaleFactors.map(String.init)
            text += " ZNE folds the circuit \(zne.folding == .global ? "globally" : "gate by gate") to noise scale factors "
            text += factors.dropLast().joined(separator: ", ") + " and " + factors.last!
            text +=
                " and extrapolates to zero noise (\(zne.extrapolation.rawValue.prefix(1).uppercased() + zne.extrapolation.rawValue.dropFirst()))\(readout ? " from readout-mitigated values" : "")."
        }
        if noisy || options.shots > 0 { text += " Each error is the absolute difference from the ideal value." }
        return text
    }

    /// One row per observable: ideal, then each measured or mitigated value with its error.
    private func table(_ values: [ObservableEstimation.Values], noisy: Bool, format: NumberFormat) -> String {
        var titles = [noisy ? "noisy" : "sampled"]
        if readout { titles.append("readout") }
        if zne != nil { titles.append(readout ? "ZNE + readout" : "ZNE") }
        let measured = values.first?.noisy != nil
        var columns: [MarkdownTable.Column] = [.init("observable"), .init("ideal", alignment: .right)]
        if measured { columns += titles.flatMap { [MarkdownTable.Column($0, alignment: .right), .init($0 + " error", alignment: .right)] } }
        // Rounding leaves ~1e-16 where a value is 0 (a mitigated ⟨Z⟩ of a balanced state): print 0.
        let shown = { (value: Double) in format.format(abs(value) < Self.printedZero ? 0 : value) }
        let rows = zip(observables, values).map { observable, value in
            var row = ["`\(observable.label)`", shown(value.ideal)]
            for estimate in [value.noisy, value.readoutMitigated, value.zne?.mitigated].compactMap({ $0 }) {
                row += [shown(estimate), shown(abs(estimate - value.ideal))]
            }
            return row
        }
        return MarkdownTable(columns: columns, rows: rows).render(lineEnding: "\n")
    }

    /// Values smaller in magnitude are printed as 0 (the record keeps them): far below any shot
    /// noise or noise effect, and above the rounding of the transforms and inversions.
    static let printedZero = 1e-12

    /// Every value at full precision, for the record.
    private func details(_ values: [ObservableEstimation.Values]) -> CanonicalJSON {
        .array(
            zip(observables, values).map { observable, value in
                var entry: OrderedDictionary<String, CanonicalJSON> = [
                    "observable": .string(observable.label), "ideal": .number(value.ideal),
                    "noisy": value.noisy.map(CanonicalJSON.number) ?? .null,
                ]
                if readout { entry["readout_mitigated"] = value.readoutMitigated.map(CanonicalJSON.number) ?? .null }
                if let estimate = value.zne {
                    entry["zne"] = .object(["values": .array(estimate.values.map(CanonicalJSON.number)), "extrapolated": .number(estimate.mitigated)])
                }
                return .object(entry)
            })
    }
}
