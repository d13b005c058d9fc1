extension ExperimentReport {
    /// The models of a sweep, as table columns and legend entries: every model any point has, in
    /// the order first met, matched across points by role (`Outcome.models`' `key`), so a model a
    /// point lacks leaves a gap instead of shifting the others.
    ///
    /// A column is titled by the model's name when that is the same at every point; otherwise (the
    /// sweep changes a field the name shows) by what stays the same, e.g.
    /// `variational (strongly-entangling)` along `model.layers`: the first point's name
    /// (`… 1 layer`) would mislabel every other row.
    var sweepColumns: [(key: String, title: String)] {
        var keys: [String] = []
        for outcome in outcomes {
            for model in outcome.models where !keys.contains(model.key) { keys.append(model.key) }
        }
        return keys.map { key in
            let names = outcomes.compactMap { $0.models.first { $0.key == key }?.name }
            if Set(names).count == 1 { return (key, names[0]) }
            switch key {
            case "quantum":
                let common = Set(points.compactMap { $0.spec.model.map { QuantumModelFactory.name($0, omitting: axes) } })
                return (key, common.count == 1 ? common.first! : "quantum model")
            case "mitigated": return (key, "+ mitigation")
            default: return (key, key)
            }
        }
    }
}
