import QuireSimulator

/// How classical features become a quantum state: the data-encoding circuit of a model.
///
/// Conventions (each stated so a reader can rebuild the state):
/// - `angle`: feature j → rotation r(scale·x_j) on qubit j (rx, ry or rz), one feature per qubit.
///   More features than qubits is an error; spare qubits stay |0⟩ (PennyLane's `AngleEmbedding`).
/// - `amplitude`: x padded with zeros to 2ⁿ entries and divided by its L2 norm, prepared exactly by
///   the Möttönen et al. (2005) cascade of uniformly controlled ry rotations (real amplitudes, signs
///   included, so no rz is needed); a zero vector is an error.
/// - `basis`: binary features (each exactly 0 or 1) → an x gate on qubit j when x_j = 1.
/// - `iqp`: Havlíček et al. (2019), `reps` times: h on every encoded qubit, rz(2·x_i), then
///   rzz(2·(π−x_i)(π−x_j)) for every pair i < j. This is Qiskit's `ZZFeatureMap(entanglement="full")`
///   up to a global phase (its p(2x) = e^{ix}·rz(2x), and cx·p(2φ)·cx = e^{iφ}·rzz(2φ)).
/// - `reupload`: Pérez-Salinas et al. (2020): the angle encoding is repeated before every trainable
///   layer of the model (`VariationalModel` interleaves them); alone it is one angle block.
/// - `qasm`: an OpenQASM 2 body (see `QASMLowering`) whose angles are affine in the features
///   `x[0]` … `x[d−1]`, on as many qubits as the body indexes (`q[0]` … its highest `q[k]`)
///   unless more are asked for; several features may share a qubit.
public struct Encoding: Hashable, Sendable {
    /// The rotation of an angle or re-uploading encoding.
    public enum Rotation: String, Hashable, Sendable, CaseIterable {
        /// rx(x).
        case x
        /// ry(x).
        case y
        /// rz(x).
        case z

        var gate: StandardGate { self == .x ? .rx : self == .y ? .ry : .rz }
    }

    /// The kinds of encoding.
    public enum Kind: Hashable, Sendable {
        /// One rotation per feature, angle `scale · x_j`.
        case angle(rotation: Rotation, scale: Double)
        /// Normalised, zero-padded amplitudes.
        case amplitude
        /// Binary features as computational basis states.
        case basis
        /// Havlíček's ZZ feature map, repeated `reps` times.
        case iqp(reps: Int)
        /// Angle encoding re-uploaded before every trainable layer.
        case reupload(rotation: Rotation, scale: Double)
        /// A custom circuit written in OpenQASM 2 (the body's text).
        case qasm(String)
    }

    /// The kind and its options.
    public let kind: Kind
    /// Number of features each sample must have.
    public let featureCount: Int
    /// Number of qubits of the circuit.
    public let qubitCount: Int
    /// The encoding circuit: no trainable parameters; its inputs are `inputs(for:)` of a sample.
    public let circuit: ParameterizedCircuit

    /// The most qubits an encoding circuit may have.
    public static let maximumQubits = 24

    /// The fewest qubits `kind` needs for `featureCount` features (⌈log₂ d⌉ for amplitude, the
    /// highest qubit index written in a QASM body + 1 (at least 1), d otherwise): a QASM encoding
    /// may put several features on one qubit.
    public static func minimumQubits(_ kind: Kind, featureCount: Int) -> Int {
        switch kind {
        case .amplitude:
            var n = 1
            while n < Int.bitWidth - 2, 1 << n < featureCount { n += 1 }
            return n
        case .qasm(let body):
            return QASMLowering.qubitsWritten(by: body)
        case .angle, .basis, .iqp, .reupload:
            return featureCount
        }
    }

    /// An encoding of `featureCount` features on `qubitCount` qubits (default: the minimum).
    ///
    /// - Throws: `LearningError.outOfRange` when there are too few qubits or a bad option;
    ///   `SimulationError` for a `qasm` body that cannot be lowered.
    public init(_ kind: Kind, featureCount: Int, qubitCount: Int? = nil) throws {
        try Check.integer(featureCount, "features", of: "encoding", min: 1)
        let needed = Self.minimumQubits(kind, featureCount: featureCount)
        // Too many features is the features' fault: a qubit range [needed, max] would be empty.
        guard needed <= Self.maximumQubits else {
            let most = if case .amplitude = kind { 1 << Self.maximumQubits } else { Self.maximumQubits }
            throw LearningError.outOfRange(
                owner: "encoding", field: "features", value: "\(featureCount)",
                valid: "[1, \(most)] (\(needed) qubits would be needed; encodings take at most \(Self.maximumQubits))")
        }
        let qubits = qubitCount ?? needed
        try Check.integer(qubits, "qubits", of: "encoding", min: needed, max: Self.maximumQubits)
        self.kind = kind
        self.featureCount = featureCount
        self.qubitCount = qubits
        switch kind {
        case .angle(let rotation, let scale), .reupload(let rotation, let scale):
            try Check.real(scale, "scale", of: "encoding", lower: nil)
            circuit = try ParameterizedCircuit(
                qubitCount: qubits, parameterCount: 0, inputCount: featureCount,
                gates: (0..<featureCount).map { ParameterizedGate(rotation.gate, [$0], angle: .input($0, scale: scale)) })
        case .basis:
            circuit = try ParameterizedCircuit(
                qubitCount: qubits, parameterCount: 0, inputCount: featureCount,
                gates: (0..<featureCount).map { ParameterizedGate(.x, [$0], condition: $0) })
        case .iqp(let reps):
            try Check.integer(reps, "reps", of: "encoding", min: 1)
            let pairs = Self.pairs(featureCount)
            var gates = [ParameterizedGate]()
            for _ in 0..<reps {
                gates += (0..<featureCount).map { ParameterizedGate(.h, [$0]) }
                gates += (0..<featureCount).map { ParameterizedGate(.rz, [$0], angle: .input($0, scale: 2)) }
                gates += pairs.enumerated().map { ParameterizedGate(.rzz, [$1.0, $1.1], angle: .input(featureCount + $0, scale: 2)) }
            }
            circuit = try ParameterizedCircuit(qubitCount: qubits, parameterCount: 0, inputCount: featureCount + pairs.count, gates: gates)
        case .qasm(let body):
            circuit = try QASMLowering.lower(body, role: .encoding(features: featureCount), qubits: qubits)
        case .amplitude:
            let gates = AmplitudeCascade.gates(qubits: qubits)
            circuit = try ParameterizedCircuit(
                qubitCount: qubits, parameterCount: 0, inputCount: gates.filter { $0.angle != nil }.count, gates: gates)
        }
    }

    /// Pairs (i, j), i < j, in lexicographic order.
    static func pairs(_ d: Int) -> [(Int, Int)] {
        (0..<d).flatMap { i in ((i + 1)..<d).map { (i, $0) } }
    }

    /// Qubits, depth and gate counts of the encoding circuit (one upload for `reupload`; the model
    /// reports the whole interleaved circuit).
    public var resources: ResourceCount { circuit.resources }

    /// The circuit inputs for one sample's features (the features themselves for angle, basis and qasm,
    /// features and pair products for IQP, cascade angles for amplitude).
    ///
    /// - Throws: `LearningError.unusableData` for a wrong feature count, a non-binary feature under
    ///   `basis`, or an all-zero sample under `amplitude`.
    public func inputs(for features: [Double]) throws -> [Double] {
        guard features.count == featureCount else {
            throw LearningError.unusableData(owner: "encoding", message: "expects \(featureCount) features per sample, got \(features.count)")
        }
        switch kind {
        case .angle, .reupload, .qasm:
            return features
        case .basis:
            if let bad = features.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw LearningError.unusableData(
                    owner: "basis encoding",
                    message:
                        "needs binary features (0 or 1), feature \(bad) is \(features[bad]); use binary data (scaled to [0, 1]) or another encoding")
            }
            return features
        case .iqp:
            return features + Self.pairs(featureCount).map { (Double.pi - features[$0.0]) * (Double.pi - features[$0.1]) }
        case .amplitude:
            let norm = features.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else {
                throw LearningError.unusableData(owner: "amplitude encoding", message: "cannot normalise an all-zero sample")
            }
            var amplitudes = features.map { $0 / norm }
            amplitudes += Array(repeating: 0, count: (1 << qubitCount) - featureCount)
            return AmplitudeCascade.angles(amplitudes: amplitudes)
        }
    }

    /// The inputs of every row of `features` (row-major, `featureCount` per row).
    public func inputs(forRows features: Matrix) throws -> [[Double]] {
        try (0..<features.rows).map { try inputs(for: features.row($0)) }
    }
}
