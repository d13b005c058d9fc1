extension CanonicalJSON {
    /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
    subscript(key: String) -> CanonicalJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The numbers of an array (entries that are not numbers left out); `nil` for anything else.
    var doubles: [Double]? {
        guard case .array(let items) = self else { return nil }
        return items.compactMap(\.double)
    }

    /// The value as a double when it is a number (a whole number reads back as an integer), or
    /// one of the strings a non-finite number is written as (`"NaN"`, `"Infinity"`, `"-Infinity"`).
    var double: Double? {
        switch self {
        case .number(let value): return value
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .integer(let value): return Double(value)
        case .unsigned(let value): return Double(value)
        default: return nil
        }
    }

    /// The value as an unsigned integer (a seed) when it is a non-negative whole number.
    var unsignedValue: UInt64? {
        switch self {
        case .integer(let value): return UInt64(exactly: value)
        case .unsigned(let value): return value
        default: return nil
        }
    }

    /// Every scalar with its dotted path (`depolarizing.one_qubit`, `grid.0`), for key-level diffs.
    public func leaves(prefix: String = "") -> [(path: String, value: String)] {
        func join(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }
        switch self {
        case .object(let members): return members.flatMap { $0.value.leaves(prefix: join($0.key)) }
        case .array(let items): return items.enumerated().flatMap { $0.element.leaves(prefix: join(String($0.offset))) }
        default: return [(prefix, compact())]
        }
    }
}
