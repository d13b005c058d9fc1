// Lane helpers shared by the C kernels: LANES consecutive amplitude groups as one vector of eight
// doubles (one AVX-512 register, two AVX2, four SSE2), gathered by inserting zero bits into the
// group index. Internal to CQuireKernels (not under include/).
#ifndef QUIRE_KERNEL_LANES_H
#define QUIRE_KERNEL_LANES_H

#include <stdint.h>
#include <string.h>

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

#endif
