"""Writes circuits.json: random circuits as op lists with Qiskit Aer's exact probabilities.

Run: /work/venv/bin/python generate_circuits.py (qiskit 2.x, qiskit-aer 0.18). Sections:
- "statevector": u3 layers + cx brickwork, and a mix of every standard gate; Aer statevector.
- "depolarizing": gates with Aer's depolarizing_error(lambda, 1) after one-qubit gates and
  depolarizing_error(lambda, 2) after two-qubit gates; Aer density_matrix.
- "midcircuit": measurements, resets and if(c==v) conditions. The exact reference is the deferred
  measurement circuit (measure = CX onto a fresh ancilla, reset = SWAP with a fresh ancilla,
  condition = the gate controlled on the ancillas holding the register, ctrl_state = v), run on
  Aer density_matrix and marginalised onto the data qubits.
Ops use the format of qasm_reference.py; probabilities[i] has qubit 0 as the least significant bit.
"""
import json
import os

import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, depolarizing_error

from qasm_reference import GATES, load

rng = np.random.default_rng(7)


def random_gate(names, qubits):
    name = names[rng.integers(len(names))]
    k, npar = GATES[name]
    wires = [int(q) for q in rng.permutation(qubits)[:k]]
    params = [2.0] if name == "u0" else [float(x) for x in rng.uniform(-2 * np.pi, 2 * np.pi, npar)]
    return {"gate": name, "qubits": wires, "parameters": params}


def brickwork(n, depth):
    ops = []
    for layer in range(depth):
        for q in range(n):
            ops.append({"gate": "u3", "qubits": [q], "parameters": [float(x) for x in rng.uniform(-np.pi, np.pi, 3)]})
        for q in range(layer % 2, n - 1, 2):
            ops.append({"gate": "cx", "qubits": [q, q + 1], "parameters": []})
    return ops


def aer_probabilities(circuit, method, noise=None, qubits=None):
    sim = AerSimulator(method=method, noise_model=noise)
    circuit = transpile(circuit, sim, optimization_level=0) if noise is None else circuit
    circuit.save_probabilities(qubits=qubits)
    return [float(x) for x in sim.run(circuit, shots=1).result().data()["probabilities"]]


cases = {"statevector": [], "depolarizing": [], "midcircuit": []}

for name, n, ops in [("brickwork-6x6", 6, brickwork(6, 6)), ("brickwork-10x8", 10, brickwork(10, 8)),
                     ("all-gates-6", 6, [random_gate(list(GATES), 6) for _ in range(80)]),
                     ("all-gates-7", 7, [random_gate(list(GATES), 7) for _ in range(120)])]:
    cases["statevector"].append({"name": name, "qubits": n, "clbits": 0, "ops": ops,
                                 "probabilities": aer_probabilities(load(n, 0, ops), "statevector")})

ONE = ["u3", "h", "sx", "rx", "ry", "rz", "x", "s", "t"]
TWO = ["cx", "cz", "swap", "rzz", "cp"]
for name, n, l1, l2 in [("depolarizing-4", 4, 0.01, 0.05), ("depolarizing-5", 5, 0.003, 0.02)]:
    ops = [random_gate(ONE if rng.uniform() < 0.6 else TWO, n) for _ in range(40)]
    noise = NoiseModel()
    noise.add_all_qubit_quantum_error(depolarizing_error(l1, 1), ONE)
    noise.add_all_qubit_quantum_error(depolarizing_error(l2, 2), TWO)
    cases["depolarizing"].append({"name": name, "qubits": n, "clbits": 0, "ops": ops, "lambda1": l1, "lambda2": l2,
                                  "probabilities": aer_probabilities(load(n, 0, ops), "density_matrix", noise)})


def deferred(n, clbits, ops):
    """The deferred-measurement circuit of an op list, and its data qubits."""
    fresh = n + sum(1 for op in ops if "measure" in op or "reset" in op)
    circuit = QuantumCircuit(fresh)
    holder = [None] * clbits  # ancilla currently holding each classical bit (None: still 0)
    nxt = n
    for op in ops:
        if "measure" in op:
            circuit.cx(op["measure"], nxt)
            holder[op["clbit"]] = nxt
            nxt += 1
        elif "reset" in op:
            circuit.swap(op["reset"], nxt)
            nxt += 1
        else:
            gate = load(n, 0, [{"gate": op["gate"], "qubits": list(range(len(op["qubits"]))), "parameters": op["parameters"]}]).data[0].operation
            if "condition" not in op:
                circuit.append(gate, op["qubits"])
                continue
            value = op["condition"][1]
            if any(holder[b] is None and value >> b & 1 for b in range(clbits)):
                continue  # an unmeasured bit is 0: the condition never holds
            controls = [holder[b] for b in range(clbits) if holder[b] is not None]
            state = sum((value >> b & 1) << i for i, b in enumerate(b for b in range(clbits) if holder[b] is not None))
            circuit.append(gate.control(len(controls), ctrl_state=state) if controls else gate, controls + op["qubits"])
    return circuit


for name, n, m, length in [("midcircuit-3", 3, 2, 14), ("midcircuit-4", 4, 2, 18), ("midcircuit-3b", 3, 3, 16)]:
    ops = []
    for _ in range(length):
        r = rng.uniform()
        if r < 0.2:
            ops.append({"measure": int(rng.integers(n)), "clbit": int(rng.integers(m))})
        elif r < 0.3:
            ops.append({"reset": int(rng.integers(n))})
        else:
            op = random_gate(["h", "u3", "rx", "cx", "ry", "cz", "swap", "ccx", "crx"] if n >= 3 else ["h", "u3", "cx"], n)
            if rng.uniform() < 0.4:
                op["condition"] = ["c", int(rng.integers(1 << m))]
            ops.append(op)
    cases["midcircuit"].append({"name": name, "qubits": n, "clbits": m, "ops": ops,
                                "probabilities": aer_probabilities(deferred(n, m, ops), "density_matrix",
                                                                   qubits=list(range(n)))})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "circuits.json"), "w") as f:
    json.dump(cases, f)
print({k: len(v) for k, v in cases.items()})
