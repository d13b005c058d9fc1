import OrderedCollections

/// Every number an experiment block measured, typed and keyed: per sweep point (its swept values),
/// per repeat (its number), per model (its stable `key`: `quantum`, `mitigated` or the baseline's
/// name, the same whatever settings its label shows). Recorded as the block record's `points`
/// detail (`json`) and read back by `init?(json:)` for `quire diff` and the exports, so nothing
/// reads numbers back out of a region's tables.
struct ExperimentResults: Hashable, Sendable {
    /// One model's measurement in one repeat.
    struct Model: Hashable, Sendable {
        /// The model's role, the same at every sweep point and for any settings.
        var key: String
        /// Its label in the region (`variational (…)`, a baseline's name).
        var name: String
        /// Accuracy on the training set.
        var trainAccuracy: Double
        /// Accuracy on the test set.
        var testAccuracy: Double
        /// Macro-F1 on the test set.
        var testF1: Double
        /// The variational model's trained parameters (θ, then the bias).
        var parameters: [Double]?
        /// A baseline's chosen hyperparameters.
        var hyperparameters: CanonicalJSON?

        /// The metrics by their recorded names, in report order.
        var metrics: [(name: String, value: Double)] {
            [("train_accuracy", trainAccuracy), ("test_accuracy", testAccuracy), ("test_f1", testF1)]
        }
    }

    /// One repeat of a sweep point.
    struct Repeat: Hashable, Sendable {
        /// Its number, from 1.
        var number: Int
        /// The quantum model's training seed.
        var modelSeed: UInt64?
        /// SHA-256 of the train/test split (`RepeatChoices.splitSHA256`).
        var splitSHA256: String
        /// Every model's measurement.
        var models: [Model]
        /// The training loss per epoch.
        var lossCurve: [Double]?
    }

    /// One sweep point.
    struct Point: Hashable, Sendable {
        /// The swept values by field path (empty without a sweep).
        var sweep: OrderedDictionary<String, CanonicalJSON>
        /// Its repeats in order.
        var repeats: [Repeat]
    }

    /// The points in sweep order (one without a sweep).
    var points: [Point]

    /// The `points` detail of the block record.
    var json: CanonicalJSON {
        .array(
            points.map { point in
                var object: OrderedDictionary<String, CanonicalJSON> = [:]
                if !point.sweep.isEmpty { object["sweep"] = .object(point.sweep) }
                object["repeats"] = .array(
                    point.repeats.map { entry in
                        var object: OrderedDictionary<String, CanonicalJSON> = ["repeat": .integer(Int64(entry.number))]
                        if let seed = entry.modelSeed { object["model_seed"] = .unsigned(seed) }
                        object["split_sha256"] = .string(entry.splitSHA256)
                        object["models"] = .array(
                            entry.models.map { model in
                                var object: OrderedDictionary<String, CanonicalJSON> = ["key": .string(model.key), "model": .string(model.name)]
                                for (name, value) in model.metrics { object[name] = .number(value) }
                                if let parameters = model.parameters { object["parameters"] = .array(parameters.map(CanonicalJSON.number)) }
                                if let hyperparameters = model.hyperparameters { object["hyperparameters"] = hyperparameters }
                                return .object(object)
                            })
                        if let curve = entry.lossCurve { object["loss_curve"] = .array(curve.map(CanonicalJSON.number)) }
                        return .object(object)
                    })
                return .object(object)
            })
    }

    /// Results with `points`.
    init(points: [Point]) {
        self.points = points
    }

    /// The results a record's `points` detail holds; `nil` when it is absent or not of this form
    /// (the appendix is untrusted text; a record written before models carried keys reads as `nil`).
    init?(json: CanonicalJSON?) {
        guard case .array(let entries)? = json else { return nil }
        var points: [Point] = []
        for entry in entries {
            guard case .array(let repeats)? = entry["repeats"] else { return nil }
            var point = Point(sweep: [:], repeats: [])
            switch entry["sweep"] {
            case .object(let sweep)?: point.sweep = sweep
            case nil: break
            default: return nil
            }
            for entry in repeats {
                guard let number = entry["repeat"]?.unsignedValue, case .string(let split)? = entry["split_sha256"],
                    case .array(let models)? = entry["models"]
                else { return nil }
                var record = Repeat(number: Int(clamping: number), modelSeed: entry["model_seed"]?.unsignedValue, splitSHA256: split, models: [])
                record.lossCurve = entry["loss_curve"]?.doubles
                for model in models {
                    guard case .string(let key)? = model["key"], case .string(let name)? = model["model"],
                        let train = model["train_accuracy"]?.double, let test = model["test_accuracy"]?.double, let f1 = model["test_f1"]?.double
                    else { return nil }
                    record.models.append(
                        Model(
                            key: key, name: name, trainAccuracy: train, testAccuracy: test, testF1: f1, parameters: model["parameters"]?.doubles,
                            hyperparameters: model["hyperparameters"]))
                }
                point.repeats.append(record)
            }
            points.append(point)
        }
        self.points = points
    }
}
