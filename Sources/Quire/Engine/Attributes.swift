import QuireCore
import QuireMarkdown

/// Checks of a block's info-string attributes against the keys its kind accepts.
enum Attributes {
    /// Throws at the first attribute whose key `block`'s kind does not accept.
    static func check(_ block: RunnableBlock, allowed: [String]) throws {
        for attribute in block.attributes where !allowed.contains(attribute.key) {
            throw LocatedError(
                attribute.location, "unknown attribute '\(attribute.key)' on a \(block.kind.rawValue) block",
                hint: "valid attributes: \(allowed.joined(separator: ", "))")
        }
    }

    /// The attribute `key` as a whole number in `range`, or `defaultValue` when absent; when the
    /// upper end is a limit the command line sets, `limitFlag` names the flag that raises it.
    static func integer(
        _ block: RunnableBlock, _ key: String, in range: ClosedRange<Int>, default defaultValue: Int, limitFlag: String? = nil
    ) throws -> Int {
        guard let attribute = block.attributes.first(where: { $0.key == key }) else { return defaultValue }
        guard let value = Int(attribute.value), range.contains(value) else {
            var hint = "write e.g. \(key)=\(defaultValue)"
            if let limitFlag, let value = Int(attribute.value), value > range.upperBound {
                hint = "use at most \(range.upperBound), or raise the limit with \(limitFlag)"
            }
            throw LocatedError(
                attribute.location, "\(key)=\(attribute.value) is not a whole number from \(range.lowerBound) to \(range.upperBound)", hint: hint)
        }
        return value
    }

    /// The attribute `key` as one of `T`'s cases (its raw value), or nil when absent; `what` names
    /// the kind of value for the error (`a layout method`).
    static func choice<T: RawRepresentable & CaseIterable>(_ block: RunnableBlock, _ key: String, what: String) throws -> T?
    where T.RawValue == String {
        guard let attribute = block.attributes.first(where: { $0.key == key }) else { return nil }
        guard let value = T(rawValue: attribute.value) else {
            throw LocatedError(
                attribute.location, "\(key)=\(attribute.value) is not \(what)",
                hint: "use one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
