import QuireKernels

/// The work buffers one thread reuses for every sample it evaluates with a `CompiledCircuit` or a
/// `CompiledDensityCircuit`: the state, the adjoint state, the angle table of the θ last used and, on
/// the density-matrix path, the ρ snapshots of adjoint differentiation.
///
/// Allocated once per worker (`makeWorkspace()` of the circuit that uses it); gates then act in
/// place, so nothing is allocated per gate or per sample. One workspace belongs to one thread at a time.
public final class EvaluationWorkspace: @unchecked Sendable {
    let state: AmplitudeBuffer
    let adjoint: AmplitudeBuffer
    /// Snapshot storage, `snapshotCapacity` doubles.
    let snapshots: UnsafeMutablePointer<Double>
    /// Doubles in `snapshots` (at least one).
    private let snapshotCount: Int
    /// The gauge that counted the snapshot storage (tests).
    private let gauge: AllocationGauge?
    /// cos and sin per gate of `tableOwner`'s circuit for θ = `tableParameters` (CompiledCircuit+Trigonometry).
    var trigonometry: [SIMD2<Double>] = []
    /// The θ that `trigonometry` was computed for.
    var tableParameters: [Double] = []
    /// The circuit whose table `trigonometry` is, if any.
    var tableOwner: CompiledCircuit.TableOwner?

    init(qubitCount: Int, snapshotCapacity: Int) {
        state = AmplitudeBuffer(qubitCount: qubitCount)
        adjoint = AmplitudeBuffer(qubitCount: qubitCount)
        snapshotCount = max(1, snapshotCapacity)
        snapshots = .allocate(capacity: snapshotCount)
        gauge = AllocationGauge.allocated(8 * snapshotCount)
    }

    deinit {
        snapshots.deallocate()
        gauge?.released(8 * snapshotCount)
    }
}
