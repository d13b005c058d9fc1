// Module QuireKernels (DESIGN §1): amplitude storage (`AmplitudeBuffer`, split re/im) and every hot
// loop of the simulator — gate kernels by structure, dense and diagonal k-qubit matrices, reductions
// summed in a thread-independent order (`Parallel`), probability-vector loops. No dependencies; the
// kernels are `@inlinable` so QuireSimulator specialises them.
