// The dense k-qubit gate kernel, portable and AVX2 (see include/fused_gate.h).
#include "fused_gate.h"

#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

// No a·b + c may become a fused multiply-add behind the code's back: the kernel asks for its fused
// multiply-adds explicitly, and they round once, exactly, on every path (the portable copy on an
// x86-64 without FMA calls the C library's fma, which is exact too: slower, never different).
#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

/// Amplitude groups done together: one vector of eight doubles (two AVX2 registers, four SSE2 ones).
enum { LANES = 8 };
typedef double lanes __attribute__((vector_size(LANES * sizeof(double))));

#define INLINE static inline __attribute__((always_inline))

/// `j` with a zero bit inserted at each of the ascending positions `sorted[0..<k]`.
INLINE int64_t insert_zeros(int64_t j, const int64_t *sorted, int k) {
    for (int p = 0; p < k; p++) {
        int64_t low = j & ((INT64_C(1) << sorted[p]) - 1);
        j = ((j ^ low) << 1) | low;
    }
    return j;
}

INLINE lanes load_lanes(const double *p) {
    lanes v;
    memcpy(&v, p, sizeof v);
    return v;
}

INLINE void store_lanes(double *p, lanes v) { memcpy(p, &v, sizeof v); }

INLINE lanes splat(double x) { return (lanes){x, x, x, x, x, x, x, x}; }

/// The kernel for a constant `K` (the callers below pass literals, so every loop over 2^K unrolls).
/// LANES consecutive groups are gathered, multiplied as vectors and scattered; where those groups'
/// amplitudes are consecutive in memory (the lowest target is qubit 3 or above) the gather and
/// scatter are plain vector loads and stores. Each lane does the scalar arithmetic of its group:
/// for output row r, Σc fma-chains over the columns in order from 0.0 of m_re·x_re, m_im·x_im,
/// m_re·x_im and m_im·x_re, then re = (first − second), im = (third + fourth).
INLINE void apply_range(
    const int K, double *re, double *im, const int64_t *qubits, const double *matrix, int64_t first, int64_t end) {
    const int dim = 1 << K;
    int64_t offset[1 << QUIRE_FUSED_GATE_MAX_QUBITS], sorted[QUIRE_FUSED_GATE_MAX_QUBITS];
    for (int l = 0; l < dim; l++) {
        offset[l] = 0;
        for (int b = 0; b < K; b++)
            if (l >> b & 1) offset[l] |= INT64_C(1) << qubits[b];
    }
    for (int p = 0; p < K; p++) {
        int64_t q = qubits[p];
        int i = p;
        for (; i > 0 && sorted[i - 1] > q; i--) sorted[i] = sorted[i - 1];
        sorted[i] = q;
    }
    const int64_t run = INT64_C(1) << sorted[0];
    lanes xr[1 << QUIRE_FUSED_GATE_MAX_QUBITS], xi[1 << QUIRE_FUSED_GATE_MAX_QUBITS];
    int64_t bases[LANES];
    for (int64_t j = first; j < end;) {
        const int64_t base = insert_zeros(j, sorted, K);
        const int contiguous = (j & (run - 1)) + LANES <= run && j + LANES <= end;
        const int64_t count = contiguous ? LANES : (end - j < LANES ? end - j : LANES);
        if (contiguous) {
            for (int c = 0; c < dim; c++) {
                xr[c] = load_lanes(re + base + offset[c]);
                xi[c] = load_lanes(im + base + offset[c]);
            }
        } else {
            // Lanes past `count` repeat the first group; they are computed and never stored.
            for (int w = 0; w < LANES; w++) bases[w] = w < count ? insert_zeros(j + w, sorted, K) : base;
            for (int c = 0; c < dim; c++)
                for (int w = 0; w < LANES; w++) {
                    xr[c][w] = re[bases[w] + offset[c]];
                    xi[c][w] = im[bases[w] + offset[c]];
                }
        }
        for (int r = 0; r < dim; r++) {
            // Four independent chains of fused multiply-adds (re·re, im·im, re·im, im·re), combined
            // at the end: the chains overlap in the pipeline where one sum would wait on each add.
            lanes rr = {0}, ii = {0}, ri = {0}, ir = {0};
            for (int c = 0; c < dim; c++) {
                const lanes mr = splat(matrix[2 * (r * dim + c)]), mi = splat(matrix[2 * (r * dim + c) + 1]);
                rr = __builtin_elementwise_fma(mr, xr[c], rr);
                ii = __builtin_elementwise_fma(mi, xi[c], ii);
                ri = __builtin_elementwise_fma(mr, xi[c], ri);
                ir = __builtin_elementwise_fma(mi, xr[c], ir);
            }
            const lanes yr = rr - ii, yi = ri + ir;
            if (contiguous) {
                store_lanes(re + base + offset[r], yr);
                store_lanes(im + base + offset[r], yi);
            } else {
                for (int w = 0; w < count; w++) {
                    re[bases[w] + offset[r]] = yr[w];
                    im[bases[w] + offset[r]] = yi[w];
                }
            }
        }
        j += count;
    }
}

/// One compiled copy of the kernel for k = 1…4, under the function attributes `ATTRIBUTES`.
#define QUIRE_FUSED_GATE_COPY(NAME, ATTRIBUTES)                                                      \
    ATTRIBUTES static void NAME(                                                                     \
        double *re, double *im, int k, const int64_t *qubits, const double *matrix, int64_t first,   \
        int64_t end) {                                                                               \
        switch (k) {                                                                                 \
        case 1: apply_range(1, re, im, qubits, matrix, first, end); break;                          \
        case 2: apply_range(2, re, im, qubits, matrix, first, end); break;                          \
        case 3: apply_range(3, re, im, qubits, matrix, first, end); break;                          \
        default: apply_range(4, re, im, qubits, matrix, first, end); break;                         \
        }                                                                                            \
    }

QUIRE_FUSED_GATE_COPY(apply_portable, )
#if defined(__x86_64__)
QUIRE_FUSED_GATE_COPY(apply_avx2, __attribute__((target("avx2,fma"))))
QUIRE_FUSED_GATE_COPY(apply_avx512, __attribute__((target("avx512f,fma"), min_vector_width(512))))
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

void quire_apply_fused_gate(
    double *re, double *im, int k, const int64_t *qubits, const double *matrix, int64_t first, int64_t end,
    quire_simd_path path) {
#if defined(__x86_64__)
    if (path == QUIRE_SIMD_AVX512) {
        apply_avx512(re, im, k, qubits, matrix, first, end);
        return;
    }
    if (path == QUIRE_SIMD_AVX2) {
        apply_avx2(re, im, k, qubits, matrix, first, end);
        return;
    }
#endif
    (void)path;
    apply_portable(re, im, k, qubits, matrix, first, end);
}
