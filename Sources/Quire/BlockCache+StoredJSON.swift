import OrderedCollections

extension BlockCache {
    /// A `CanonicalJSON` value as a cache entry stores it, so that it reads back exactly and a
    /// cached record renders the same bytes as a fresh one: objects as lists of key–value pairs
    /// (a JSON decoder does not keep key order), doubles as their shortest round-trip text (parsed
    /// back by Swift's correctly rounded `Double(String)`, not Foundation's number parser).
    struct StoredJSON: Codable, Hashable {
        /// The value.
        var value: CanonicalJSON

        private enum Key: String, CodingKey {
            case object, array, number
        }

        private struct Member: Codable, Hashable {
            var key: String
            var value: StoredJSON
        }

        init(_ value: CanonicalJSON) {
            self.value = value
        }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .object(let members):
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(members.map { Member(key: $0.key, value: StoredJSON($0.value)) }, forKey: .object)
            case .array(let items):
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(items.map(StoredJSON.init), forKey: .array)
            case .number(let number):
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(number.description, forKey: .number)
            default:
                try value.encode(to: encoder)
            }
        }

        init(from decoder: any Decoder) throws {
            if let container = try? decoder.container(keyedBy: Key.self) {
                if let members = try container.decodeIfPresent([Member].self, forKey: .object) {
                    value = .object(OrderedDictionary(members.map { ($0.key, $0.value.value) }, uniquingKeysWith: { first, _ in first }))
                    return
                }
                if let items = try container.decodeIfPresent([StoredJSON].self, forKey: .array) {
                    value = .array(items.map(\.value))
                    return
                }
                let text = try container.decode(String.self, forKey: .number)
                guard let number = Double(text) else {
                    throw DecodingError.dataCorruptedError(forKey: .number, in: container, debugDescription: "not a number: \(text)")
                }
                value = .number(number)
                return
            }
            value = try CanonicalJSON(from: decoder)
        }
    }
}
