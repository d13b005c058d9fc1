internal import CQuireKernels

/// Runs of fused gates applied cache block by cache block.
///
/// A pass of one fused gate over a state larger than the caches streams it from memory and back;
/// a run of gates whose qubits all lie in a set S can instead be applied to each block of 2^|S|
/// amplitudes (the other qubits fixed) in turn, so the block stays in cache for the whole run and
/// the state streams once per run. Each amplitude sees the same operations in the same order as
/// gate after gate with `applyFused(_:threads:path:)`, so the result is that one's to the last bit.
extension AmplitudeBuffer {
    /// Applies `gates` in order, as `applyFused(_:threads:path:)` one after another would, block by
    /// block: the blocks are the sets of amplitudes with fixed values of the `outside` qubits, which
    /// no gate may act on. The lowest three qubits should be inside, or a block has no consecutive
    /// amplitudes to load as vectors (the result is the same, only slower). Blocks with a 1 on any
    /// of the `zero` qubits (outside too) are skipped: the caller knows their amplitudes are zero,
    /// and the gates would make them +0, so skipping them can change at most the sign of a zero
    /// (every product of a matrix entry and ±0 is ±0, and a chain of fused multiply-adds from +0
    /// adding ±0 stays +0), which no probability, expectation or later nonzero amplitude sees.
    public func applyFused(
        _ gates: [FusedGate], outside: [Int], zero: [Int] = [], threads: Int = 1, path: SIMDPath = .preferred
    ) {
        let targets = Set(gates.flatMap(\.qubits)), fixed = outside + zero
        precondition(
            gates.allSatisfy(\.isWellFormed) && Set(fixed).count == fixed.count
                && fixed.allSatisfy { $0 >= 0 && $0 < qubitCount } && targets.isDisjoint(with: fixed)
                && targets.allSatisfy { $0 >= 0 && $0 < qubitCount } && SIMDPath.isAvailable(path),
            "applyFused(_:outside:): bad qubits, matrix size or path")
        let matrices = gates.flatMap(\.matrix), slots = gates.flatMap(\.slots)
        let matrixStarts = gates.map(\.matrix.count).reduce(into: [0]) { $0.append($0.last! + $1) }
        let slotStarts = gates.map(\.slots.count).reduce(into: [0]) { $0.append($0.last! + $1) }
        // Fewer blocks than threads (a state that fits one block, its untouched qubits skipped):
        // the highest free qubits become outside ones too while blocks stay at least
        // `Parallel.minimumParallelWork` amplitudes, so every thread gets blocks. Same arithmetic.
        var outside = outside
        var free = (min(3, qubitCount)..<qubitCount).filter { !targets.contains($0) && !fixed.contains($0) }
        while 1 << outside.count < threads, let qubit = free.popLast(),
            count >> (outside.count + zero.count + 1) >= Parallel.minimumParallelWork
        {
            outside.append(qubit)
        }
        // Block b puts its bits on `outside` in order; the `zero` qubits, last, stay 0.
        let qubitsHeld = (outside + zero).map(Int64.init)
        let re = self.re, im = self.im, n = Int32(qubitCount), simd = path.kernelPath
        matrices.withUnsafeBufferPointer { matrices in
            slots.withUnsafeBufferPointer { slots in
                let descriptors = gates.indices.map { g in
                    let gate = gates[g], qubits = gate.qubits.map(Int64.init) + [0, 0, 0]
                    return quire_fused_gate(
                        k: Int32(gate.qubits.count), factorCount: Int32(gate.factorCount),
                        qubits: (qubits[0], qubits[1], qubits[2], qubits[3]), matrix: matrices.baseAddress.map { $0 + matrixStarts[g] },
                        slots: gate.isFactored ? slots.baseAddress! + slotStarts[g] : nil)
                }
                Parallel.forEachRange(count: 1 << outside.count, threads: threads, minimumWork: 2) { range in
                    quire_apply_fused_gates_blocked(
                        re, im, n, Int32(gates.count), descriptors, Int32(qubitsHeld.count), qubitsHeld,
                        Int64(range.lowerBound), Int64(range.upperBound), simd)
                }
            }
        }
    }
}
