import QuireKernels

/// The projection shared by every engine that follows one outcome of a measurement or reset.
extension AmplitudeBuffer {
    /// Keeps the amplitudes of `qubit` = `outcome`, divided by √`weight` (that outcome's unnormalised
    /// weight, `outcomeWeights(qubit:)`), so the result has norm 1 whatever the norm before; with
    /// `reset`, an outcome 1 is also flipped to |0⟩.
    ///
    /// Dividing by the outcome's own weight, not by a probability derived from an assumed norm of 1,
    /// is what keeps repeated projections exact: the rounding of one step is not amplified by the next.
    func project(qubit: Int, outcome: Int, weight: Double, reset: Bool, threads: Int) {
        let scale = 1 / weight.squareRoot()
        if reset && outcome == 1 {
            applyOneQubit(target: qubit, matrix: [0, 0, scale, 0, 0, 0, 0, 0], threads: threads)
        } else {
            applyDiagonalOneQubit(
                target: qubit, d0: (outcome == 0 ? scale : 0, 0), d1: (outcome == 1 ? scale : 0, 0), threads: threads)
        }
    }
}
