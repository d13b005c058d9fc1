import OrderedCollections

extension CanonicalJSON: Decodable {
    /// Reads any JSON value: integers stay exact (seeds are full 64-bit), object keys sorted
    /// because a decoder does not promise their order.
    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: OrderedDictionary<String, CanonicalJSON> = [:]
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members[key.stringValue] = try object.decode(CanonicalJSON.self, forKey: key)
            }
            self = .object(members)
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [CanonicalJSON] = []
            while !array.isAtEnd { items.append(try array.decode(CanonicalJSON.self)) }
            self = .array(items)
        } else {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .null
            } else if let bool = try? value.decode(Bool.self) {
                self = .bool(bool)
            } else if let integer = try? value.decode(Int64.self) {
                self = .integer(integer)
            } else if let unsigned = try? value.decode(UInt64.self) {
                self = .unsigned(unsigned)
            } else if let number = try? value.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try value.decode(String.self))
            }
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

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
