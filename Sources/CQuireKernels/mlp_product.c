// The MLP baseline's matrix products and element-wise steps (see include/mlp_product.h).
#include "mlp_product.h"

#include <string.h>

/// Columns done together: one vector of four doubles (two SSE2 registers), and its lane masks.
enum { WIDTH = 4 };
typedef double quad __attribute__((vector_size(WIDTH * sizeof(double))));
typedef int64_t quad_mask __attribute__((vector_size(WIDTH * sizeof(int64_t))));

/// Rows done together, so that four independent sums hide the latency of each add.
enum { ROWS = 4 };

#define INLINE static inline __attribute__((always_inline))

// Each term is a multiply then an add, rounded twice, as in the Swift loop it replaces.
#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

INLINE quad load_quad(const double *p) {
    quad v;
    memcpy(&v, p, sizeof v);
    return v;
}

INLINE void store_quad(double *p, quad v) { memcpy(p, &v, sizeof v); }

/// `sum` where `keep`, else `old`, chosen bit for bit (a +0 added to a −0 would turn it into +0).
INLINE quad select_quad(int keep, quad sum, quad old) {
    quad_mask mask = (quad_mask){0, 0, 0, 0} - (int64_t)(keep != 0);
    quad_mask bits = ((quad_mask)sum & mask) | ((quad_mask)old & ~mask);
    return (quad)bits;
}

/// The scalar `select_quad`, without a branch (ReLU outputs are zero about half the time, at random).
INLINE double select_double(int keep, double sum, double old) {
    const uint64_t mask = (uint64_t)0 - (uint64_t)(keep != 0);
    uint64_t a, b;
    memcpy(&a, &sum, sizeof a);
    memcpy(&b, &old, sizeof b);
    const uint64_t bits = (a & mask) | (b & ~mask);
    double result;
    memcpy(&result, &bits, sizeof result);
    return result;
}

/// `R` rows from `r0` (R ≤ ROWS, a constant after inlining): the full column quads with vector
/// sums, then the remaining columns one at a time.
INLINE void rows_tile(
    const int R, const int skip, int64_t r0, int64_t cols, int64_t depth, const double *a, int64_t ars, int64_t aks,
    const double *b, int64_t ldb, const double *init, double *c, int64_t ldc) {
    int64_t j = 0;
    for (; j + WIDTH <= cols; j += WIDTH) {
        quad sum[ROWS];
        const quad start = init ? load_quad(init + j) : (quad){0, 0, 0, 0};
        for (int q = 0; q < R; q++) sum[q] = start;
        for (int64_t k = 0; k < depth; k++) {
            const quad bk = load_quad(b + k * ldb + j);
            for (int q = 0; q < R; q++) {
                const double x = a[(r0 + q) * ars + k * aks];
                const quad added = sum[q] + (quad){x, x, x, x} * bk;
                sum[q] = skip ? select_quad(x != 0, added, sum[q]) : added;
            }
        }
        for (int q = 0; q < R; q++) store_quad(c + (r0 + q) * ldc + j, sum[q]);
    }
    for (; j < cols; j++) {
        double sum[ROWS];
        const double start = init ? init[j] : 0.0;
        for (int q = 0; q < R; q++) sum[q] = start;
        for (int64_t k = 0; k < depth; k++) {
            const double bk = b[k * ldb + j];
            for (int q = 0; q < R; q++) {
                const double x = a[(r0 + q) * ars + k * aks];
                const double added = sum[q] + x * bk;
                sum[q] = skip ? select_double(x != 0, added, sum[q]) : added;
            }
        }
        for (int q = 0; q < R; q++) c[(r0 + q) * ldc + j] = sum[q];
    }
}

/// All rows, ROWS at a time, then the remainder; `skip` a constant after inlining.
INLINE void product(
    const int skip, int64_t rows, int64_t cols, int64_t depth, const double *a, int64_t ars, int64_t aks, const double *b,
    int64_t ldb, const double *init, double *c, int64_t ldc) {
    int64_t r = 0;
    for (; r + ROWS <= rows; r += ROWS) rows_tile(ROWS, skip, r, cols, depth, a, ars, aks, b, ldb, init, c, ldc);
    switch (rows - r) {
    case 3: rows_tile(3, skip, r, cols, depth, a, ars, aks, b, ldb, init, c, ldc); break;
    case 2: rows_tile(2, skip, r, cols, depth, a, ars, aks, b, ldb, init, c, ldc); break;
    case 1: rows_tile(1, skip, r, cols, depth, a, ars, aks, b, ldb, init, c, ldc); break;
    default: break;
    }
}

void quire_mlp_product(
    int64_t rows, int64_t cols, int64_t depth, const double *a, int64_t a_row_stride, int64_t a_depth_stride,
    const double *b, int64_t ldb, const double *init, double *c, int64_t ldc, int skip_zeros) {
    if (skip_zeros)
        product(1, rows, cols, depth, a, a_row_stride, a_depth_stride, b, ldb, init, c, ldc);
    else
        product(0, rows, cols, depth, a, a_row_stride, a_depth_stride, b, ldb, init, c, ldc);
}

void quire_mlp_relu_gate(int64_t count, double *values, const double *gate) {
    int64_t k = 0;
    for (; k + WIDTH <= count; k += WIDTH) {
        const quad g = load_quad(gate + k);
        const quad_mask open = g > (quad){0, 0, 0, 0};
        store_quad(values + k, (quad)((quad_mask)load_quad(values + k) & open));
    }
    for (; k < count; k++) values[k] = gate[k] > 0 ? values[k] : 0.0;
}

void quire_mlp_adam_step(
    int64_t count, double *values, double *first, double *second, const double *gradient, double beta1, double beta2,
    double epsilon, double rate) {
    const double keep1 = 1 - beta1, keep2 = 1 - beta2;
    const quad b1 = {beta1, beta1, beta1, beta1}, b2 = {beta2, beta2, beta2, beta2};
    const quad k1 = {keep1, keep1, keep1, keep1}, k2 = {keep2, keep2, keep2, keep2};
    const quad eps = {epsilon, epsilon, epsilon, epsilon}, step = {rate, rate, rate, rate};
    int64_t k = 0;
    for (; k + WIDTH <= count; k += WIDTH) {
        const quad g = load_quad(gradient + k);
        const quad m = b1 * load_quad(first + k) + k1 * g;
        const quad r = b2 * load_quad(second + k) + k2 * g * g;
        store_quad(first + k, m);
        store_quad(second + k, r);
        store_quad(values + k, load_quad(values + k) - step * m / (__builtin_elementwise_sqrt(r) + eps));
    }
    for (; k < count; k++) {
        const double g = gradient[k];
        first[k] = beta1 * first[k] + keep1 * g;
        second[k] = beta2 * second[k] + keep2 * g * g;
        values[k] = values[k] - rate * first[k] / (__builtin_sqrt(second[k]) + epsilon);
    }
}
