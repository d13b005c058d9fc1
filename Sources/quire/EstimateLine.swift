import Foundation
import Quire

/// The line printed to stderr before an experiment block computes: its estimated work and a time
/// estimate from timing its calibration (a few evaluations of the model as training runs them).
/// Timings go to stderr only, never into a document.
enum EstimateLine {
    /// `estimate: 1234 circuit evaluations (limit 100000000), 40 training steps; about 12.3 s on one thread (calibrated)`.
    static func text(_ estimate: WorkEstimate, clock: () -> ContinuousClock.Instant = { ContinuousClock.now }) -> String {
        var parts = ["\(count(estimate.circuitEvaluations)) circuit evaluations (limit \(estimate.circuitEvaluationLimit))"]
        if estimate.kernelEntries > 0 { parts.append("\(count(estimate.kernelEntries)) kernel entries") }
        if estimate.trainingSteps > 0 { parts.append("\(estimate.trainingSteps) training steps") }
        var text = "estimate: " + parts.joined(separator: ", ")
        if estimate.isCalibrated, let seconds = try? time(estimate, clock: clock) {
            text += String(format: "; about %.3g s on one thread (calibrated)", seconds)
        }
        return text
    }

    /// One-thread seconds of the estimate's work: one value evaluation to warm up, then the mean of
    /// three value evaluations and one gradient evaluation, timed.
    private static func time(_ estimate: WorkEstimate, clock: () -> ContinuousClock.Instant) throws -> Double {
        try estimate.evaluateValue()
        var start = clock()
        for _ in 0..<3 { try estimate.evaluateValue() }
        let value = seconds(clock() - start) / 3
        start = clock()
        if estimate.gradientSamples > 0 { try estimate.evaluateGradient() }
        let gradient = seconds(clock() - start)
        return estimate.seconds(gradient: gradient, value: value)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    private static func count(_ value: Double) -> String {
        value < 1e15 ? String(Int64(value.rounded(.up))) : String(format: "%.3g", value)
    }
}
