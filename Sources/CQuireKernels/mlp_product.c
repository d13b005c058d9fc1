// The MLP baseline's matrix products and element-wise steps (see include/mlp_product.h).
#include "mlp_product.h"

#include <string.h>

#include "kernel_lanes.h"

// Each term is a multiply then an add, rounded twice, as in the Swift loop it replaces: no copy may
// contract them into a fused multiply-add, so every copy rounds alike.
#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
// Vectors of eight doubles pass between always-inlined helpers only, never across a call.
#pragma clang diagnostic ignored "-Wpsabi"
#endif

/// A lane mask: all ones where a lane is kept.
typedef int64_t lane_mask __attribute__((vector_size(LANES * sizeof(int64_t))));

/// The most rows one column tile sums together (AVX-512's copy; the others take fewer).
enum { MAX_ROWS = 8 };

/// `sum` where `keep` is all ones, else `old`, chosen bit for bit (a +0 added to a −0 would turn it into +0).
INLINE lanes select_lanes(lane_mask keep, lanes sum, lanes old) {
    return (lanes)(((lane_mask)sum & keep) | ((lane_mask)old & ~keep));
}

/// `x < 0 ? +0 : x` in every lane (−0 and NaN stay as they are), as the ReLU's Swift select.
INLINE lanes relu_lanes(lanes x) { return (lanes)((lane_mask)x & ~(lane_mask)(x < splat(0))); }

/// `R` rows from `r0` (R ≤ ROWS, a constant after inlining) times the eight columns from `j`: R
/// vector sums kept in registers across the whole depth; `relu` (a constant) stores max-ReLU'd sums.
INLINE void column_tile(
    const int R, const int skip, const int relu, int64_t r0, int64_t j, int64_t depth, const double *a, int64_t ars, int64_t aks,
    const double *b, int64_t ldb, const double *init, double *c, int64_t ldc) {
    lanes sum[MAX_ROWS];
    const lanes start = init ? load_lanes(init + j) : splat(0);
    for (int q = 0; q < R; q++) sum[q] = start;
    for (int64_t k = 0; k < depth; k++) {
        const lanes bk = load_lanes(b + k * ldb + j);
        for (int q = 0; q < R; q++) {
            // The mask from a vector compare, which the compiler turns into a blend (or a masked add).
            const lanes x = splat(a[(r0 + q) * ars + k * aks]);
            const lanes added = sum[q] + x * bk;
            sum[q] = skip ? select_lanes(x != splat(0), added, sum[q]) : added;
        }
    }
    for (int q = 0; q < R; q++) store_lanes(c + (r0 + q) * ldc + j, relu ? relu_lanes(sum[q]) : sum[q]);
}

/// One depth step of `row_tile`: `x` (one row a lane) times `bk[t]` added to column t's sums.
INLINE void add_row_terms(const int N, const int skip, lanes x, const double *bk, lanes *sum) {
    const lane_mask open = x != splat(0);
    for (int t = 0; t < N; t++) {
        const lanes added = sum[t] + x * splat(bk[t]);
        sum[t] = skip ? select_lanes(open, added, sum[t]) : added;
    }
}

/// The `N` (< LANES, a constant after inlining) last columns from `j` for the rows `r0..<r0 + count`
/// (count ≤ LANES), the rows across the lanes: one vector of sums per column, so that narrow
/// products (a single output unit) vectorise too. Lanes past `count` repeat row r0; they are
/// computed and never stored.
INLINE void row_tile(
    const int N, const int skip, const int relu, int64_t r0, int64_t count, int64_t j, int64_t depth, const double *a, int64_t ars,
    int64_t aks, const double *b, int64_t ldb, const double *init, double *c, int64_t ldc) {
    lanes sum[LANES];
    for (int t = 0; t < N; t++) sum[t] = splat(init ? init[j + t] : 0);
    int64_t row[LANES];
    for (int w = 0; w < LANES; w++) row[w] = (r0 + (w < count ? w : 0)) * ars;
    if (ars == 1 && count == LANES)
        for (int64_t k = 0; k < depth; k++) add_row_terms(N, skip, load_lanes(a + r0 + k * aks), b + k * ldb + j, sum);
    else
        for (int64_t k = 0; k < depth; k++) {
            lanes x;
            for (int w = 0; w < LANES; w++) x[w] = a[row[w] + k * aks];
            add_row_terms(N, skip, x, b + k * ldb + j, sum);
        }
    for (int t = 0; t < N; t++) {
        const lanes out = relu ? relu_lanes(sum[t]) : sum[t];
        for (int w = 0; w < count; w++) c[(r0 + w) * ldc + j + t] = out[w];
    }
}

/// The columns past the last full tile from `j`, LANES rows at a time.
INLINE void narrow_columns(
    const int skip, const int relu, int64_t rows, int64_t cols, int64_t j, int64_t depth, const double *a, int64_t ars, int64_t aks,
    const double *b, int64_t ldb, const double *init, double *c, int64_t ldc) {
    for (int64_t r = 0; r < rows; r += LANES) {
        const int64_t count = rows - r < LANES ? rows - r : LANES;
#define QUIRE_MLP_ROW_TILE(N) row_tile(N, skip, relu, r, count, j, depth, a, ars, aks, b, ldb, init, c, ldc)
        switch (cols - j) {
        case 1: QUIRE_MLP_ROW_TILE(1); break;
        case 2: QUIRE_MLP_ROW_TILE(2); break;
        case 3: QUIRE_MLP_ROW_TILE(3); break;
        case 4: QUIRE_MLP_ROW_TILE(4); break;
        case 5: QUIRE_MLP_ROW_TILE(5); break;
        case 6: QUIRE_MLP_ROW_TILE(6); break;
        case 7: QUIRE_MLP_ROW_TILE(7); break;
        default: break;
        }
#undef QUIRE_MLP_ROW_TILE
    }
}

/// The whole product: full column tiles `ROWS` rows at a time (4 or 8, a constant after inlining)
/// and the remaining rows, then the remaining columns across rows; `skip` and `relu` are constants.
INLINE void product(
    const int ROWS, const int skip, const int relu, int64_t rows, int64_t cols, int64_t depth, const double *a,
    int64_t ars, int64_t aks, const double *b, int64_t ldb, const double *init, double *c, int64_t ldc) {
    int64_t j = 0;
    for (; j + LANES <= cols; j += LANES) {
#define QUIRE_MLP_COLUMN_TILE(R) column_tile(R, skip, relu, r, j, depth, a, ars, aks, b, ldb, init, c, ldc)
        int64_t r = 0;
        for (; r + ROWS <= rows; r += ROWS) QUIRE_MLP_COLUMN_TILE(ROWS);
        if (ROWS > 4 && rows - r >= 4) {
            QUIRE_MLP_COLUMN_TILE(4);
            r += 4;
        }
        switch (rows - r) {
        case 3: QUIRE_MLP_COLUMN_TILE(3); break;
        case 2: QUIRE_MLP_COLUMN_TILE(2); break;
        case 1: QUIRE_MLP_COLUMN_TILE(1); break;
        default: break;
        }
#undef QUIRE_MLP_COLUMN_TILE
    }
    if (j < cols) narrow_columns(skip, relu, rows, cols, j, depth, a, ars, aks, b, ldb, init, c, ldc);
}

/// values[k] = gate[k] > 0 ? values[k] : +0, LANES at a time, then one at a time.
INLINE void relu_gate(int64_t count, double *values, const double *gate) {
    int64_t k = 0;
    for (; k + LANES <= count; k += LANES) {
        const lane_mask open = load_lanes(gate + k) > splat(0);
        store_lanes(values + k, (lanes)((lane_mask)load_lanes(values + k) & open));
    }
    for (; k < count; k++) values[k] = gate[k] > 0 ? values[k] : 0.0;
}

/// The Adam step of the header, LANES parameters at a time, then one at a time.
INLINE void adam_step(
    int64_t count, double *values, double *first, double *second, const double *gradient, double beta1, double beta2,
    double epsilon, double rate) {
    const double keep1 = 1 - beta1, keep2 = 1 - beta2;
    const lanes b1 = splat(beta1), b2 = splat(beta2), k1 = splat(keep1), k2 = splat(keep2);
    const lanes eps = splat(epsilon), step = splat(rate);
    int64_t k = 0;
    for (; k + LANES <= count; k += LANES) {
        const lanes g = load_lanes(gradient + k);
        const lanes m = b1 * load_lanes(first + k) + k1 * g;
        const lanes r = b2 * load_lanes(second + k) + k2 * g * g;
        store_lanes(first + k, m);
        store_lanes(second + k, r);
        store_lanes(values + k, load_lanes(values + k) - step * m / (__builtin_elementwise_sqrt(r) + eps));
    }
    for (; k < count; k++) {
        const double g = gradient[k];
        first[k] = beta1 * first[k] + keep1 * g;
        second[k] = beta2 * second[k] + keep2 * g * g;
        values[k] = values[k] - rate * first[k] / (__builtin_sqrt(second[k]) + epsilon);
    }
}

/// One compiled copy of the three kernels under the function attributes `ATTRIBUTES`, column tiles
/// of `ROWS` rows (as many as the registers hold with room to spare: 4 vectors of eight doubles
/// take 16 SSE2 or 8 AVX2 registers, 8 take 8 of AVX-512's 32).
#define QUIRE_MLP_COPY(SUFFIX, ROWS, ATTRIBUTES)                                                                   \
    ATTRIBUTES static void product_##SUFFIX(                                                                      \
        int64_t rows, int64_t cols, int64_t depth, const double *a, int64_t ars, int64_t aks, const double *b,     \
        int64_t ldb, const double *init, double *c, int64_t ldc, int skip_zeros, int relu) {                      \
        if (skip_zeros && relu)                                                                                    \
            product(ROWS, 1, 1, rows, cols, depth, a, ars, aks, b, ldb, init, c, ldc);                             \
        else if (skip_zeros)                                                                                       \
            product(ROWS, 1, 0, rows, cols, depth, a, ars, aks, b, ldb, init, c, ldc);                             \
        else if (relu)                                                                                             \
            product(ROWS, 0, 1, rows, cols, depth, a, ars, aks, b, ldb, init, c, ldc);                             \
        else                                                                                                       \
            product(ROWS, 0, 0, rows, cols, depth, a, ars, aks, b, ldb, init, c, ldc);                             \
    }                                                                                                              \
    ATTRIBUTES static void relu_gate_##SUFFIX(int64_t count, double *values, const double *gate) {                \
        relu_gate(count, values, gate);                                                                            \
    }                                                                                                              \
    ATTRIBUTES static void adam_step_##SUFFIX(                                                                    \
        int64_t count, double *values, double *first, double *second, const double *gradient, double beta1,        \
        double beta2, double epsilon, double rate) {                                                               \
        adam_step(count, values, first, second, gradient, beta1, beta2, epsilon, rate);                            \
    }

QUIRE_MLP_COPY(portable, 4, )
#if defined(__x86_64__)
QUIRE_MLP_COPY(avx2, 4, __attribute__((target("avx2"))))
QUIRE_MLP_COPY(avx512, 8, __attribute__((target("avx512f"), min_vector_width(512))))
/// The copy of kernel `NAME` for `path`, called with the arguments that follow.
#define QUIRE_MLP_ON_PATH(NAME, path, ...)                                  \
    do {                                                                    \
        if (path == QUIRE_SIMD_AVX512)                                      \
            NAME##_avx512(__VA_ARGS__);                                     \
        else if (path == QUIRE_SIMD_AVX2)                                   \
            NAME##_avx2(__VA_ARGS__);                                       \
        else                                                                \
            NAME##_portable(__VA_ARGS__);                                   \
    } while (0)
#else
#define QUIRE_MLP_ON_PATH(NAME, path, ...) ((void)(path), NAME##_portable(__VA_ARGS__))
#endif

void quire_mlp_product(
    int64_t rows, int64_t cols, int64_t depth, const double *a, int64_t a_row_stride, int64_t a_depth_stride,
    const double *b, int64_t ldb, const double *init, double *c, int64_t ldc, int skip_zeros, int relu,
    quire_simd_path path) {
    QUIRE_MLP_ON_PATH(
        product, path, rows, cols, depth, a, a_row_stride, a_depth_stride, b, ldb, init, c, ldc, skip_zeros, relu);
}

void quire_mlp_relu_gate(int64_t count, double *values, const double *gate, quire_simd_path path) {
    QUIRE_MLP_ON_PATH(relu_gate, path, count, values, gate);
}

void quire_mlp_adam_step(
    int64_t count, double *values, double *first, double *second, const double *gradient, double beta1, double beta2,
    double epsilon, double rate, quire_simd_path path) {
    QUIRE_MLP_ON_PATH(adam_step, path, count, values, first, second, gradient, beta1, beta2, epsilon, rate);
}
