import OrderedCollections
import QuireCore
import QuireLearning
import QuireSimulator

/// `{qasm: |…}` — a custom ansatz (`model.ansatz`) or encoding (`encoding`) written as an
/// OpenQASM 2 body (`QASMLowering` says what it may contain). The canonical spec records the body
/// and its SHA-256.
struct QASMBodySpec: Sendable, Hashable {
    /// The body as written (YAML's text of the scalar).
    var text: String
    /// An ansatz layer's trained parameters and the gates whose angle uses one (a parameter may
    /// drive several), counted when `checked` lowers it while the spec is decoded; 0 for an encoding.
    var parameters = 0, trainableGates = 0

    /// The body of `node`'s `qasm` entry, which must be a string.
    static func decode(_ node: SpecNode) throws -> QASMBodySpec {
        QASMBodySpec(text: try node.string())
    }

    var canonical: CanonicalJSON {
        .object(["qasm": .string(text), "sha256": .string(Hashing.sha256Hex(text))])
    }

    /// Lowers the body for `role` on `qubits` qubits, so that bad input fails while the spec is
    /// decoded, located in the document (`node` is the `qasm` scalar); returns the body with its counts.
    func checked(_ node: SpecNode, role: QASMLowering.Role, qubits: Int) throws -> QASMBodySpec {
        do {
            let layer = try QASMLowering.lower(text, role: role, qubits: qubits)
            var body = self
            body.parameters = layer.parameterCount
            body.trainableGates = layer.gates.filter { $0.angle?.parameter != nil }.count
            return body
        } catch {
            let part = role == .ansatz ? "ansatz" : "encoding"
            throw error.located(prefix: "in the QASM \(part): ", fallback: node.location) { node.location(inText: $0, column: $1) }
        }
    }
}

extension ExperimentSpec {
    /// Lowers a custom ansatz and encoding once while decoding, so their errors are located, and
    /// returns the model with its ansatz's counts (`QASMBodySpec.parameters`).
    static func checkQASMBodies(model: ModelSpec?, encoding: EncodingSpec?, features: Int, qubits: Int, map: SpecMapping) throws -> ModelSpec? {
        if let body = encoding?.qasm, let node = try map["encoding"]?.mapping(allowed: EncodingSpec.fields)["qasm"] {
            _ = try body.checked(node, role: .encoding(features: features), qubits: qubits)
        }
        guard var model, model.kind == .variational, let body = model.ansatzQASM,
            let node = try map["model"]?.mapping(allowed: ModelSpec.fields)["ansatz"]?.mapping(allowed: ["qasm"])["qasm"]
        else { return model }
        model.ansatzQASM = try body.checked(node, role: .ansatz, qubits: qubits)
        return model
    }
}
