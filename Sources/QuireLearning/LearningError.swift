import QuireCore
import QuireSimulator

/// Why a dataset, split, scaler or baseline could not be built from the values it was given.
///
/// The cases carry the name of the offending field as the user writes it (`samples`, `noise`,
/// `test_fraction`, …) and the valid range, so the layer that decoded the block can attach the
/// document location and the user sees what to write instead.
public enum LearningError: InputError, Hashable {
    /// A parameter lies outside its valid range, e.g. `noise = -0.1` where `[0, ∞)` is allowed.
    case outOfRange(owner: String, field: String, value: String, valid: String)
    /// A random construction needed more draws than its budget (a rejection sampler whose
    /// acceptance region is almost empty for the chosen parameters).
    case samplingBudgetExceeded(owner: String, accepted: Int, wanted: Int, hint: String)
    /// A class has too few samples for the requested split or number of folds.
    case classTooSmall(owner: String, classIndex: Int, count: Int, needed: Int)
    /// The data given to a model does not fit it (no samples, one class only, wrong width).
    case unusableData(owner: String, message: String)
    /// A circuit statement an operation on circuits cannot take (a mid-circuit measurement before
    /// observables, a gate folding cannot invert), at its 1-based line and column in the QASM
    /// source (0 for a circuit built in code), so that the caller can locate it in the document.
    case unsupportedStatement(line: Int, column: Int, message: String, hint: String)

    /// The `unsupportedStatement` error for `operation`.
    static func unsupported(_ operation: Operation, _ message: String, hint: String) -> LearningError {
        .unsupportedStatement(line: operation.line, column: operation.column, message: message, hint: hint)
    }

    /// The diagnostic; the location is left to the caller that knows the document.
    public var diagnostic: Diagnostic {
        switch self {
        case .outOfRange(let owner, let field, let value, let valid):
            return Diagnostic(
                location: nil, message: "\(owner): `\(field)` = \(value) is outside its valid range \(valid)",
                hint: "choose `\(field)` in \(valid)")
        case .samplingBudgetExceeded(let owner, let accepted, let wanted, let hint):
            return Diagnostic(
                location: nil,
                message: "\(owner): only \(accepted) of \(wanted) samples were accepted within the sampling budget",
                hint: hint)
        case .classTooSmall(let owner, let classIndex, let count, let needed):
            return Diagnostic(
                location: nil,
                message: "\(owner): class \(classIndex) has \(count) samples, at least \(needed) are needed",
                hint: "use more samples, fewer folds or a different test fraction")
        case .unusableData(let owner, let message):
            return Diagnostic(location: nil, message: "\(owner): \(message)")
        case .unsupportedStatement(let line, _, let message, let hint):
            return Diagnostic(location: nil, message: message + " (line \(line))", hint: hint)
        }
    }
}

/// Range checks that throw `LearningError.outOfRange` naming the field and the valid interval.
enum Check {
    /// `value` must lie in `min ... max` (`max` nil: unbounded above).
    static func integer(_ value: Int, _ field: String, of owner: String, min: Int, max: Int? = nil) throws {
        if value < min || max.map({ value > $0 }) == true {
            throw LearningError.outOfRange(
                owner: owner, field: field, value: "\(value)",
                valid: max.map { "[\(min), \($0)]" } ?? "[\(min), ∞)")
        }
    }

    /// `value` must lie between `lower` and `upper` (nil: unbounded) with the stated closedness.
    static func real(
        _ value: Double, _ field: String, of owner: String,
        lower: Double?, lowerClosed: Bool = true,
        upper: Double? = nil, upperClosed: Bool = true
    ) throws {
        let aboveLower = lower.map { lowerClosed ? value >= $0 : value > $0 } ?? true
        let belowUpper = upper.map { upperClosed ? value <= $0 : value < $0 } ?? true
        guard value.isFinite, aboveLower, belowUpper else {
            let left = lower.map { (lowerClosed ? "[" : "(") + "\($0)" } ?? "(-∞"
            let right = upper.map { "\($0)" + (upperClosed ? "]" : ")") } ?? "∞)"
            throw LearningError.outOfRange(owner: owner, field: field, value: "\(value)", valid: "\(left), \(right)")
        }
    }
}
