// The factored fused-gate kernel (see include/factored_gate.h).
#include "factored_gate.h"

#include "amplitude_groups.h"

// As in fused_gate.c: only the fused multiply-adds the code asks for, on every path.
#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

/// Groups of LANES amplitude groups held at once: each factor is applied to all of them before
/// the next, so its slot pairs are TILE times more independent chains than one group has, enough
/// to hide the latency of a factor's chain of fused multiply-adds from the next factor.
enum { TILE = 4 };

/// The kernel for a constant `K`. A group's amplitudes are loaded into slots, each factor updates
/// its slot pairs in place, and the slots are stored in the output order. Each lane does its
/// group's scalar arithmetic: for a ← m00·a + m01·b, re = ((m00r·ar − m00i·ai) + m01r·br) − m01i·bi
/// and im = ((m00r·ai + m00i·ar) + m01r·bi) + m01i·br, a product then three fused multiply-adds
/// each (the subtractions as fused multiply-adds of the negated imaginary parts); b alike with row 1.
INLINE void apply_factored_range(
    const int K, double *re, double *im, const int64_t *qubits, int factorCount, const double *factors,
    const uint8_t *slots, int64_t first, int64_t end, const int64_t *removed, int removedCount) {
    const int dim = 1 << K, zeros = K + removedCount;
    int64_t offset[1 << QUIRE_FUSED_GATE_MAX_QUBITS], sorted[QUIRE_FUSED_GATE_MAX_QUBITS + 64];
    group_layout(K, qubits, removed, removedCount, offset, sorted);
    const uint8_t *output = slots + dim * factorCount;
    lanes xr[TILE][1 << QUIRE_FUSED_GATE_MAX_QUBITS], xi[TILE][1 << QUIRE_FUSED_GATE_MAX_QUBITS];
    int64_t bases[TILE][LANES], base[TILE], count[TILE];
    int contiguous[TILE];
    for (int64_t j = first; j < end;) {
        int tiles = 0;
        for (; tiles < TILE && j < end; tiles++) {
            const int t = tiles;
            count[t] = locate_groups(j, end, sorted, zeros, &base[t], &contiguous[t], bases[t]);
            for (int c = 0; c < dim; c++)
                load_amplitude(re, im, offset[c], contiguous[t], base[t], bases[t], &xr[t][c], &xi[t][c]);
            j += count[t];
        }
        for (int f = 0; f < factorCount; f++) {
            const double *m = factors + 8 * f;
            const lanes m00r = splat(m[0]), m00i = splat(m[1]), n00i = splat(-m[1]), m01r = splat(m[2]),
                        m01i = splat(m[3]), n01i = splat(-m[3]), m10r = splat(m[4]), m10i = splat(m[5]),
                        n10i = splat(-m[5]), m11r = splat(m[6]), m11i = splat(m[7]), n11i = splat(-m[7]);
            const uint8_t *pairs = slots + dim * f;
            for (int t = 0; t < tiles; t++)
                for (int p = 0; p < dim / 2; p++) {
                    const int a = pairs[2 * p], b = pairs[2 * p + 1];
                    const lanes ar = xr[t][a], ai = xi[t][a], br = xr[t][b], bi = xi[t][b];
                    xr[t][a] = __builtin_elementwise_fma(
                        n01i, bi, __builtin_elementwise_fma(m01r, br, __builtin_elementwise_fma(n00i, ai, m00r * ar)));
                    xi[t][a] = __builtin_elementwise_fma(
                        m01i, br, __builtin_elementwise_fma(m01r, bi, __builtin_elementwise_fma(m00i, ar, m00r * ai)));
                    xr[t][b] = __builtin_elementwise_fma(
                        n11i, bi, __builtin_elementwise_fma(m11r, br, __builtin_elementwise_fma(n10i, ai, m10r * ar)));
                    xi[t][b] = __builtin_elementwise_fma(
                        m11i, br, __builtin_elementwise_fma(m11r, bi, __builtin_elementwise_fma(m10i, ar, m10r * ai)));
                }
        }
        for (int t = 0; t < tiles; t++)
            for (int r = 0; r < dim; r++)
                store_amplitude(
                    re, im, offset[r], contiguous[t], base[t], bases[t], count[t], xr[t][output[r]], xi[t][output[r]]);
    }
}

/// One compiled copy of the kernel for k = 1…4 under the function attributes `ATTRIBUTES`.
#define QUIRE_FACTORED_GATE_COPY(NAME, ATTRIBUTES)                                                   \
    ATTRIBUTES static void NAME(                                                                     \
        double *re, double *im, int k, const int64_t *qubits, int factorCount, const double *factors, \
        const uint8_t *slots, int64_t first, int64_t end, const int64_t *removed, int removedCount) { \
        switch (k) {                                                                                 \
        case 1: apply_factored_range(1, re, im, qubits, factorCount, factors, slots, first, end, removed, removedCount); break; \
        case 2: apply_factored_range(2, re, im, qubits, factorCount, factors, slots, first, end, removed, removedCount); break; \
        case 3: apply_factored_range(3, re, im, qubits, factorCount, factors, slots, first, end, removed, removedCount); break; \
        default: apply_factored_range(4, re, im, qubits, factorCount, factors, slots, first, end, removed, removedCount); break; \
        }                                                                                            \
    }

QUIRE_FACTORED_GATE_COPY(factored_portable, )
#if defined(__x86_64__)
QUIRE_FACTORED_GATE_COPY(factored_avx2, __attribute__((target("avx2,fma"))))
QUIRE_FACTORED_GATE_COPY(factored_avx512, __attribute__((target("avx512f,fma"), min_vector_width(512))))
#endif

void quire_apply_factored_gate(
    double *re, double *im, int k, const int64_t *qubits, int factorCount, const double *factors,
    const uint8_t *slots, int64_t first, int64_t end, const int64_t *removed, int removedCount,
    quire_simd_path path) {
#if defined(__x86_64__)
    if (path == QUIRE_SIMD_AVX512) {
        factored_avx512(re, im, k, qubits, factorCount, factors, slots, first, end, removed, removedCount);
        return;
    }
    if (path == QUIRE_SIMD_AVX2) {
        factored_avx2(re, im, k, qubits, factorCount, factors, slots, first, end, removed, removedCount);
        return;
    }
#endif
    (void)path;
    factored_portable(re, im, k, qubits, factorCount, factors, slots, first, end, removed, removedCount);
}
