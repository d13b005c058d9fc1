import QuireCore

/// Why a figure could not be drawn from its data. Figures throw rather than trap because their data
/// comes from experiments: a diverged loss (NaN) must become a readable error in the paper, not a
/// crash. `item` names the offending value as the figure's API does (`series "train" y[3]`,
/// `probabilities["01"]`).
public enum PlotError: InputError, Hashable {
    /// A value is NaN or infinite; `value` is its token (`NaN`, `inf`, `-inf`).
    case nonFinite(figure: String, item: String, value: String)
    /// Two inputs that pair up element by element have different lengths.
    case lengthMismatch(figure: String, field: String, expected: Int, actual: Int)
    /// A value on a logarithmic axis is zero or negative.
    case nonPositiveOnLogScale(figure: String, item: String)
    /// An interval's lower end lies above its upper end.
    case invertedInterval(figure: String, item: String)
    /// A range that must have width (a heat map's extent) has its lower end at or above its upper end.
    case emptyRange(figure: String, item: String)
    /// A count is negative.
    case negativeCount(figure: String, item: String)
    /// A probability lies outside 0…1.
    case probabilityOutOfRange(figure: String, item: String)
    /// A value lies outside the bounds its axis declares (`PlotAxis.bounds`).
    case outOfBounds(figure: String, item: String, bounds: String)
    /// A point names a class that the figure does not list.
    case unknownClass(figure: String, item: String, classIndex: Int, classCount: Int)

    /// The located, actionable description (the caller knows the block's location and adds it).
    public var diagnostic: Diagnostic {
        switch self {
        case let .nonFinite(figure, item, value):
            return Diagnostic(
                location: nil, message: "figure '\(figure)': \(item) is \(value)",
                hint: "a figure needs finite numbers; a NaN or inf usually means the run diverged, "
                    + "so report it in a table rather than plotting it")
        case let .lengthMismatch(figure, field, expected, actual):
            return Diagnostic(
                location: nil, message: "figure '\(figure)': \(field) has \(actual) values, expected \(expected)",
                hint: "give one value per x value (or per category, per grid column)")
        case let .nonPositiveOnLogScale(figure, item):
            return Diagnostic(
                location: nil, message: "figure '\(figure)': \(item) is not positive on a log scale",
                hint: "use a linear scale, or plot a strictly positive quantity")
        case let .invertedInterval(figure, item):
            return Diagnostic(
                location: nil, message: "figure '\(figure)': \(item) has its lower end above its upper end",
                hint: "give intervals as (lower, upper) with lower <= upper")
        case let .emptyRange(figure, item):
            return Diagnostic(
                location: nil, message: "figure '\(figure)': \(item) has its lower end at or above its upper end",
                hint: "give the grid's extent as lower < upper")
        case let .negativeCount(figure, item):
            return Diagnostic(
                location: nil, message: "figure '\(figure)': \(item) is a negative count",
                hint: "counts are numbers of shots or samples and cannot be negative")
        case let .probabilityOutOfRange(figure, item):
            return Diagnostic(
                location: nil, message: "figure '\(figure)': \(item) is not a probability in 0...1",
                hint: "pass probabilities, not counts or percentages")
        case let .outOfBounds(figure, item, bounds):
            return Diagnostic(
                location: nil, message: "figure '\(figure)': \(item) lies outside the axis bounds \(bounds)",
                hint: "cut intervals at the bounds of the quantity (an accuracy lies in 0...1)")
        case let .unknownClass(figure, item, classIndex, classCount):
            return Diagnostic(
                location: nil,
                message: "figure '\(figure)': \(item) has class \(classIndex), but \(classCount) classes are named",
                hint: "class indices count from 0 into the figure's list of class names")
        }
    }
}

/// Validation shared by every figure: each check throws the matching `PlotError`.
struct PlotValidator {
    /// The figure's name, quoted in every error.
    var figure: String

    /// Every value finite.
    func finite(_ values: [Double], _ field: String) throws(PlotError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(
                figure: figure, item: "\(field)[\(index)]",
                value: NumberFormat.nonFiniteToken(values[index]) ?? "")
        }
    }

    /// `values.count == expected`.
    func count<T>(_ values: [T], _ expected: Int, _ field: String) throws(PlotError) {
        if values.count != expected {
            throw .lengthMismatch(figure: figure, field: field, expected: expected, actual: values.count)
        }
    }

    /// Every value strictly positive (for a log axis).
    func positive(_ values: [Double], _ field: String) throws(PlotError) {
        if let index = values.firstIndex(where: { $0 <= 0 }) {
            throw .nonPositiveOnLogScale(figure: figure, item: "\(field)[\(index)]")
        }
    }

    /// Every value inside `bounds`, when the axis has them.
    func within(_ values: [Double], _ bounds: ClosedRange<Double>?, _ field: String) throws(PlotError) {
        guard let bounds, let index = values.firstIndex(where: { !bounds.contains($0) }) else { return }
        throw .outOfBounds(figure: figure, item: "\(field)[\(index)]", bounds: "\(bounds.lowerBound)...\(bounds.upperBound)")
    }

    /// `lower[i] <= upper[i]` for every i (both already finite and equally long).
    func ordered(_ lower: [Double], _ upper: [Double], _ field: String) throws(PlotError) {
        if let index = lower.indices.first(where: { lower[$0] > upper[$0] }) {
            throw .invertedInterval(figure: figure, item: "\(field)[\(index)]")
        }
    }
}
