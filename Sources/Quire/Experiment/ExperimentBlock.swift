import OrderedCollections
import QuireCore
import QuireLearning
import QuireMarkdown
import QuireReport
import QuireSimulator
import Yams

/// An `experiment` block: a YAML spec (issue 4) whose region reports every model against tuned
/// classical baselines, with repeats and sweeps; provenance records the resolved spec of every point.
enum ExperimentBlock {
    /// One sweep point, decoded.
    struct Point {
        /// The swept values, in axis order (empty without a sweep).
        var values: [CanonicalJSON]
        /// The resolved spec.
        var spec: ExperimentSpec
    }

    /// Decodes the body and every sweep point (cheap); the returned block trains when executed.
    static func prepare(_ block: RunnableBlock, context: BlockContext) throws -> PreparedBlock {
        try Attributes.check(block, allowed: ["id", "seed"])
        let origin = YAMLOrigin(yaml: block.body) { block.documentLocation(bodyLine: $0, column: $1) }
        guard let root = try SpecNode.parse(block.body, origin: origin) else {
            throw LocatedError(
                block.location, "experiment block '\(block.id)' is empty",
                hint: "declare at least a dataset and a model or baselines, e.g. dataset: {name: moons}")
        }
        let fields = try root.mapping(allowed: ExperimentSpec.keys)
        guard case .mapping(var base) = root.node else { preconditionFailure("checked to be a mapping") }
        let sweepNode = base["sweep"].map { SpecNode(node: $0, path: "sweep", origin: origin) }
        let sweep = try SweepGrid.decode(sweepNode, maxPoints: context.limits.sweepPoints)
        base["sweep"] = nil
        let profiles = { (id: String, node: SpecNode) in try context.profile(named: id, at: node.location) }
        var decoded: [Point] = []
        let routingSeed = RandomStream(seed: try context.seed(of: block), purpose: "routing").uint64(at: 0)
        let modelSwept = sweep.axes.contains { $0.path == "model" || $0.path == "model.kind" }
        for values in sweep.points {
            let resolved = try sweep.apply(values, to: .mapping(base)) { path, node in
                guard path == "execution.noise", let id = node.string else { return nil }
                return try context.profile(named: id, at: origin.location(node.mark)).canonical.yamlNode
            }
            let spec = try ExperimentSpec.decode(
                SpecNode(node: resolved, path: "", origin: origin), swept: !sweep.axes.isEmpty, modelSwept: modelSwept, limits: context.limits,
                noiseProfiles: profiles, datasets: { try context.dataset(named: $0, at: $1.location) },
                devices: { try context.device(named: $0, at: $1.location) }, routingSeed: routingSeed)
            decoded.append(Point(values: values.map(SweepGrid.label), spec: spec))
        }
        try checkWork(decoded.map(\.spec), limits: context.limits, at: block.location)
        let points = decoded
        let canonical: CanonicalJSON =
            sweep.axes.isEmpty
            ? points[0].spec.canonical
            : .object([
                "sweep": .object(
                    OrderedDictionary(uniqueKeysWithValues: sweep.axes.map { ($0.path, CanonicalJSON.array($0.values.map(SweepGrid.label))) })),
                "points": .array(points.map(\.spec.canonical)),
            ])
        let record = BlockRecord(id: block.id, kind: block.kind.rawValue, spec: canonical, seed: try context.seed(of: block))
        let precision = context.settings.precision
        let figuresFolder = context.settings.figures
        let memoryLimit = context.limits.memoryBytes
        let axes = sweep.axes.map(\.path)
        let reportEntries = try fields["report"]?.sequence() ?? []
        let warnings = ExperimentReport.warnings(for: reportEntries, spec: points[0].spec, axes: axes, pointCount: points.count)
        let units = points.indices.flatMap { point in
            (0..<points[point].spec.repeats).map {
                PointUnit(record: record, point: point, repeatIndex: $0, pointSpec: points[point].spec.canonical)
            }
        }
        let limit = context.limits.circuitEvaluations
        var prepared = PreparedBlock(block: block, record: record, warnings: warnings) { execution in
            var record = record
            // Baselines alone have no circuit work to estimate.
            if points.contains(where: { $0.spec.model != nil }) {
                execution.report(.estimate(Self.estimate(points.map(\.spec), limit: limit, memoryLimit: memoryLimit)))
            }
            let outcomes = try Self.run(
                points, units: units, seed: record.seed, memoryLimit: memoryLimit, location: block.location, execution: execution)
            if let reproduce = execution.reproduce { zip(points, outcomes).forEach(reproduce) }
            record.engine = outcomes[0].engine
            record.details["data_sha256"] = .string(outcomes[0].dataSHA256)
            record.details["baseline_grids"] = .object(
                OrderedDictionary(
                    uniqueKeysWithValues: points[0].spec.baselines.map { kind in
                        (
                            kind.rawValue,
                            CanonicalJSON.array(BaselineGrid.standard(kind).points.map { .string($0.map(\.description).joined(separator: ", ")) })
                        )
                    }))
            if axes.isEmpty, let curve = Self.meanCurve(outcomes[0].lossCurves) {
                record.details["loss_curve"] = .array(curve.map(CanonicalJSON.number))
            }
            record.details["points"] = Self.results(points, outcomes: outcomes, axes: axes).json
            let compiled = Self.describe(
                try Self.compilations(points, outcomes: outcomes, seed: record.seed), points: points, id: block.id, figures: figuresFolder,
                record: &record)
            let report = ExperimentReport(points: points, outcomes: outcomes, axes: axes, format: NumberFormat(precision: precision))
            let figures = try report.figures(id: block.id)
            let links = figures.map { FigureName.image(caption: $0.caption, folder: figuresFolder, file: $0.figure.fileName) }.joined()
            return BlockResult(
                markdown: report.markdown() + compiled.text + links, figures: figures.map(\.figure) + compiled.files, record: record)
        }
        prepared.units = units
        prepared.computeUnit = { index, execution in
            let unit = units[index]
            let spec = points[unit.point].spec
            let runner = ExperimentRunner(
                spec: spec, seed: record.seed, memoryLimit: memoryLimit, threads: spec.repeatThreads(upTo: execution.budget.jobs, limit: memoryLimit),
                budget: execution.budget)
            let outcome = try Self.outcome(of: unit, runner: runner, pointCount: points.count, location: block.location, execution: execution)
            try execution.points?.store(unit, outcome: outcome)
        }
        return prepared
    }
}

extension ExperimentBlock {
    /// Throws at the block when its points together need more circuit evaluations (training and
    /// kernel entries) or baseline work than the limits allow, naming the estimate and the flag.
    static func checkWork(_ specs: [ExperimentSpec], limits: Limits, at location: SourceLocation) throws {
        let totals = [
            (
                specs.reduce(0) { $0 + $1.estimatedCircuitEvaluations }, limits.circuitEvaluations,
                "the quantum model would need about %@ circuit evaluations (training steps or kernel entries)",
                "use fewer epochs, samples, repeats or sweep points, or raise the limit with --max-circuit-evaluations"
            ),
            (
                ExperimentSpec.estimatedBaselineOperations(specs), limits.baselineOperations,
                "the classical baselines would need about %@ arithmetic operations to tune",
                "use fewer samples, features, repeats or sweep points or fewer baselines, or raise the limit with --max-baseline-operations"
            ),
        ]
        for (estimate, limit, message, hint) in totals where estimate > Double(limit) {
            throw LocatedError(
                location,
                message.replacingOccurrences(of: "%@", with: format(estimate)) + ", more than the limit of \(format(Double(limit)))", hint: hint)
        }
    }

    /// The points' work together (`WorkEstimate`), with the first point's calibration (none when it
    /// cannot be built; the run then reports the problem itself).
    static func estimate(_ specs: [ExperimentSpec], limit: Int, memoryLimit: Int) -> WorkEstimate {
        let evaluations = specs.map(\.sampleEvaluations)
        return WorkEstimate(
            circuitEvaluations: specs.reduce(0) { $0 + $1.estimatedCircuitEvaluations }, circuitEvaluationLimit: limit,
            kernelEntries: specs.reduce(0) { $0 + $1.kernelEntries }, trainingSteps: specs.reduce(0) { $0 + $1.trainingSteps },
            gradientSamples: evaluations.reduce(0) { $0 + $1.gradient }, valueSamples: evaluations.reduce(0) { $0 + $1.value },
            calibration: try? ExperimentRunner(spec: specs[0], seed: 0, memoryLimit: memoryLimit, threads: 1).calibration())
    }

    /// A count for a message: whole below 10¹⁵, else three significant digits.
    private static func format(_ count: Double) -> String {
        count < 1e15 ? String(Int64(count.rounded(.up))) : String(format: "%.3g", count)
    }

    /// Runs every repeat of every sweep point (`units`, in (point, repeat) order), spread over the
    /// run's worker threads: each repeat depends only on its point's spec, the seed and its index,
    /// and results are gathered in (point, repeat) order, so the outcome is the same for any `--jobs`
    /// and whether a unit was computed here or read from the point cache (where a Slurm worker may
    /// have stored it). The first failure in that order is thrown, located at the block. The points
    /// share `baselines`: a repeat's baseline is tuned once for all points whose inputs it
    /// shares (`BaselineMemo`).
    static func run(
        _ points: [Point], units: [PointUnit], seed: UInt64, memoryLimit: Int, location: SourceLocation,
        execution: BlockExecution, baselines: BaselineMemo = BaselineMemo()
    ) throws -> [ExperimentRunner.Outcome] {
        // `--jobs` bounds the threads of the whole run: the repeats and their baselines' grid
        // searches share its workers, and a repeat's training gets what the repeats leave over (all
        // of it for a single repeat, one thread when there are at least as many repeats as jobs),
        // fewer where its memory would be over the limit.
        let jobs = execution.budget.jobs, inner = max(1, jobs / max(1, min(units.count, jobs)))
        let runners = points.map {
            ExperimentRunner(
                spec: $0.spec, seed: seed, memoryLimit: memoryLimit, threads: $0.spec.repeatThreads(upTo: inner, limit: memoryLimit),
                budget: execution.budget, sharedBaselines: baselines)
        }
        let results = ParallelMap.map(count: units.count, budget: execution.budget) { index in
            let unit = units[index]
            return Result { () throws -> ExperimentRunner.RepeatOutcome in
                if let cached = execution.points?.load(unit) { return cached }
                let outcome = try Self.outcome(
                    of: unit, runner: runners[unit.point], pointCount: points.count, location: location, execution: execution)
                // The block's own entry is stored next and warns when the cache cannot be written.
                try? execution.points?.store(unit, outcome: outcome)
                return outcome
            }
        }
        var outcomes: [ExperimentRunner.Outcome] = []
        var next = 0
        for runner in runners {
            outcomes.append(runner.combine(try results[next..<(next + runner.spec.repeats)].map { try $0.get() }))
            next += runner.spec.repeats
        }
        return outcomes
    }

    /// Computes `unit` with `runner` (its point's), reporting its epochs and its end; an input
    /// error is located at the block.
    static func outcome(
        of unit: PointUnit, runner: ExperimentRunner, pointCount: Int, location: SourceLocation, execution: BlockExecution
    ) throws -> ExperimentRunner.RepeatOutcome {
        let position = BlockProgress.Position(point: unit.point + 1, points: pointCount, repeat: unit.repeatIndex + 1, repeats: runner.spec.repeats)
        let epochs = runner.spec.train.epochs
        do {
            let bytes = Int(min(runner.spec.estimatedRepeatBytes(threads: runner.threads), Double(Int.max / 2)))
            let outcome = try execution.memory.holding(bytes) {
                try runner.runRepeat(unit.repeatIndex) {
                    execution.report(.epoch(position, epoch: $0, epochs: epochs))
                } batchFinished: {
                    execution.report(.batch(position, epoch: $0, epochs: epochs, batch: $1, batches: $2))
                }
            }
            execution.report(.repeatFinished(position))
            return outcome
        } catch let error as any InputError where !(error is LocatedError) {
            throw LocatedError(location, error.diagnostic.message, hint: error.diagnostic.hint)
        }
    }

    /// Each sweep point's own results, recorded as the `points` detail (`ExperimentResults`) so
    /// `quire diff` and `quire export --mlflow` read every number from the document alone: the
    /// swept values (with a sweep), then per repeat its number (from 1), the quantum model's
    /// training seed, the split's SHA-256 (`RepeatChoices.splitSHA256`), every model's key, train
    /// and test accuracy and test macro-F1 with a baseline's chosen `hyperparameters` and the
    /// variational model's trained `parameters` (θ, then the bias), and the training loss per epoch.
    static func results(_ points: [Point], outcomes: [ExperimentRunner.Outcome], axes: [String]) -> ExperimentResults {
        ExperimentResults(
            points: zip(points, outcomes).map { point, outcome in
                ExperimentResults.Point(
                    sweep: OrderedDictionary(uniqueKeysWithValues: zip(axes, point.values).map { ($0, $1) }),
                    repeats: outcome.repeats.enumerated().map { index, repeatOutcome in
                        let choices = repeatOutcome.choices
                        return ExperimentResults.Repeat(
                            number: index + 1, modelSeed: repeatOutcome.modelSeed, splitSHA256: choices.splitSHA256,
                            models: zip(outcome.models, repeatOutcome.measurements).compactMap { model, measurement in
                                measurement.map { measurement in
                                    ExperimentResults.Model(
                                        key: model.key, name: model.name, trainAccuracy: measurement.trainAccuracy,
                                        testAccuracy: measurement.testAccuracy, testF1: measurement.testF1,
                                        parameters: model.key == "quantum" ? choices.trainedParameters : nil,
                                        hyperparameters: choices.baselines.first { $0.name == model.key }.map { RepeatChoices.record($0.chosen) })
                                }
                            }, lossCurve: repeatOutcome.lossCurve)
                    })
            })
    }

    /// The training loss per epoch averaged over the repeats (entry e is the mean of every curve
    /// that reaches epoch e + 1), recorded so `quire export --mlflow` can log it with steps;
    /// `nil` without a trained variational model.
    static func meanCurve(_ curves: [[Double]]) -> [Double]? {
        let epochs = curves.map(\.count).max() ?? 0
        guard epochs > 0 else { return nil }
        return (0..<epochs).map { epoch in
            let values = curves.filter { $0.count > epoch }.map { $0[epoch] }
            return values.reduce(0, +) / Double(values.count)
        }
    }
}

extension CanonicalJSON {
    /// The value as a YAML node (nulls dropped from mappings), so a resolved noise profile can be
    /// spliced into a spec and swept into.
    var yamlNode: Node {
        switch self {
        case .null: return Node.scalar(.init("null"))
        case .bool(let value): return Node.scalar(.init(value ? "true" : "false"))
        case .integer(let value): return Node.scalar(.init(String(value)))
        case .unsigned(let value): return Node.scalar(.init(String(value)))
        case .number(let value): return Node.scalar(.init(CanonicalJSON.format(value)))
        case .string(let value): return Node.scalar(.init(value))
        case .array(let items): return Node.sequence(.init(items.map(\.yamlNode)))
        case .object(let members):
            return Node.mapping(
                .init(
                    members.compactMap { key, value in
                        if case .null = value { return nil }
                        return (Node.scalar(.init(key)), value.yamlNode)
                    }))
        }
    }
}
