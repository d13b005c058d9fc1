#!/usr/bin/env python3
"""Qiskit's side of the compile benchmark: transpile the circuit quire-bench wrote to FakeMontrealV2
(optimization_level=1, seed_transpiler=1), median of 9 runs after one warm-up; prints one line like
quire-bench's. Usage: qiskit_transpile.py CIRCUIT.qasm"""

import statistics
import sys
import time

import qiskit
import qiskit.qasm2 as qasm2
from qiskit import transpile
from qiskit_ibm_runtime.fake_provider import FakeMontrealV2


def main():
    circuit = qasm2.load(sys.argv[1], custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    backend = FakeMontrealV2()
    transpile(circuit, backend, optimization_level=1, seed_transpiler=1)
    samples = []
    for _ in range(9):
        start = time.perf_counter()
        compiled = transpile(circuit, backend, optimization_level=1, seed_transpiler=1)
        samples.append(time.perf_counter() - start)
    two = sum(1 for instruction in compiled.data if instruction.operation.num_qubits == 2)
    print(f"qiskit {qiskit.__version__} transpile(optimization_level=1): {circuit.num_qubits} qubits, {len(circuit.data)} gates"
          f" → {backend.name}: {statistics.median(samples) * 1000:.1f} ms, {two} two-qubit gates, depth {compiled.depth()}")


if __name__ == "__main__":
    main()
