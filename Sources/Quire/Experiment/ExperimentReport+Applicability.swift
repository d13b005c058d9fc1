import QuireCore

extension ExperimentReport {
    /// Why a `report:` section written in the block cannot be drawn for this experiment, or nil
    /// when it can. README "Figures" lists the same rules.
    ///
    /// - Parameters:
    ///   - section: the section's name.
    ///   - spec: the first point's resolved spec.
    ///   - axes: the swept paths (empty without a sweep).
    ///   - pointCount: the number of sweep points.
    static func inapplicable(_ section: String, spec: ExperimentSpec, axes: [String], pointCount: Int) -> String? {
        let swept = !axes.isEmpty
        switch section {
        case "metrics" where swept:
            return "'metrics' draws no figure for a sweep; the sweep table and the 'sweep' figure show each point's test accuracy"
        case "loss-curve" where swept:
            return "'loss-curve' is not drawn for a sweep; the provenance record keeps each point's loss per epoch"
        case "loss-curve" where spec.model?.kind != .variational:
            let trained = spec.model == nil ? "only baselines are" : "a kernel model is"
            return "'loss-curve' needs a variational model; \(trained) trained here, without a loss per epoch"
        case "decision-boundary" where swept:
            return "'decision-boundary' is not drawn for a sweep"
        case "decision-boundary" where spec.dataset.featureCount != 2:
            return "'decision-boundary' needs exactly 2 features; the dataset has \(spec.dataset.featureCount)"
        case "confusion-matrix" where swept:
            return "'confusion-matrix' is not drawn for a sweep"
        case "sweep" where !swept:
            return "'sweep' needs a 'sweep:' of the block"
        case "sweep" where pointCount < 2:
            return "'sweep' needs at least two sweep values to draw"
        default:
            return nil
        }
    }

    /// A warning, located at its entry in `report:`, for every written section that
    /// `inapplicable` says cannot be drawn: such a section used to be dropped without a word.
    static func warnings(
        for entries: [SpecNode], spec: ExperimentSpec, axes: [String], pointCount: Int
    ) -> [Diagnostic] {
        entries.compactMap { entry in
            guard let name = try? entry.string(),
                let reason = inapplicable(name, spec: spec, axes: axes, pointCount: pointCount)
            else { return nil }
            return Diagnostic(location: entry.location, message: "report section \(reason), so it is left out", hint: "remove it from 'report:'")
        }
    }
}
