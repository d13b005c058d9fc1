import QuireCore
import QuireSimulator

/// Noise scaling by unitary folding for zero-noise extrapolation (Giurgica-Tiron et al. 2020, as
/// Mitiq implements it), on circuits of gates only (measurement of all qubits is implicit).
///
/// - `global`: U → U (U†U)ᵏ L†L, with k = ⌊(λ − 1)/2⌋ and L the last round(n·f/2) gates (round half to even, as Python), f the
///   remainder (λ − 1) − 2k (Mitiq's `fold_global`); the gate count is about λ·n.
/// - `gates`: every gate G → G (G†G)ᵏ, then one more G†G on round(n·f/2) gates chosen without
///   replacement by `RandomStream(seed, purpose: "folding")` (Mitiq's `fold_gates_at_random`
///   with our generator); for odd integer λ nothing is random (Mitiq's `fold_all`).
/// Scale factors must be ≥ 1. Noise attaches to folded gates like any other, which is what scales it.
public enum UnitaryFolding: String, Hashable, Sendable, CaseIterable {
    /// Fold the whole circuit.
    case global
    /// Fold individual gates.
    case gates

    /// The folded circuit for scale factor `scale`.
    ///
    /// - Throws: `LearningError` for λ < 1, a circuit with measurements, resets or conditions, or a
    ///   gate without a standard inverse (csx, rc3x, c3sqrtx).
    public func fold(_ circuit: Circuit, scale: Double, seed: UInt64 = 0) throws -> Circuit {
        try Check.real(scale, "scale_factors", of: "zne", lower: 1)
        var gates = [Operation]()
        var inverses = [Operation]()
        for operation in circuit.operations {
            guard operation.condition == nil, case .gate(let gate, let qubits, let parameters) = operation.kind else {
                if case .barrier = operation.kind { continue }
                throw LearningError.unusableData(
                    owner: "zne", message: "folding needs a circuit of gates only (line \(operation.line)); remove measure, reset and if")
            }
            guard let inverse = gate.inverse(parameters: parameters) else {
                throw LearningError.unusableData(
                    owner: "zne", message: "gate \(gate.rawValue) (line \(operation.line)) has no standard inverse to fold with")
            }
            gates.append(operation)
            inverses.append(
                Operation(.gate(inverse.gate, qubits: qubits, parameters: inverse.parameters), line: operation.line, column: operation.column))
        }
        let folds = Int(((scale - 1) / 2).rounded(.down))
        let remainder = (scale - 1) - 2 * Double(folds)
        let partial = Int((Double(gates.count) * remainder / 2).rounded(.toNearestOrEven))  // Python round, as Mitiq
        var folded = circuit
        switch self {
        case .global:
            var operations = gates
            for _ in 0..<folds { operations += inverses.reversed() + gates }
            operations += inverses.suffix(partial).reversed() + gates.suffix(partial)
            folded.operations = operations
        case .gates:
            let extra = Set(RandomStream(seed: seed, purpose: "folding").permutation(count: gates.count).prefix(partial))
            folded.operations = gates.indices.flatMap { i -> [Operation] in
                let times = folds + (extra.contains(i) ? 1 : 0)
                return [gates[i]] + Array([[inverses[i], gates[i]]].repeated(times).joined())
            }
        }
        return folded
    }
}

extension Array {
    /// The array repeated `count` times.
    fileprivate func repeated(_ count: Int) -> [Element] {
        (0..<count).flatMap { _ in self }
    }
}
