"""Writes compiled_unitaries.json: Qiskit's unitary of each compiled circuit in compiled/.

The .qasm files are written by Quire's `Circuit.qasm()` (CompiledQASMTests checks they are
reproduced byte for byte); Qiskit reads them with `qiskit.qasm2.loads` and LEGACY_CUSTOM_INSTRUCTIONS (for
qelib1.inc as Qiskit ships it: sx, rxx, ...), the device-native gates
through the `gate` definitions in each file's header. Run: /tmp/venv/bin/python generate_compiled_unitaries.py
(qiskit 2.x). The matrix is qiskit.quantum_info.Operator, global phase included, little-endian.
"""
import json
import os

import qiskit.qasm2 as qasm2
from qiskit.quantum_info import Operator

folder = os.path.dirname(os.path.abspath(__file__))
cases = {}
for name in sorted(os.listdir(os.path.join(folder, "compiled"))):
    with open(os.path.join(folder, "compiled", name)) as f:
        matrix = Operator(qasm2.loads(f.read(), custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)).data
    cases[name] = {"real": [float(x) for x in matrix.real.flatten()], "imag": [float(x) for x in matrix.imag.flatten()]}
with open(os.path.join(folder, "compiled_unitaries.json"), "w") as f:
    json.dump(cases, f)
print(len(cases), "circuits")
