import QuireSimulator

/// Readout-error mitigation by inverting each qubit's confusion matrix (the tensor-product,
/// "local" model of Qiskit's `LocalReadoutMitigator` and Mitiq's REM).
///
/// Qubit q's confusion A_q = [[1 − p₁₀, p₀₁], [p₁₀, 1 − p₀₁]] (columns: prepared 0, 1) maps true
/// to measured probabilities; the mitigated vector is (⊗ A_q⁻¹)·p, applied one qubit at a time.
/// The result is a quasi-probability vector: it sums to 1 but may have small negative entries,
/// which are kept (clipping would bias expectation values).
public enum ReadoutMitigation {
    /// The mitigated quasi-probabilities of `probabilities` (2ⁿ entries, qubit 0 least significant)
    /// under the readout errors of `noise` (per-qubit overrides included).
    ///
    /// - Throws: `LearningError` when a confusion matrix is singular (p₁₀ + p₀₁ = 1).
    public static func mitigate(_ probabilities: [Double], noise: NoiseProfile) throws -> [Double] {
        try mitigate(probabilities, noise: NoiseModel(profile: noise))
    }

    /// The mitigated quasi-probabilities of `probabilities` over the qubits `qubits` of a noise model
    /// (entry bit k = qubit `qubits[k]`): each qubit's own readout error, for a device each physical
    /// qubit's calibration. A device's circuit read through a layout passes the physical qubits here.
    ///
    /// - Throws: `LearningError` when a confusion matrix is singular (p₁₀ + p₀₁ = 1).
    public static func mitigate(_ probabilities: [Double], noise: NoiseModel, qubits: [Int]) throws -> [Double] {
        try mitigate(probabilities, noise: NoiseModel(profile: readoutProfile(noise, qubits: qubits)))
    }

    /// The readout errors of `qubits` of `model` renumbered so that qubit `qubits[k]` is qubit k: the
    /// profile of a distribution over those qubits alone (for `NoiseModel.applyReadout` too).
    public static func readoutProfile(_ model: NoiseModel, qubits: [Int]) -> NoiseProfile {
        var overrides: [Int: NoiseProfile.QubitOverride] = [:]
        for (bit, qubit) in qubits.enumerated() {
            if let readout = model.readout(qubit: qubit) { overrides[bit] = NoiseProfile.QubitOverride(readout: readout) }
        }
        return NoiseProfile(qubits: overrides)
    }

    /// `mitigate(_:noise:)` with the readout errors of `model`.
    private static func mitigate(_ probabilities: [Double], noise model: NoiseModel) throws -> [Double] {
        let qubits = probabilities.count.trailingZeroBitCount
        var p = probabilities
        for qubit in 0..<qubits {
            guard let error = model.readout(qubit: qubit) else { continue }
            let (up, down) = (error.probMeas1Prep0, error.probMeas0Prep1)
            let determinant = 1 - up - down
            guard abs(determinant) > 1e-12 else {
                throw LearningError.unusableData(
                    owner: "readout mitigation", message: "qubit \(qubit)'s confusion matrix is singular (p10 + p01 = 1)")
            }
            let bit = 1 << qubit
            for zero in 0..<p.count where zero & bit == 0 {
                let m0 = p[zero]
                let m1 = p[zero | bit]
                p[zero] = ((1 - down) * m0 - down * m1) / determinant
                p[zero | bit] = (-up * m0 + (1 - up) * m1) / determinant
            }
        }
        return p
    }
}
