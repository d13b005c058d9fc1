// Software prefetch for the statevector kernels (QuireKernels). Swift has no prefetch primitive;
// this header-only module exposes the compiler builtin, which Swift inlines like any static
// inline C function. A prefetch is a hint: it never faults and never changes a value.
#ifndef QUIRE_PREFETCH_H
#define QUIRE_PREFETCH_H

/// Asks the cache hierarchy to fetch the line holding `address` for writing, into every level.
static inline __attribute__((always_inline)) void quire_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
