// Gathering and scattering the amplitude groups of the fused-gate kernels (fused_gate.c,
// factored_gate.c): LANES consecutive groups at once, as plain vector loads and stores where their
// amplitudes are consecutive in memory, else one lane at a time. Internal to CQuireKernels.
#ifndef QUIRE_AMPLITUDE_GROUPS_H
#define QUIRE_AMPLITUDE_GROUPS_H

#include "kernel_lanes.h"

/// Where the LANES groups from `j` lie: `*base` is group j's first amplitude; if they are
/// consecutive (within one run of 2^sorted[0] groups, and before `end`) returns LANES and sets
/// `*contiguous`, else fills `bases` (lanes past the returned count repeat group j, computed and
/// never stored) and returns how many groups there are.
INLINE int64_t locate_groups(
    int64_t j, int64_t end, const int64_t *sorted, int zeros, int64_t *base, int *contiguous, int64_t *bases) {
    const int64_t run = INT64_C(1) << sorted[0];
    *base = insert_zeros(j, sorted, zeros);
    *contiguous = (j & (run - 1)) + LANES <= run && j + LANES <= end;
    if (*contiguous) return LANES;
    const int64_t count = end - j < LANES ? end - j : LANES;
    for (int w = 0; w < LANES; w++) bases[w] = w < count ? insert_zeros(j + w, sorted, zeros) : *base;
    return count;
}

/// Loads the groups' amplitude at `offset` from each group's first one.
INLINE void load_amplitude(
    const double *re, const double *im, int64_t offset, int contiguous, int64_t base, const int64_t *bases,
    lanes *xr, lanes *xi) {
    if (contiguous) {
        *xr = load_lanes(re + base + offset);
        *xi = load_lanes(im + base + offset);
    } else {
        for (int w = 0; w < LANES; w++) {
            (*xr)[w] = re[bases[w] + offset];
            (*xi)[w] = im[bases[w] + offset];
        }
    }
}

/// Stores the first `count` lanes of (`yr`, `yi`) to the groups' amplitude at `offset`.
INLINE void store_amplitude(
    double *re, double *im, int64_t offset, int contiguous, int64_t base, const int64_t *bases, int64_t count,
    lanes yr, lanes yi) {
    if (contiguous) {
        store_lanes(re + base + offset, yr);
        store_lanes(im + base + offset, yi);
    } else {
        for (int w = 0; w < count; w++) {
            re[bases[w] + offset] = yr[w];
            im[bases[w] + offset] = yi[w];
        }
    }
}

#endif
