// The matrix products and element-wise steps of the MLP baseline's training, in C so that one kernel
// keeps a tile of sums in registers across the whole depth, where Swift reloads and stores them.
// Every sum is the scalar loop's: it starts from its initial value and adds a·b term by term in
// depth order, one multiply and one add each (never fused), so results equal that loop's bit for bit.
// Each kernel is compiled for several instruction sets (portable, AVX2, AVX-512), chosen by `path`
// as for fused_gate.h; every copy does the same operations in the same order, so the path never
// changes a bit.
#ifndef QUIRE_MLP_PRODUCT_H
#define QUIRE_MLP_PRODUCT_H

#include <stdint.h>

#include "fused_gate.h"

/// c[r·ldc + j] = (init ? init[j] : +0) + Σ_k a[r·a_row_stride + k·a_depth_stride] · b[k·ldb + j],
/// for r < rows and j < cols, the terms added one at a time in ascending k; with skip_zeros a term
/// whose a is zero (±0) is left out, as `if a == 0 { continue }` would; with relu each sum below
/// zero is stored as +0 (the ReLU `c < 0 ? 0 : c`, −0 and NaN kept).
void quire_mlp_product(
    int64_t rows, int64_t cols, int64_t depth, const double *a, int64_t a_row_stride, int64_t a_depth_stride,
    const double *b, int64_t ldb, const double *init, double *c, int64_t ldc, int skip_zeros,
    int relu, quire_simd_path path);

/// values[k] = gate[k] > 0 ? values[k] : +0 for k < count: back-propagation through a ReLU.
void quire_mlp_relu_gate(int64_t count, double *values, const double *gate, quire_simd_path path);

/// One Adam step over count parameters, each as the scalar
/// m = β₁·m + (1 − β₁)·g; r = β₂·r + ((1 − β₂)·g)·g; v = v − (rate·m) / (√r + ε).
void quire_mlp_adam_step(
    int64_t count, double *values, double *first, double *second, const double *gradient, double beta1, double beta2,
    double epsilon, double rate, quire_simd_path path);

#endif
