import QuireSimulator

/// The trainable layers of a variational classifier.
///
/// - `hardwareEfficient`: per layer, ry(θ) then rz(θ) on every qubit, then cx(q, q+1) for
///   q = 0 … n−2 (`line`), plus cx(n−1, 0) when n > 2 (`ring`). 2n parameters per layer, qubit-major
///   (ry of qubit q is parameter 2q, its rz 2q+1).
/// - `stronglyEntangling`: PennyLane's `StronglyEntanglingLayers` (Schuld et al. 2020): per layer l,
///   Rot(φ, θ, ω) = rz(φ) then ry(θ) then rz(ω) on every qubit i (parameters 3i, 3i+1, 3i+2 of the
///   layer, the (l, i, k) order of PennyLane's weight tensor), then cx(i, (i + r) mod n) for
///   i = 0 … n−1 with range r = (l mod (n−1)) + 1; no CNOTs on one qubit.
/// - `qasm`: an OpenQASM 2 body (see `QASMLowering`) whose `theta[0]` … `theta[k−1]` are one layer's
///   parameters; every layer repeats the body with fresh parameters (layer l trains θ[l·k] … θ[l·k + k − 1]).
public enum Ansatz: Hashable, Sendable {
    /// How a hardware-efficient layer entangles.
    public enum Entanglement: String, Hashable, Sendable, CaseIterable {
        /// cx(q, q+1) for q = 0 … n−2.
        case line
        /// The line plus cx(n−1, 0).
        case ring
    }

    /// ry + rz per qubit, then a cx line or ring.
    case hardwareEfficient(entanglement: Entanglement)
    /// PennyLane's strongly entangling layers.
    case stronglyEntangling
    /// A custom layer written in OpenQASM 2 (the body's text).
    case qasm(String)

    /// The fewest qubits a layer can act on: those a QASM body writes (`QASMLowering.qubitsWritten`);
    /// one for the built-in layers.
    public var minimumQubits: Int {
        guard case .qasm(let body) = self else { return 1 }
        return QASMLowering.qubitsWritten(by: body)
    }

    /// Trainable parameters of one built-in layer on `n` qubits, each set by one gate; nil for a
    /// QASM body, whose count is that of its lowered layer (`layer(_:qubits:)`), which may use a
    /// parameter in several gates.
    public func parametersPerLayer(qubits n: Int) -> Int? {
        switch self {
        case .hardwareEfficient: 2 * n
        case .stronglyEntangling: 3 * n
        case .qasm: nil
        }
    }

    /// Layer `layer` (counted from 0) on `n` qubits, its parameters numbered from 0.
    ///
    /// - Throws: `SimulationError` located in the body of a `qasm` ansatz that cannot be lowered.
    public func layer(_ layer: Int, qubits n: Int) throws -> ParameterizedCircuit {
        var gates = [ParameterizedGate]()
        let perLayer: Int
        switch self {
        case .qasm(let body):
            return try QASMLowering.lower(body, role: .ansatz, qubits: n)
        case .hardwareEfficient(let entanglement):
            perLayer = 2 * n
            for q in 0..<n {
                gates.append(ParameterizedGate(.ry, [q], angle: .parameter(2 * q)))
                gates.append(ParameterizedGate(.rz, [q], angle: .parameter(2 * q + 1)))
            }
            for q in 0..<max(n - 1, 0) { gates.append(ParameterizedGate(.cx, [q, q + 1])) }
            if entanglement == .ring, n > 2 { gates.append(ParameterizedGate(.cx, [n - 1, 0])) }
        case .stronglyEntangling:
            perLayer = 3 * n
            for q in 0..<n {
                gates.append(ParameterizedGate(.rz, [q], angle: .parameter(3 * q)))
                gates.append(ParameterizedGate(.ry, [q], angle: .parameter(3 * q + 1)))
                gates.append(ParameterizedGate(.rz, [q], angle: .parameter(3 * q + 2)))
            }
            if n > 1 {
                let range = layer % (n - 1) + 1
                for q in 0..<n { gates.append(ParameterizedGate(.cx, [q, (q + range) % n])) }
            }
        }
        return try ParameterizedCircuit(qubitCount: n, parameterCount: perLayer, inputCount: 0, gates: gates)
    }
}
