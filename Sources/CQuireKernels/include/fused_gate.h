// The dense k-qubit gate kernel of the statevector engine (k ≤ 4: gates fused by
// QuireSimulator), in C because Swift cannot compile one function for several instruction sets.
// The same source is compiled three times, portable (the target's baseline, SSE2 on x86-64), for
// AVX2 with FMA and for AVX-512F (x86-64 only); the caller picks one at run time. All do the same
// IEEE operations per amplitude in the same order — explicit fused multiply-adds, which round once
// and exactly on every processor, and no other contraction — so their results are equal to the last bit.
#ifndef QUIRE_FUSED_GATE_H
#define QUIRE_FUSED_GATE_H

#include <stdint.h>

/// The largest k that `quire_apply_fused_gate` accepts.
#define QUIRE_FUSED_GATE_MAX_QUBITS 4

/// Which compiled copy of the kernel runs.
typedef enum {
    /// The target's baseline instruction set: runs everywhere.
    QUIRE_SIMD_PORTABLE = 0,
    /// 256-bit AVX2 vectors and FMA: only where `quire_simd_avx2_available` says so.
    QUIRE_SIMD_AVX2 = 1,
    /// 512-bit AVX-512F vectors and FMA: only where `quire_simd_avx512_available` says so.
    QUIRE_SIMD_AVX512 = 2,
} quire_simd_path;

/// Whether this CPU and operating system run AVX2 and FMA code (CPUID leaves 1 and 7, saved YMM state).
int quire_simd_avx2_available(void);

/// Whether this CPU and operating system run AVX-512F code (CPUID leaf 7, saved ZMM state).
int quire_simd_avx512_available(void);

/// Whether the environment variable QUIRE_SIMD is `portable` (run the portable copy everywhere).
int quire_simd_portable_requested(void);

/// The copy every kernel runs by default: the widest this CPU has (AVX-512F, then AVX2), unless
/// `quire_simd_portable_requested` asks for the portable one. One rule for every C kernel's caller.
quire_simd_path quire_simd_preferred_path(void);

/// Applies the 2^k × 2^k `matrix` (interleaved re, im; row-major) to `qubits[0..<k]` (local index
/// bit j is `qubits[j]`) of the amplitudes (`re`, `im`), for the amplitude groups `first..<end`
/// (group j: the 2^k amplitudes whose index, with the target bits removed, is j). Every amplitude
/// is computed by the same operations in the same order (fused multiply-adds over the columns, see
/// fused_gate.c), so results do not depend on the range split or on `path`.
void quire_apply_fused_gate(
    double *re, double *im, int k, const int64_t *qubits, const double *matrix,
    int64_t first, int64_t end, quire_simd_path path);

/// One gate of a blocked run: dense (`slots` NULL: `matrix` is its 2^k × 2^k matrix, as for
/// `quire_apply_fused_gate`) or factored (`matrix` holds `factorCount` 2×2 factors and `slots`
/// their slot pairs and output order, as for `quire_apply_factored_gate`).
typedef struct {
    int k;
    int factorCount;
    int64_t qubits[QUIRE_FUSED_GATE_MAX_QUBITS];
    const double *matrix;
    const uint8_t *slots;
} quire_fused_gate;

/// Applies `gateCount` fused gates in order to the amplitudes of `qubitCount` qubits, cache block by
/// cache block: block b is the 2^(qubitCount − outsideCount) amplitudes whose `outside` qubits (none
/// a target of any gate) hold the bits of b, bit p on `outside[p]`, and blocks `firstBlock..<endBlock`
/// each get every gate before the next block is touched, so a block is read from memory once for
/// the whole run of gates (blocks up to 2^outsideCount; fewer leave the last outside qubits at 0).
/// Each amplitude sees the same operations in the same order as with the gates applied one by one.
void quire_apply_fused_gates_blocked(
    double *re, double *im, int qubitCount, int gateCount, const quire_fused_gate *gates, int outsideCount,
    const int64_t *outside, int64_t firstBlock, int64_t endBlock, quire_simd_path path);

#endif
