import Numerics
import QuireCore

extension QuantumChannel {
    /// Qiskit Aer's `thermal_relaxation_error(T1, T2, time, excited_state_population=0)` on one qubit.
    ///
    /// The channel, with p_reset = 1 − e^(−t/T1):
    /// ρ₀₀' = ρ₀₀ + p_reset·ρ₁₁, ρ₁₁' = (1 − p_reset)·ρ₁₁, ρ₀₁' = e^(−t/T2)·ρ₀₁.
    /// Aer builds it as a mixture of I, Z and reset when T2 ≤ T1 and from its Choi matrix when
    /// T1 < T2 ≤ 2·T1; the map is the same in both cases, and one Kraus set covers all of them:
    ///
    ///     K₀ = diag(1, e^(−t/T2)),  K₁ = √p_reset·|0⟩⟨1|,  K₂ = diag(0, √(e^(−t/T1) − e^(−2t/T2)))
    ///
    /// (K₀ carries the coherence, K₁ the decay, K₂ the remaining dephasing of |1⟩; Σ K†K = I because
    /// e^(−2t/T2) + p_reset + e^(−t/T1) − e^(−2t/T2) = 1). K₂ is real exactly when T2 ≤ 2·T1 and
    /// vanishes at T2 = 2·T1 (pure amplitude damping); operators that are exactly 0 are left out,
    /// so t = 0 gives the identity alone. Small differences use `expMinusOne` to keep full precision
    /// for t ≪ T1.
    ///
    /// - Parameters:
    ///   - t1: T1, > 0, in the same unit as `time`.
    ///   - t2: T2, 0 < T2 ≤ 2·T1.
    ///   - time: how long the qubit relaxes (the gate's duration), ≥ 0.
    public static func thermalRelaxation(t1: Double, t2: Double, time: Double, on qubit: Int) -> QuantumChannel {
        precondition(t1 > 0 && t2 > 0 && t2 <= 2 * t1 && time >= 0, "thermal relaxation needs T1 > 0, 0 < T2 ≤ 2·T1, time ≥ 0")
        let coherence = Elementary.exp(-time / t2)
        let resetProbability = -Elementary.expm1(-time / t1)
        // e^(−t/T1) − e^(−2t/T2) = e^(−t/T1)·(1 − e^(−t·(2/T2 − 1/T1))); the exponent is ≥ 0 when T2 ≤ 2·T1.
        let dephasing = max(0, Elementary.exp(-time / t1) * -Elementary.expm1(-time * (2 / t2 - 1 / t1)))
        var kraus = [ComplexMatrix(rows: [[.one, .zero], [.zero, Complex(coherence)]])]
        if resetProbability > 0 {
            kraus.append(ComplexMatrix(rows: [[.zero, Complex(resetProbability.squareRoot())], [.zero, .zero]]))
        }
        if dephasing > 0 {
            kraus.append(ComplexMatrix(rows: [[.zero, .zero], [.zero, Complex(dephasing.squareRoot())]]))
        }
        return QuantumChannel(qubits: [qubit], krausOperators: kraus)
    }
}
