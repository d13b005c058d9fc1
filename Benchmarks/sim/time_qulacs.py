#!/usr/bin/env python3
"""Times one layered circuit in qulacs, in its own process so that OMP_NUM_THREADS (read by
OpenMP when qulacs is first imported) takes effect: compare.py runs it once per thread count.

Usage: time_qulacs.py GATES.json THREADS REPEATS   (prints the best time in seconds)
GATES.json: {"qubits": n, "gates": [["u3", [q], [theta, phi, lambda]] | ["cx", [c, t], []], ...]}
"""
import json, math, sys, time

from qulacs import QuantumCircuit, QuantumState
from qulacs.gate import U3, CNOT


def main():
    spec = json.load(open(sys.argv[1]))
    repeats = int(sys.argv[3])
    circuit = QuantumCircuit(spec["qubits"])
    for name, qubits, angles in spec["gates"]:
        circuit.add_gate(U3(qubits[0], *angles) if name == "u3" else CNOT(qubits[0], qubits[1]))
    best = math.inf
    for _ in range(repeats):
        state = QuantumState(spec["qubits"])
        start = time.perf_counter()
        circuit.update_quantum_state(state)
        best = min(best, time.perf_counter() - start)
    print(best)


if __name__ == "__main__":
    main()
