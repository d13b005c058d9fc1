// The factored fused-gate kernel of the statevector engine: a run of one-qubit gates and
// permutations (cx, swap, x, ccx…) on k ≤ 4 qubits applied to each group of 2^k amplitudes while
// it is held in registers, instead of as their dense 2^k × 2^k product. A one-qubit factor costs 2
// complex multiply-adds per amplitude and a permutation none, against 2^k for the dense product,
// so where the factors are few this is less arithmetic for the same memory traffic (the rule of
// Qiskit Aer's cost-based fuser). Compiled portable, AVX2+FMA and AVX-512F like fused_gate.c, with
// the same IEEE operations per amplitude on every path, so results are equal to the last bit.
#ifndef QUIRE_FACTORED_GATE_H
#define QUIRE_FACTORED_GATE_H

#include <stdint.h>

#include "fused_gate.h"

/// Applies `factorCount` 2×2 matrices (`factors`, 8 doubles each: m00, m01, m10, m11 as (re, im))
/// to `qubits[0..<k]` of the amplitudes (`re`, `im`), for the amplitude groups `first..<end`, with
/// the qubits in `removed[0..<removedCount]` held at 0 as in `quire_apply_fused_gates_blocked`.
/// A group's 2^k amplitudes start in slots 0..<2^k (slot l: local index l, bit j on `qubits[j]`).
/// Factor f mixes the slot pairs `slots[2^k·f + 2p]` (a) and `slots[2^k·f + 2p + 1]` (b) for
/// p < 2^(k−1): a ← m00·a + m01·b, b ← m10·a + m11·b; after the last factor, local index r is
/// written from slot `slots[2^k·factorCount + r]`. Permutations between factors are thus free:
/// they only renumber slots (FusedGate in QuireKernels computes the slots).
void quire_apply_factored_gate(
    double *re, double *im, int k, const int64_t *qubits, int factorCount, const double *factors,
    const uint8_t *slots, int64_t first, int64_t end, const int64_t *removed, int removedCount,
    quire_simd_path path);

#endif
