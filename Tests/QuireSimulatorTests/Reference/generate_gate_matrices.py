"""Writes gate_matrices.json: Qiskit's matrix of every StandardGate for random parameters.

Run: /work/venv/bin/python generate_gate_matrices.py (qiskit 2.x, qiskit-ionq 1.x). The matrix is
qiskit.quantum_info.Operator of a one-gate circuit on qubits [0, 1, ...] in order, so local index
bit j is the gate's j-th qubit (Qiskit's little-endian order, the same as Quire's).
"""
import json
import os

import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit.library import ECRGate
from qiskit.quantum_info import Operator
from qiskit_ionq import GPI2Gate, GPIGate, MSGate

from qasm_reference import GATES, load

rng = np.random.default_rng(20261125)
cases = []
for name, (k, npar) in GATES.items():
    for _ in range(3 if npar else 1):
        # u0's parameter is a delay length (an integer) in Qiskit; the gate is the identity.
        params = [2.0] if name == "u0" else [float(x) for x in rng.uniform(-2 * np.pi, 2 * np.pi, npar)]
        matrix = Operator(load(k, 0, [{"gate": name, "qubits": list(range(k)), "parameters": params}])).data
        cases.append({"gate": name, "parameters": params,
                      "real": [float(x) for x in matrix.real.flatten()],
                      "imag": [float(x) for x in matrix.imag.flatten()]})

# Device-native gates outside qelib1.inc, from their Qiskit classes. qiskit-ionq's phases are in
# turns; Quire's are in radians, so the class gets phi / 2pi. Their own generator keeps the cases
# above unchanged.
native_rng = np.random.default_rng(20261203)
NATIVE = {
    "ecr": (2, 0, lambda p: ECRGate()),
    "gpi": (1, 1, lambda p: GPIGate(p[0] / (2 * np.pi))),
    "gpi2": (1, 1, lambda p: GPI2Gate(p[0] / (2 * np.pi))),
    "ms": (2, 2, lambda p: MSGate(p[0] / (2 * np.pi), p[1] / (2 * np.pi))),
}
for name, (k, npar, make) in NATIVE.items():
    for _ in range(3 if npar else 1):
        params = [float(x) for x in native_rng.uniform(-2 * np.pi, 2 * np.pi, npar)]
        circuit = QuantumCircuit(k)
        circuit.append(make(params), list(range(k)))
        matrix = Operator(circuit).data
        cases.append({"gate": name, "parameters": params,
                      "real": [float(x) for x in matrix.real.flatten()],
                      "imag": [float(x) for x in matrix.imag.flatten()]})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gate_matrices.json"), "w") as f:
    json.dump(cases, f)
print(len(cases), "cases")
