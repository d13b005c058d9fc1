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

/// The layout of a kernel's amplitude groups: `offset[l]` (l < 2^k) is local index l's distance
/// from its group's first amplitude (bit j on `qubits[j]`), and `sorted[0..<k + removedCount]` the
/// targets and `removed` qubits in ascending order, the bits `insert_zeros` opens in a group number.
INLINE void group_layout(
    int k, const int64_t *qubits, const int64_t *removed, int removedCount, int64_t *offset, int64_t *sorted) {
    for (int l = 0; l < 1 << k; l++) {
        offset[l] = 0;
        for (int b = 0; b < k; b++)
            if (l >> b & 1) offset[l] |= INT64_C(1) << qubits[b];
    }
    for (int p = 0; p < k + removedCount; p++) {
        int64_t q = p < k ? qubits[p] : removed[p - k];
        int i = p;
        for (; i > 0 && sorted[i - 1] > q; i--) sorted[i] = sorted[i - 1];
        sorted[i] = q;
    }
}

INLINE lanes load_lanes(const double *p) {
    lanes v;
    memcpy(&v, p, sizeof v);
    return v;
}

INLINE void store_lanes(double *p, lanes v) { memcpy(p, &v, sizeof v); }

INLINE lanes splat(double x) { return (lanes){x, x, x, x, x, x, x, x}; }

#endif
