import QuireLearning

/// An experiment block's estimated work, told before it runs (`BlockProgress.Event.estimate`) so a
/// user sees what a run will cost: counted from the spec alone, with a calibration the listener may
/// time for a duration estimate. Nothing here enters the document.
public struct WorkEstimate: Sendable, Hashable {
    /// Circuit evaluations of the quantum model over every point and repeat, the figure
    /// `--max-circuit-evaluations` caps (`ExperimentSpec.estimatedCircuitEvaluations`).
    public var circuitEvaluations: Double
    /// The cap it was checked against.
    public var circuitEvaluationLimit: Int
    /// Quantum-kernel entries (training Gram upper triangle and test × training), over every point and repeat.
    public var kernelEntries: Double
    /// Optimizer steps of variational training, over every point and repeat.
    public var trainingSteps: Int
    /// Samples whose value and gradient training evaluates (one per sample and step, per output).
    public var gradientSamples: Double
    /// Samples whose value alone is evaluated (loss curve, predictions, SPSA's losses), per output.
    public var valueSamples: Double
    /// Evaluations of the first point's model to time, when it is variational.
    var calibration: TrainingCalibration?

    /// Whether there is a model to time (`evaluateValue`, `evaluateGradient`).
    public var isCalibrated: Bool { calibration != nil }

    /// One evaluation of the model's value as the run does it (results discarded); nothing without a calibration.
    public func evaluateValue() throws { try calibration?.evaluateValue() }

    /// One evaluation of the model's value and gradient as a training step does it; nothing without a calibration.
    public func evaluateGradient() throws { try calibration?.evaluateGradient() }

    /// Seconds the work takes on one thread, given the seconds of one gradient and one value evaluation.
    public func seconds(gradient: Double, value: Double) -> Double {
        gradientSamples * gradient + valueSamples * value
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        (lhs.circuitEvaluations, lhs.circuitEvaluationLimit, lhs.kernelEntries, lhs.trainingSteps, lhs.gradientSamples, lhs.valueSamples)
            == (rhs.circuitEvaluations, rhs.circuitEvaluationLimit, rhs.kernelEntries, rhs.trainingSteps, rhs.gradientSamples, rhs.valueSamples)
            && lhs.calibration.map(ObjectIdentifier.init) == rhs.calibration.map(ObjectIdentifier.init)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(circuitEvaluations)
        hasher.combine(trainingSteps)
    }
}
