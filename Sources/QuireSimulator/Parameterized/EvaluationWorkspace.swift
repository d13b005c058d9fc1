import QuireKernels

/// The work buffers one thread reuses for every sample it evaluates with a `CompiledCircuit` or a
/// `CompiledDensityCircuit`: the state, the adjoint state and, on the density-matrix path, the ρ
/// snapshots of adjoint differentiation.
///
/// Allocated once per worker (`makeWorkspace()` of the circuit that uses it); gates then act in
/// place, so nothing is allocated per gate or per sample. One workspace belongs to one thread at a time.
public final class EvaluationWorkspace: @unchecked Sendable {
    let state: AmplitudeBuffer
    let adjoint: AmplitudeBuffer
    /// Snapshot storage, `snapshotCapacity` doubles.
    let snapshots: UnsafeMutablePointer<Double>

    init(qubitCount: Int, snapshotCapacity: Int) {
        state = AmplitudeBuffer(qubitCount: qubitCount)
        adjoint = AmplitudeBuffer(qubitCount: qubitCount)
        snapshots = .allocate(capacity: max(1, snapshotCapacity))
    }

    deinit {
        snapshots.deallocate()
    }
}
