// The dense k-qubit gate kernel, portable and AVX2 (see include/fused_gate.h).
#include "fused_gate.h"

#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

#include "amplitude_groups.h"
#include "factored_gate.h"

// No a·b + c may become a fused multiply-add behind the code's back: the kernel asks for its fused
// multiply-adds explicitly, and they round once, exactly, on every path (the portable copy on an
// x86-64 without FMA calls the C library's fma, which is exact too: slower, never different).
#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

/// The kernel for a constant `K` (the callers below pass literals, so every loop over 2^K unrolls).
/// LANES consecutive groups are gathered, multiplied as vectors and scattered; where those groups'
/// amplitudes are consecutive in memory (the lowest target or removed qubit is 3 or above) the
/// gather and scatter are plain vector loads and stores. Each lane does the scalar arithmetic of its
/// group: for output row r, Σc fma-chains over the columns in order from 0.0 of m_re·x_re,
/// m_im·x_im, m_re·x_im and m_im·x_re, then re = (first − second), im = (third + fourth).
/// `ROWS` (1 or 2, a literal) output rows are computed together, for register allocation only.
/// `removed[0..<removedCount]` (in any order) are qubits held at 0 besides the targets: groups are
/// numbered over the remaining qubits only, which is how a cache block is walked (see below).
INLINE void apply_range(
    const int K, const int ROWS, double *re, double *im, const int64_t *qubits, const double *matrix, int64_t first, int64_t end,
    const int64_t *removed, int removedCount) {
    const int dim = 1 << K, zeros = K + removedCount;
    int64_t offset[1 << QUIRE_FUSED_GATE_MAX_QUBITS], sorted[QUIRE_FUSED_GATE_MAX_QUBITS + 64];
    group_layout(K, qubits, removed, removedCount, offset, sorted);
    lanes xr[1 << QUIRE_FUSED_GATE_MAX_QUBITS], xi[1 << QUIRE_FUSED_GATE_MAX_QUBITS];
    int64_t bases[LANES], base;
    int contiguous;
    for (int64_t j = first; j < end;) {
        const int64_t count = locate_groups(j, end, sorted, zeros, &base, &contiguous, bases);
        for (int c = 0; c < dim; c++) load_amplitude(re, im, offset[c], contiguous, base, bases, &xr[c], &xi[c]);
        for (int r0 = 0; r0 < dim; r0 += ROWS) {
            // Per row, four independent chains of fused multiply-adds (re·re, im·im, re·im, im·re),
            // combined at the end; ROWS rows at once share each column's loads and give the
            // pipeline 4·ROWS chains to overlap. Each lane's operations are the same for any ROWS.
            lanes rr[ROWS], ii[ROWS], ri[ROWS], ir[ROWS];
            for (int h = 0; h < ROWS; h++) rr[h] = ii[h] = ri[h] = ir[h] = splat(0.0);
            for (int c = 0; c < dim; c++) {
                for (int h = 0; h < ROWS; h++) {
                    const double *m = matrix + 2 * ((r0 + h) * dim + c);
                    const lanes mr = splat(m[0]), mi = splat(m[1]);
                    rr[h] = __builtin_elementwise_fma(mr, xr[c], rr[h]);
                    ii[h] = __builtin_elementwise_fma(mi, xi[c], ii[h]);
                    ri[h] = __builtin_elementwise_fma(mr, xi[c], ri[h]);
                    ir[h] = __builtin_elementwise_fma(mi, xr[c], ir[h]);
                }
            }
            for (int h = 0; h < ROWS; h++) {
                const lanes yr = rr[h] - ii[h], yi = ri[h] + ir[h];
                store_amplitude(re, im, offset[r0 + h], contiguous, base, bases, count, yr, yi);
            }
        }
        j += count;
    }
}

/// One compiled copy of the kernel for k = 1…4, under the function attributes `ATTRIBUTES`, with
/// `ROWS` rows at once (2 where 32 vector registers hold their accumulators).
#define QUIRE_FUSED_GATE_COPY(NAME, ROWS, ATTRIBUTES)                                                \
    ATTRIBUTES static void NAME(                                                                     \
        double *re, double *im, int k, const int64_t *qubits, const double *matrix, int64_t first,   \
        int64_t end, const int64_t *removed, int removedCount) {                                     \
        switch (k) {                                                                                 \
        case 1: apply_range(1, ROWS, re, im, qubits, matrix, first, end, removed, removedCount); break; \
        case 2: apply_range(2, ROWS, re, im, qubits, matrix, first, end, removed, removedCount); break; \
        case 3: apply_range(3, ROWS, re, im, qubits, matrix, first, end, removed, removedCount); break; \
        default: apply_range(4, ROWS, re, im, qubits, matrix, first, end, removed, removedCount); break; \
        }                                                                                            \
    }

QUIRE_FUSED_GATE_COPY(apply_portable, 1, )
#if defined(__x86_64__)
QUIRE_FUSED_GATE_COPY(apply_avx2, 1, __attribute__((target("avx2,fma"))))
QUIRE_FUSED_GATE_COPY(apply_avx512, 2, __attribute__((target("avx512f,fma"), min_vector_width(512))))
#endif

#if defined(__x86_64__)
/// Whether the processor has every `ecx1` bit of CPUID leaf 1, the OS saves every `xcr0` bit of
/// XCR0's state, and CPUID leaf 7 has bit `ebx7` of EBX.
static int cpu_has(unsigned ecx1, unsigned xcr0, unsigned ebx7) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || (c & ecx1) != ecx1) return 0;
    unsigned xcr0_low, xcr0_high;
    __asm__ volatile("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    if ((xcr0_low & xcr0) != xcr0 || __get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b & ebx7) == ebx7;
}
#endif

/// FMA, OSXSAVE and AVX in leaf 1; XMM and YMM state saved; AVX2 in leaf 7.
int quire_simd_avx2_available(void) {
#if defined(__x86_64__)
    return cpu_has(1u << 12 | 1u << 27 | 1u << 28, 0x6u, 1u << 5);
#else
    return 0;
#endif
}

/// As for AVX2, and opmask and ZMM state saved, AVX-512F in leaf 7.
int quire_simd_avx512_available(void) {
#if defined(__x86_64__)
    return cpu_has(1u << 12 | 1u << 27 | 1u << 28, 0xe6u, 1u << 5 | 1u << 16);
#else
    return 0;
#endif
}

int quire_simd_portable_requested(void) {
    const char *value = getenv("QUIRE_SIMD");
    return value != NULL && strcmp(value, "portable") == 0;
}

quire_simd_path quire_simd_preferred_path(void) {
    if (quire_simd_portable_requested()) return QUIRE_SIMD_PORTABLE;
    if (quire_simd_avx512_available()) return QUIRE_SIMD_AVX512;
    if (quire_simd_avx2_available()) return QUIRE_SIMD_AVX2;
    return QUIRE_SIMD_PORTABLE;
}

/// The copy of the kernel for `path`, applied to groups `first..<end` with `removed` qubits held at 0.
static void apply_on_path(
    double *re, double *im, int k, const int64_t *qubits, const double *matrix, int64_t first, int64_t end,
    const int64_t *removed, int removedCount, quire_simd_path path) {
#if defined(__x86_64__)
    if (path == QUIRE_SIMD_AVX512) {
        apply_avx512(re, im, k, qubits, matrix, first, end, removed, removedCount);
        return;
    }
    if (path == QUIRE_SIMD_AVX2) {
        apply_avx2(re, im, k, qubits, matrix, first, end, removed, removedCount);
        return;
    }
#endif
    (void)path;
    apply_portable(re, im, k, qubits, matrix, first, end, removed, removedCount);
}

void quire_apply_fused_gate(
    double *re, double *im, int k, const int64_t *qubits, const double *matrix, int64_t first, int64_t end,
    quire_simd_path path) {
    apply_on_path(re, im, k, qubits, matrix, first, end, NULL, 0, path);
}

void quire_apply_fused_gates_blocked(
    double *re, double *im, int qubitCount, int gateCount, const quire_fused_gate *gates, int outsideCount,
    const int64_t *outside, int64_t firstBlock, int64_t endBlock, quire_simd_path path) {
    const int inside = qubitCount - outsideCount;
    for (int64_t block = firstBlock; block < endBlock; block++) {
        // The block's first amplitude: the bits of `block` placed at the outside qubits.
        int64_t start = 0;
        for (int p = 0; p < outsideCount; p++)
            if (block >> p & 1) start |= INT64_C(1) << outside[p];
        for (int g = 0; g < gateCount; g++) {
            const quire_fused_gate *gate = gates + g;
            const int64_t groups = INT64_C(1) << (inside - gate->k);
            if (gate->slots == NULL)
                apply_on_path(re + start, im + start, gate->k, gate->qubits, gate->matrix, 0, groups, outside, outsideCount, path);
            else
                quire_apply_factored_gate(
                    re + start, im + start, gate->k, gate->qubits, gate->factorCount, gate->matrix, gate->slots, 0,
                    groups, outside, outsideCount, path);
        }
    }
}
