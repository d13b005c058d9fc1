import QuireCore

/// The parameters of one synthetic dataset generator: what every generator declares once, so that
/// the spec decoder, the provenance record and the dataset block treat all of them alike.
///
/// A conforming struct names its generator, lists its fields in documented order (the keys a
/// document writes and the canonical order of the provenance record), knows its shape before
/// generating, validates its ranges and draws its data from a stream.
public protocol DatasetParameters: Hashable, Sendable {
    /// The generator name a document writes (`moons`, `two-curves`).
    static var name: String { get }
    /// Every field as a document writes it, in documented (and canonical) order.
    static var fields: [DatasetField<Self>] { get }
    /// What the classes are, in class order, where a class has a natural name; nil where a class
    /// is only an index.
    static var classNames: [String]? { get }
    /// The parameters with every field at its default.
    static var defaults: Self { get }
    /// The number of samples, features and classes these parameters generate, known before generating.
    var shape: (samples: Int, features: Int, classes: Int) { get }
    /// Throws `LearningError.outOfRange` naming the first field outside its valid range.
    func validate() throws
    /// The dataset drawn from `stream` (validated first).
    func generate(_ stream: RandomStream) throws -> Dataset
}

/// The value of one dataset parameter: a whole number (`samples`) or a real (`noise`).
public enum DatasetParameterValue: Hashable, Sendable {
    /// An integer-valued field.
    case integer(Int)
    /// A real-valued field.
    case real(Double)
}

/// One field of a generator's parameters: the key a document writes and the stored property it sets.
public struct DatasetField<Parameters> {
    /// The key as a document writes it (`cluster_std`).
    public let key: String
    private let property: Property

    private enum Property {
        case integer(WritableKeyPath<Parameters, Int>)
        case real(WritableKeyPath<Parameters, Double>)
    }

    /// An integer-valued field stored at `property`.
    public static func integer(_ key: String, _ property: WritableKeyPath<Parameters, Int>) -> Self {
        Self(key: key, property: .integer(property))
    }

    /// A real-valued field stored at `property`.
    public static func real(_ key: String, _ property: WritableKeyPath<Parameters, Double>) -> Self {
        Self(key: key, property: .real(property))
    }

    /// This field's value in `parameters`.
    func value(in parameters: Parameters) -> DatasetParameterValue {
        switch property {
        case .integer(let path): .integer(parameters[keyPath: path])
        case .real(let path): .real(parameters[keyPath: path])
        }
    }

    /// Sets this field of `parameters` from `integer` or `real` (by the field's kind); nil keeps it.
    func read(
        into parameters: inout Parameters, integer: (String) throws -> Int?, real: (String) throws -> Double?
    ) rethrows {
        switch property {
        case .integer(let path): if let value = try integer(key) { parameters[keyPath: path] = value }
        case .real(let path): if let value = try real(key) { parameters[keyPath: path] = value }
        }
    }
}

extension DatasetParameters {
    /// The keys of every field, in documented order.
    public static var keys: [String] { fields.map(\.key) }

    /// The defaults with every field that `integer` or `real` (asked by key, by the field's kind, in
    /// documented order) returns a value for; the first error thrown stops decoding.
    public init(integer: (String) throws -> Int?, real: (String) throws -> Double?) rethrows {
        self = Self.defaults
        for field in Self.fields { try field.read(into: &self, integer: integer, real: real) }
    }

    /// Every field with its value, in documented order: the canonical form for provenance.
    public var values: [(key: String, value: DatasetParameterValue)] {
        Self.fields.map { ($0.key, $0.value(in: self)) }
    }
}
