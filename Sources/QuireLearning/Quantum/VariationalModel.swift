import QuireSimulator

/// A variational quantum classifier's circuit and readout: encoding, ansatz layers, observable,
/// and a trainable bias.
///
/// Output f(x) = ⟨O⟩_θ(x) + b. Binary labels: class 0 ↔ y = −1, class 1 ↔ y = +1; the predicted
/// class is 1 when f(x) ≥ 0. The parameter vector is the circuit's θ followed by the bias b
/// (`parameterCount = circuit.parameterCount + 1`). With `reupload` the encoding block is applied
/// before every layer; otherwise once, before all layers.
public struct VariationalModel: Hashable, Sendable {
    /// The data encoding (its qubit count is the model's).
    public let encoding: Encoding
    /// The trainable layers.
    public let ansatz: Ansatz
    /// Number of ansatz layers.
    public let layers: Int
    /// The measured observable.
    public let observable: ReadoutObservable
    /// The whole circuit: inputs are the encoding's, parameters θ the ansatz's.
    public let circuit: ParameterizedCircuit

    /// Builds the model circuit.
    ///
    /// - Throws: `LearningError.outOfRange` for fewer than one layer or an observable qubit
    ///   outside the register; `SimulationError` for a `qasm` ansatz that cannot be lowered.
    public init(encoding: Encoding, ansatz: Ansatz, layers: Int, observable: ReadoutObservable) throws {
        try Check.integer(layers, "layers", of: "model", min: 1)
        let n = encoding.qubitCount
        if case .z(let q) = observable { try Check.integer(q, "observable qubit", of: "model", min: 0, max: n - 1) }
        var circuit = try ParameterizedCircuit(qubitCount: n, parameterCount: 0, inputCount: encoding.circuit.inputCount, gates: [])
        let reupload = if case .reupload = encoding.kind { true } else { false }
        for layer in 0..<layers {
            if layer == 0 || reupload { circuit = try circuit.appending(encoding.circuit) }
            let block = try ansatz.layer(layer, qubits: n)
            circuit = try circuit.appending(
                ParameterizedCircuit(qubitCount: n, parameterCount: block.parameterCount, inputCount: circuit.inputCount, gates: block.gates))
        }
        self.encoding = encoding
        self.ansatz = ansatz
        self.layers = layers
        self.observable = observable
        self.circuit = circuit
    }

    /// Number of qubits.
    public var qubitCount: Int { circuit.qubitCount }

    /// Trainable parameters: θ and the bias.
    public var parameterCount: Int { circuit.parameterCount + 1 }

    /// Qubits, depth and gate counts of the whole circuit; `parameters` includes the bias.
    public var resources: ResourceCount {
        var count = circuit.resources
        count.parameters = parameterCount
        return count
    }

    /// The plain circuit for θ (the first `circuit.parameterCount` entries of `parameters`; a
    /// trailing bias is ignored) and one sample's raw features, for any engine or for export.
    ///
    /// - Throws: `LearningError` when the encoding cannot take `features`.
    public func boundCircuit(parameters: [Double], features: [Double]) throws -> Circuit {
        circuit.bind(parameters: Array(parameters.prefix(circuit.parameterCount)), inputs: try encoding.inputs(for: features))
    }

    /// The same circuit read through `observable` instead (a class's output in a multi-class model).
    ///
    /// - Throws: `LearningError.outOfRange` for an observable qubit outside the register.
    public func reading(_ observable: ReadoutObservable) throws -> VariationalModel {
        try VariationalModel(encoding: encoding, ansatz: ansatz, layers: layers, observable: observable)
    }

    /// The Z mask of the observable.
    var zMask: Int { observable.zMask(qubits: qubitCount) }
}
