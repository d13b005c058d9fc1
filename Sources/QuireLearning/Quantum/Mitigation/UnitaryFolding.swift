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
/// On a device (`native` given), every inverse must be a native gate: G† itself when it is native,
/// and sx† as rz(π)·sx·rz(π), equal to it up to a global phase and carrying sx's calibrated noise
/// (rz is virtual), as Qiskit's transpiler writes it.
public enum UnitaryFolding: String, Hashable, Sendable, CaseIterable {
    /// Fold the whole circuit.
    case global
    /// Fold individual gates.
    case gates

    /// The folded circuit for scale factor `scale`.
    ///
    /// - Throws: `LearningError` for λ < 1; `LearningError.unsupportedStatement` for a measurement, reset or
    ///   condition, or a gate without a standard (or, with `native`, a native) inverse.
    public func fold(_ circuit: Circuit, scale: Double, seed: UInt64 = 0, native: Set<StandardGate>? = nil) throws -> Circuit {
        try Check.real(scale, "scale_factors", of: "zne", lower: 1)
        var gates = [Operation]()
        var inverses = [[Operation]]()
        for operation in circuit.operations {
            guard operation.condition == nil, case .gate(let gate, let qubits, let parameters) = operation.kind else {
                if case .barrier = operation.kind { continue }
                throw LearningError.unsupported(
                    operation, "zero-noise extrapolation folds a circuit of gates only", hint: "remove mid-circuit measure, reset and if")
            }
            guard let inverse = Self.inverse(of: gate, parameters: parameters, native: native) else {
                throw LearningError.unsupported(
                    operation, "gate \(gate.rawValue) has no \(native == nil ? "standard" : "native") inverse to fold with",
                    hint: "write the circuit without \(gate.rawValue), or drop zne from mitigation")
            }
            gates.append(operation)
            inverses.append(
                inverse.map { Operation(.gate($0.gate, qubits: qubits, parameters: $0.parameters), line: operation.line, column: operation.column) })
        }
        let folds = Int(((scale - 1) / 2).rounded(.down))
        let remainder = (scale - 1) - 2 * Double(folds)
        let partial = Int((Double(gates.count) * remainder / 2).rounded(.toNearestOrEven))  // Python round, as Mitiq
        var folded = circuit
        switch self {
        case .global:
            var operations = gates
            for _ in 0..<folds { operations += inverses.reversed().joined() + gates }
            operations += inverses.suffix(partial).reversed().joined() + gates.suffix(partial)
            folded.operations = operations
        case .gates:
            let extra = Set(RandomStream(seed: seed, purpose: "folding").permutation(count: gates.count).prefix(partial))
            folded.operations = gates.indices.flatMap { i -> [Operation] in
                let times = folds + (extra.contains(i) ? 1 : 0)
                return [gates[i]] + Array([inverses[i] + [gates[i]]].repeated(times).joined())
            }
        }
        return folded
    }

    /// G† as gates: its standard inverse, restricted to `native` gates when given (see the type).
    static func inverse(
        of gate: StandardGate, parameters: [Double], native: Set<StandardGate>?
    ) -> [(gate: StandardGate, parameters: [Double])]? {
        guard let inverse = gate.inverse(parameters: parameters) else { return nil }
        guard let native, !native.contains(inverse.gate) else { return [inverse] }
        guard inverse.gate == .sxdg, native.isSuperset(of: [.sx, .rz]) else { return nil }
        return [(.rz, [Double.pi]), (.sx, []), (.rz, [Double.pi])]
    }
}

extension Array {
    /// The array repeated `count` times.
    fileprivate func repeated(_ count: Int) -> [Element] {
        (0..<count).flatMap { _ in self }
    }
}
