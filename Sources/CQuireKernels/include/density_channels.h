// The fused sweep of the density-matrix path of training: a run of gates (row and column sides)
// and channel superoperators on a few qubits of a vectorised ρ, done in one pass over memory
// instead of one pass per kernel. In C for the same reason as fused_gate.h (one source, copies
// for several instruction sets). Every element is computed by the same IEEE operations in the
// same order as the single-kernel Swift loops (AmplitudeBuffer's rotations, applyMatrix,
// applyPhase, applyControlledNot, applyDense), with no contraction, so results are equal to the
// last bit to applying those kernels one by one, on every copy.
#ifndef QUIRE_DENSITY_CHANNELS_H
#define QUIRE_DENSITY_CHANNELS_H

#include <stdint.h>

#include "fused_gate.h"

/// The largest number of state bits one sweep's group spans (2^6 = 64 elements a group).
#define QUIRE_DENSITY_MAX_BITS 6

/// What one operation of a sweep does to a group (local index bit j = the sweep's `bits[j]`).
typedef enum {
    /// exp(−i·a·X/2) on local bit `bit`, with c = cos(a/2), s = sin(a/2) (AmplitudeBuffer.applyRotation).
    QUIRE_DENSITY_ROTATION_X = 0,
    /// exp(−i·a·Y/2) on `bit`.
    QUIRE_DENSITY_ROTATION_Y = 1,
    /// exp(−i·a·Z/2) on `bit`.
    QUIRE_DENSITY_ROTATION_Z = 2,
    /// The 2×2 `matrix` (m00, m01, m10, m11 as re, im) on `bit` where the local `mask` bits are 1.
    QUIRE_DENSITY_MATRIX = 3,
    /// c + i·s on the elements whose local `mask` bits are all 1.
    QUIRE_DENSITY_PHASE = 4,
    /// Swaps the pairs that differ in `bit` where the local `mask` bits are 1 (CX).
    QUIRE_DENSITY_CX = 5,
    /// A sparse matrix on the group: row r (local index) is Σ over entries `starts[r]..<starts[r+1]`
    /// of `matrix` value × element `columns[e]`, summed in entry order from 0 (applyDense's order).
    QUIRE_DENSITY_SPARSE = 6,
    /// Copies the group's current elements to `store_re`, `store_im` at their own indices (snapshots).
    QUIRE_DENSITY_STORE = 7,
} quire_density_op_kind;

/// One operation of a sweep; fields a kind does not use are ignored.
typedef struct {
    int32_t kind;
    int32_t bit;
    int32_t mask;
    int32_t reserved;
    double c, s;
    const double *matrix;
    const int32_t *starts;
    const int32_t *columns;
    double *store_re, *store_im;
} quire_density_op;

/// Applies `ops` in order to the groups `first..<end` of the vectorised ρ (`re`, `im`): group j is
/// the 2^k elements whose index with the `k` ascending `bits` removed is j. Groups are independent,
/// so results do not depend on the range split or on `path`.
void quire_density_sweep(
    double *re, double *im, int k, const int64_t *bits, const quire_density_op *ops, int op_count,
    int64_t first, int64_t end, quire_simd_path path);

/// For each of the `m` (≤ 4) Pauli operators X^x Z^z: Σᵢ conj(bra[i ⊕ x]) · (−1)^popcount(i & z) · ket[i]
/// as (re, im) into `out[2p]`, `out[2p + 1]`, summed sequentially in index order
/// (AmplitudeBuffer.pauliMatrixElement's sums, all in one pass over memory).
void quire_density_pauli_elements(
    const double *ket_re, const double *ket_im, const double *bra_re, const double *bra_im, int64_t count, int m,
    const int64_t *x_masks, const int64_t *z_masks, double *out);

#endif
