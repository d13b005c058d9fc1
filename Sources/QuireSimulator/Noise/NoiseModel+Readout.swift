extension NoiseModel {
    /// Applies each qubit's readout error to a probability vector over `qubitCount` qubits, in place.
    ///
    /// Aer's `ReadoutError([[1 − p₁₀, p₁₀], [p₀₁, 1 − p₀₁]])` per qubit, with p₁₀ = `probMeas1Prep0` =
    /// P(read 1 | prepared 0) and p₀₁ = `probMeas0Prep1` = P(read 0 | prepared 1). Errors on different
    /// qubits are independent, so the full confusion matrix is their tensor product and is applied
    /// one qubit at a time: one O(2ⁿ) pass per qubit that has a non-zero readout error.
    /// Index bit q of `probabilities` is global qubit q (qubit 0 least significant), and every qubit
    /// of the vector is treated as read out, as `SimulationResult.probabilities` requires (DESIGN §4.4).
    public func applyReadout(to probabilities: inout [Double], qubitCount: Int) {
        precondition(probabilities.count == 1 << qubitCount, "probabilities must have 2^qubitCount entries")
        for qubit in 0..<qubitCount {
            guard let error = readout(qubit: qubit), error.probMeas1Prep0 != 0 || error.probMeas0Prep1 != 0 else { continue }
            let flipUp = error.probMeas1Prep0
            let flipDown = error.probMeas0Prep1
            let bit = 1 << qubit
            probabilities.withUnsafeMutableBufferPointer { p in
                // Blocks of 2·bit entries: the first half has the qubit at 0, the second half at 1.
                for block in stride(from: 0, to: p.count, by: 2 * bit) {
                    for zero in block..<block + bit {
                        let prepared0 = p[zero]
                        let prepared1 = p[zero + bit]
                        p[zero] = (1 - flipUp) * prepared0 + flipDown * prepared1
                        p[zero + bit] = flipUp * prepared0 + (1 - flipDown) * prepared1
                    }
                }
            }
        }
    }
}
