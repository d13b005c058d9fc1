// The fused density-matrix sweep and the Pauli matrix elements (see include/density_channels.h).
#include "density_channels.h"

#include <string.h>

#include "kernel_lanes.h"

// Each expression below is the Swift kernel's, operation for operation; nothing may be contracted
// into a fused multiply-add, or the sweep would round differently from the kernels it replaces.
#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

/// The largest group: 2^QUIRE_DENSITY_MAX_BITS elements.
enum { MAX_DIM = 1 << QUIRE_DENSITY_MAX_BITS };

/// One 2×2 rotation or matrix on local bit `bit` of the group (`xr`, `xi`, `dim` elements).
INLINE void apply_pair_op(const quire_density_op *op, int dim, lanes *xr, lanes *xi) {
    const int step = 1 << op->bit;
    const lanes c = splat(op->c), s = splat(op->s);
    for (int i0 = 0; i0 < dim; i0++) {
        if (i0 & step) continue;
        const int i1 = i0 | step;
        const lanes ar = xr[i0], ai = xi[i0], br = xr[i1], bi = xi[i1];
        switch (op->kind) {
        case QUIRE_DENSITY_ROTATION_X:
            xr[i0] = c * ar + s * bi;
            xi[i0] = c * ai - s * br;
            xr[i1] = c * br + s * ai;
            xi[i1] = c * bi - s * ar;
            break;
        case QUIRE_DENSITY_ROTATION_Y:
            xr[i0] = c * ar - s * br;
            xi[i0] = c * ai - s * bi;
            xr[i1] = s * ar + c * br;
            xi[i1] = s * ai + c * bi;
            break;
        case QUIRE_DENSITY_ROTATION_Z:
            xr[i0] = c * ar + s * ai;
            xi[i0] = c * ai - s * ar;
            xr[i1] = c * br - s * bi;
            xi[i1] = c * bi + s * br;
            break;
        case QUIRE_DENSITY_CX:
            if ((i0 & op->mask) != op->mask) break;
            xr[i0] = br;
            xi[i0] = bi;
            xr[i1] = ar;
            xi[i1] = ai;
            break;
        default: {  // QUIRE_DENSITY_MATRIX
            if ((i0 & op->mask) != op->mask) break;
            const double *m = op->matrix;
            const lanes m00r = splat(m[0]), m00i = splat(m[1]), m01r = splat(m[2]), m01i = splat(m[3]);
            const lanes m10r = splat(m[4]), m10i = splat(m[5]), m11r = splat(m[6]), m11i = splat(m[7]);
            xr[i0] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
            xi[i0] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
            xr[i1] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
            xi[i1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
            break;
        }
        }
    }
}

/// The sparse matrix of `op` on the group, row by row into scratch, then copied back.
INLINE void apply_sparse(const quire_density_op *op, int dim, lanes *xr, lanes *xi) {
    lanes yr[MAX_DIM], yi[MAX_DIM];
    for (int r = 0; r < dim; r++) {
        lanes sr = splat(0), si = splat(0);
        for (int e = op->starts[r]; e < op->starts[r + 1]; e++) {
            const int col = op->columns[e];
            const lanes mr = splat(op->matrix[2 * e]), mi = splat(op->matrix[2 * e + 1]);
            sr += mr * xr[col] - mi * xi[col];
            si += mr * xi[col] + mi * xr[col];
        }
        yr[r] = sr;
        yi[r] = si;
    }
    for (int r = 0; r < dim; r++) {
        xr[r] = yr[r];
        xi[r] = yi[r];
    }
}

/// The sweep for one instruction set: LANES consecutive groups gathered (plain vector loads where
/// the lowest bit is 3 or above), every op applied lane by lane, the groups scattered back.
INLINE void sweep_range(
    double *re, double *im, int k, const int64_t *bits, const quire_density_op *ops, int op_count, int64_t first,
    int64_t end) {
    const int dim = 1 << k;
    int64_t offset[MAX_DIM];
    for (int l = 0; l < dim; l++) {
        offset[l] = 0;
        for (int b = 0; b < k; b++)
            if (l >> b & 1) offset[l] |= INT64_C(1) << bits[b];
    }
    const int64_t run = INT64_C(1) << bits[0];
    lanes xr[MAX_DIM], xi[MAX_DIM];
    int64_t bases[LANES];
    for (int64_t j = first; j < end;) {
        const int64_t base = insert_zeros(j, bits, k);
        const int contiguous = (j & (run - 1)) + LANES <= run && j + LANES <= end;
        const int64_t count = contiguous ? LANES : (end - j < LANES ? end - j : LANES);
        if (contiguous) {
            for (int l = 0; l < dim; l++) {
                xr[l] = load_lanes(re + base + offset[l]);
                xi[l] = load_lanes(im + base + offset[l]);
            }
        } else {
            // Lanes past `count` repeat the first group; they are computed and never stored.
            for (int w = 0; w < LANES; w++) bases[w] = w < count ? insert_zeros(j + w, bits, k) : base;
            for (int l = 0; l < dim; l++)
                for (int w = 0; w < LANES; w++) {
                    xr[l][w] = re[bases[w] + offset[l]];
                    xi[l][w] = im[bases[w] + offset[l]];
                }
        }
        for (int o = 0; o < op_count; o++) {
            const quire_density_op *op = &ops[o];
            switch (op->kind) {
            case QUIRE_DENSITY_PHASE: {
                const lanes c = splat(op->c), s = splat(op->s);
                for (int l = 0; l < dim; l++) {
                    if ((l & op->mask) != op->mask) continue;
                    const lanes ar = xr[l], ai = xi[l];
                    xr[l] = c * ar - s * ai;
                    xi[l] = c * ai + s * ar;
                }
                break;
            }
            case QUIRE_DENSITY_SPARSE: apply_sparse(op, dim, xr, xi); break;
            case QUIRE_DENSITY_STORE:
                for (int l = 0; l < dim; l++) {
                    if (contiguous) {
                        store_lanes(op->store_re + base + offset[l], xr[l]);
                        store_lanes(op->store_im + base + offset[l], xi[l]);
                    } else {
                        for (int w = 0; w < count; w++) {
                            op->store_re[bases[w] + offset[l]] = xr[l][w];
                            op->store_im[bases[w] + offset[l]] = xi[l][w];
                        }
                    }
                }
                break;
            default: apply_pair_op(op, dim, xr, xi); break;
            }
        }
        for (int l = 0; l < dim; l++) {
            if (contiguous) {
                store_lanes(re + base + offset[l], xr[l]);
                store_lanes(im + base + offset[l], xi[l]);
            } else {
                for (int w = 0; w < count; w++) {
                    re[bases[w] + offset[l]] = xr[l][w];
                    im[bases[w] + offset[l]] = xi[l][w];
                }
            }
        }
        j += count;
    }
}

/// One compiled copy of the sweep under the function attributes `ATTRIBUTES`.
#define QUIRE_DENSITY_SWEEP_COPY(NAME, ATTRIBUTES)                                                   \
    ATTRIBUTES static void NAME(                                                                     \
        double *re, double *im, int k, const int64_t *bits, const quire_density_op *ops, int op_count, \
        int64_t first, int64_t end) {                                                                \
        sweep_range(re, im, k, bits, ops, op_count, first, end);                                     \
    }

QUIRE_DENSITY_SWEEP_COPY(sweep_portable, )
#if defined(__x86_64__)
QUIRE_DENSITY_SWEEP_COPY(sweep_avx2, __attribute__((target("avx2,fma"))))
QUIRE_DENSITY_SWEEP_COPY(sweep_avx512, __attribute__((target("avx512f,fma"), min_vector_width(512))))
#endif

void quire_density_sweep(
    double *re, double *im, int k, const int64_t *bits, const quire_density_op *ops, int op_count, int64_t first,
    int64_t end, quire_simd_path path) {
#if defined(__x86_64__)
    if (path == QUIRE_SIMD_AVX512) {
        sweep_avx512(re, im, k, bits, ops, op_count, first, end);
        return;
    }
    if (path == QUIRE_SIMD_AVX2) {
        sweep_avx2(re, im, k, bits, ops, op_count, first, end);
        return;
    }
#endif
    (void)path;
    sweep_portable(re, im, k, bits, ops, op_count, first, end);
}

/// `x` with its sign flipped when `flip` is 1: x − y is exactly x + (−y) in IEEE arithmetic, so the
/// sums below add a sign-flipped term where the Swift loop subtracts, without a branch on the parity.
static inline double flipped(double x, int flip) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    bits ^= (uint64_t)flip << 63;
    memcpy(&x, &bits, sizeof x);
    return x;
}

/// The sums for a constant `M` (the callers below pass literals, so the loop over operators unrolls).
INLINE void pauli_sums(
    const int M, const double *ket_re, const double *ket_im, const double *bra_re, const double *bra_im, int64_t count,
    const int64_t *x_masks, const int64_t *z_masks, double *out) {
    double sr[4] = {0, 0, 0, 0}, si[4] = {0, 0, 0, 0};
    for (int64_t i = 0; i < count; i++) {
        const double ar = ket_re[i], ai = ket_im[i];
        for (int p = 0; p < M; p++) {
            const int64_t b = i ^ x_masks[p];
            const int odd = __builtin_parityll((unsigned long long)(i & z_masks[p]));
            sr[p] += flipped(bra_re[b] * ar + bra_im[b] * ai, odd);
            si[p] += flipped(bra_re[b] * ai - bra_im[b] * ar, odd);
        }
    }
    for (int p = 0; p < M; p++) {
        out[2 * p] = sr[p];
        out[2 * p + 1] = si[p];
    }
}

void quire_density_pauli_elements(
    const double *ket_re, const double *ket_im, const double *bra_re, const double *bra_im, int64_t count, int m,
    const int64_t *x_masks, const int64_t *z_masks, double *out) {
    switch (m) {
    case 1: pauli_sums(1, ket_re, ket_im, bra_re, bra_im, count, x_masks, z_masks, out); break;
    case 2: pauli_sums(2, ket_re, ket_im, bra_re, bra_im, count, x_masks, z_masks, out); break;
    case 3: pauli_sums(3, ket_re, ket_im, bra_re, bra_im, count, x_masks, z_masks, out); break;
    case 4: pauli_sums(4, ket_re, ket_im, bra_re, bra_im, count, x_masks, z_masks, out); break;
    default: break;
    }
}
