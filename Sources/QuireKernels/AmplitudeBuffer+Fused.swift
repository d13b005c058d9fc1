internal import CQuireKernels

/// The instruction set the fused-gate kernel runs with.
///
/// Both paths do the same IEEE operations per amplitude in the same order (explicit fused
/// multiply-adds, exact everywhere, and no other contraction),
/// so a result never depends on which one ran: the choice is speed only. Tests force each.
public enum SIMDPath: Sendable, CaseIterable {
    /// The target's baseline vectors (SSE2 on x86-64, NEON on arm64): runs everywhere.
    case portable
    /// 256-bit AVX2 vectors with FMA, on x86-64 processors that have both.
    case avx2
    /// 512-bit AVX-512F vectors with FMA, where the processor has them.
    case avx512

    /// The path used by default: AVX2 where this CPU has it, unless the environment variable
    /// `QUIRE_SIMD=portable` asks for the portable one (to show that results do not change).
    public static let preferred: SIMDPath = allCases.first { $0.kernelPath == quire_simd_preferred_path() } ?? .portable

    /// Whether this CPU (and operating system) can run `path`.
    public static func isAvailable(_ path: SIMDPath) -> Bool {
        switch path {
        case .portable: true
        case .avx2: quire_simd_avx2_available() != 0
        case .avx512: quire_simd_avx512_available() != 0
        }
    }

    /// The C kernels' name for the path (tests of the MLP kernels, in QuireLearning, force each).
    var kernelPath: quire_simd_path {
        switch self {
        case .portable: QUIRE_SIMD_PORTABLE
        case .avx2: QUIRE_SIMD_AVX2
        case .avx512: QUIRE_SIMD_AVX512
        }
    }
}

/// Dense gates on up to four qubits: the products of gate runs fused by the simulator.
extension AmplitudeBuffer {
    /// Largest k accepted by `applyFused`.
    public static let maximumFusedQubits = Int(QUIRE_FUSED_GATE_MAX_QUBITS)

    /// Applies the 2ᵏ×2ᵏ `matrix` (interleaved row-major, as for `applyDense`) to `qubits`
    /// (1 ≤ k ≤ 4; local index bit j is `qubits[j]`), on `path`.
    ///
    /// Unlike `applyDense` the matrix is used as it is, without dropping zeros: fused gates are
    /// dense. Every amplitude is its row's sum over the columns in order, so the result does not
    /// depend on `threads` or on `path`.
    public func applyFused(qubits: [Int], matrix: [Double], threads: Int = 1, path: SIMDPath = .preferred) {
        applyFused(FusedGate(qubits: qubits, matrix: matrix), threads: threads, path: path)
    }

    /// Applies `gate`, dense or factored, on `path`; every amplitude gets the same operations for
    /// any `threads` and `path`.
    public func applyFused(_ gate: FusedGate, threads: Int = 1, path: SIMDPath = .preferred) {
        precondition(gate.isWellFormed && SIMDPath.isAvailable(path), "applyFused: bad qubits, matrix size or path")
        let re = self.re, im = self.im, k = gate.qubits.count, simd = path.kernelPath
        let targets = gate.qubits.map { Int64($0) }
        targets.withUnsafeBufferPointer { targets in
            gate.matrix.withUnsafeBufferPointer { matrix in
                gate.slots.withUnsafeBufferPointer { slots in
                    Parallel.forEachRange(count: count >> k, threads: threads, minimumWork: Parallel.minimumParallelWork >> k) {
                        range in
                        if gate.isFactored {
                            quire_apply_factored_gate(
                                re, im, Int32(k), targets.baseAddress, Int32(gate.factorCount), matrix.baseAddress,
                                slots.baseAddress, Int64(range.lowerBound), Int64(range.upperBound), nil, 0, simd)
                        } else {
                            quire_apply_fused_gate(
                                re, im, Int32(k), targets.baseAddress, matrix.baseAddress, Int64(range.lowerBound),
                                Int64(range.upperBound), simd)
                        }
                    }
                }
            }
        }
    }
}
