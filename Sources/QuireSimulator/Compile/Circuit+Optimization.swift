extension Circuit {
    /// The optimisation levels `optimized(level:basis:)` implements: 0 through 2.
    public static let optimizationLevels = 0...2

    /// The circuit after exact peephole optimisation at `level` (in `optimizationLevels`; callers
    /// refuse others), for a circuit already in `basis`'s native gates. Equal to this one up to a
    /// global phase.
    ///
    /// - 0: unchanged.
    /// - 1: each run of unconditioned one-qubit gates on a wire is multiplied out and re-synthesised
    ///   in `basis` (dropped when it is the identity within 1e-12; kept as written when that is no
    ///   longer); two equal two-qubit gates in a row on the same qubits whose product is the
    ///   identity (cx·cx, cz·cz, ecr·ecr) cancel. Both repeat until nothing changes.
    /// - 2: as 1, and a one-qubit run also moves past a two-qubit gate it commutes with (a diagonal
    ///   on a cx control or either side of cz, an X rotation on a cx target), so it merges with the
    ///   run after it.
    ///
    /// The merged run keeps the condition-free location of its first gate. Deterministic.
    public func optimized(level: Int, basis: NativeBasis) -> Circuit {
        precondition(Self.optimizationLevels.contains(level), "optimisation level \(level) is not in \(Self.optimizationLevels)")
        guard level > 0 else { return self }
        var out = self
        while true {
            let before = out.operations.count
            out.operations = PeepholePass(basis: basis, commuting: level >= 2).mergingOneQubitRuns(out.operations, qubitCount: qubitCount)
            out.operations = PeepholePass.cancellingInversePairs(out.operations, qubitCount: qubitCount)
            if out.operations.count >= before { return out }
        }
    }
}
