internal import CQuireKernels

/// Runs of fused gates applied cache block by cache block.
///
/// A pass of one fused gate over a state larger than the caches streams it from memory and back;
/// a run of gates whose qubits all lie in a set S can instead be applied to each block of 2^|S|
/// amplitudes (the other qubits fixed) in turn, so the block stays in cache for the whole run and
/// the state streams once per run. Each amplitude sees the same operations in the same order as
/// gate after gate with `applyFused`, so the result is that one's to the last bit.
extension AmplitudeBuffer {
    /// Applies `gates` in order, as `applyFused(qubits:matrix:)` one after another would, block by
    /// block: the blocks are the sets of amplitudes with fixed values of the `outside` qubits, which
    /// no gate may act on. The lowest three qubits should be inside, or a block has no consecutive
    /// amplitudes to load as vectors (the result is the same, only slower).
    public func applyFused(
        _ gates: [(qubits: [Int], matrix: [Double])], outside: [Int], threads: Int = 1, path: SIMDPath = .preferred
    ) {
        let targets = Set(gates.flatMap(\.qubits))
        precondition(
            gates.allSatisfy { gate in
                let k = gate.qubits.count
                return k >= 1 && k <= Self.maximumFusedQubits && gate.matrix.count == 2 << (2 * k)
                    && Set(gate.qubits).count == k
            } && Set(outside).count == outside.count && outside.allSatisfy { $0 >= 0 && $0 < qubitCount }
                && targets.isDisjoint(with: outside) && targets.allSatisfy { $0 >= 0 && $0 < qubitCount }
                && SIMDPath.isAvailable(path),
            "applyFused(_:outside:): bad qubits, matrix size or path")
        let width = Self.maximumFusedQubits
        let ks = gates.map { Int32($0.qubits.count) }
        let qubits = gates.flatMap { $0.qubits.map(Int64.init) + repeatElement(0, count: width - $0.qubits.count) }
        let matrices = gates.flatMap(\.matrix)
        let starts = gates.map(\.matrix.count).reduce(into: [0]) { $0.append($0.last! + $1) }
        let outside = outside.sorted().map(Int64.init)
        let re = self.re, im = self.im, n = Int32(qubitCount), simd = path.kernelPath
        matrices.withUnsafeBufferPointer { matrices in
            let pointers = starts.dropLast().map { Optional(matrices.baseAddress! + $0) }
            Parallel.forEachRange(count: 1 << outside.count, threads: threads, minimumWork: 2) { range in
                quire_apply_fused_gates_blocked(
                    re, im, n, Int32(gates.count), ks, qubits, pointers, Int32(outside.count), outside,
                    Int64(range.lowerBound), Int64(range.upperBound), simd)
            }
        }
    }
}
