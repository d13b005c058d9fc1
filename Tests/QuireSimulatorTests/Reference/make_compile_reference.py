#!/usr/bin/env python3
"""Noisy probabilities of circuits compiled by Quire, by Qiskit Aer on the same device snapshots.

Writes compiled_circuits.json next to this script, for the conformance test of Quire's compiled
circuits run with device noise (`DeviceCompiler`, `DeviceCompilation.run`, README "Devices"). This checks
the noise on compiled circuits, not Qiskit's compiler: Quire compiles, Aer simulates. Run once, with a
debug build of quire and qiskit, qiskit-aer and qiskit-ibm-runtime installed (versions recorded):

    swift build && python Tests/QuireSimulatorTests/Reference/make_compile_reference.py [path/to/quire]

For each case, a logical circuit (OpenQASM 2, qelib1 gates, some on three qubits, on qubit pairs the
device does not couple) is compiled by `quire sim --device conf_<name>.json --properties
props_<name>.json --layout L --optimization O --routing-seed S --emit-qasm FILE`; the file's comment
lines give the initial and final layouts. The compiled circuit acts on a few physical qubits of the
device; it is evolved exactly on those ("active") qubits with qiskit.quantum_info (each gate's
Operator, then the SuperOp of the error `NoiseModel.from_backend(Fake<Name>V2())` attaches to that
instruction on those physical qubits), readout error of each physical qubit applied, and checked
against Aer's density-matrix method running the same circuit (to 1e-8). "probabilities" are then
over the logical qubits: index bit q is the physical qubit final_layout[q], other qubits summed
over: what `DeviceCompilation.run` must return.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import qiskit
import qiskit.qasm2 as qasm2
import qiskit_aer
import qiskit_ibm_runtime
from qiskit import QuantumCircuit
from qiskit.quantum_info import DensityMatrix, Operator, SuperOp
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel
from qiskit_ibm_runtime.fake_provider import FakeManilaV2, FakeMontrealV2

HERE = os.path.dirname(os.path.abspath(__file__))
BACKENDS = {"manila": FakeManilaV2, "montreal": FakeMontrealV2}
GATES = ["h", "x", "sx", "t", "rz", "ry", "cx", "cz", "cx", "swap", "ccx"]

# name, device, qubits, layout, optimization, routing seed, gates
CASES = [
    ("manila-trivial", "manila", 4, "trivial", 1, 3, 14),
    ("manila-noise-aware", "manila", 3, "noise-aware", 2, 4, 12),
    ("montreal-trivial", "montreal", 5, "trivial", 1, 5, 16),
    ("montreal-noise-aware", "montreal", 5, "noise-aware", 1, 6, 16),
    ("montreal-level-0", "montreal", 4, "noise-aware", 0, 7, 10),
]


def random_qasm(rng, qubits, length):
    lines = ["OPENQASM 2.0;", 'include "qelib1.inc";', f"qreg q[{qubits}];", f"creg c[{qubits}];"]
    for _ in range(length):
        gate = GATES[rng.integers(len(GATES))]
        operands = [int(x) for x in rng.choice(qubits, size={"ccx": 3}.get(gate, 2 if gate in ("cx", "cz", "swap") else 1), replace=False)]
        angle = f"({rng.uniform(-np.pi, np.pi)!r})" if gate in ("rz", "ry") else ""
        lines.append(f"{gate}{angle} " + ",".join(f"q[{q}]" for q in operands) + ";")
    lines.append("measure q -> c;")
    return "\n".join(lines) + "\n"


def compile_with_quire(quire, qasm, device, layout, optimization, seed):
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "logical.qasm")
        target = os.path.join(folder, "compiled.qasm")
        with open(source, "w") as f:
            f.write(qasm)
        subprocess.run(
            [quire, "sim", source, "--device", os.path.join(HERE, "devices", f"conf_{device}.json"),
             "--properties", os.path.join(HERE, "devices", f"props_{device}.json"), "--layout", layout,
             "--optimization", str(optimization), "--routing-seed", str(seed), "--emit-qasm", target],
            check=True, stdout=subprocess.DEVNULL)
        with open(target) as f:
            return f.read()


def layout(text, which):
    return [int(x) for x in re.search(rf"// {which} layout \(physical qubit of each logical qubit\): ([0-9 ]*)", text).group(1).split()]


def active_qubits(circuit, initial, final):
    used = {circuit.find_bit(q).index for instruction in circuit.data for q in instruction.qubits}
    return sorted(used | set(initial) | set(final))


def exact_diagonal(circuit, noise_model, active):
    """The diagonal over the active qubits (index bit k = active[k]), evolved exactly with the model's
    gate errors (Aer's sampler drops mixture terms of tiny probability, so this is the reference)."""
    state = DensityMatrix.from_label("0" * len(active))
    position = {q: k for k, q in enumerate(active)}
    for instruction in circuit.data:
        operation = instruction.operation
        if operation.name in ("measure", "barrier"):
            continue
        physical = [circuit.find_bit(q).index for q in instruction.qubits]
        local = [position[q] for q in physical]
        state = state.reset(local) if operation.name == "reset" else state.evolve(Operator(operation), local)
        error = noise_model._local_quantum_errors.get(operation.name, {}).get(tuple(physical))
        if error is not None:
            state = state.evolve(SuperOp(error), local)
    return np.real(np.diag(state.data))


def read_out(p, noise_model, active):
    """`p` with each active qubit's readout error from the model applied."""
    for k, q in enumerate(active):
        error = noise_model._local_readout_errors.get((q,))
        if error is not None:
            m = np.asarray(error.probabilities)  # m[prepared][read]
            p = np.einsum("aib,ij->ajb", p.reshape(-1, 2, 2**k), m).reshape(-1)
    return p


def aer_diagonal(circuit, noise_model, active):
    """Aer's density-matrix method on the compiled circuit (idle qubits truncated), readout not applied."""
    body = circuit.copy_empty_like()
    for instruction in circuit.data:
        if instruction.operation.name != "measure":
            body.append(instruction)
    body.save_density_matrix(qubits=active)
    result = AerSimulator(method="density_matrix", noise_model=noise_model).run(body, shots=1).result()
    return np.real(np.diag(np.asarray(result.data(0)["density_matrix"])))


def main():
    quire = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../.build/debug/quire")
    rng = np.random.default_rng(2013)
    cases = []
    for name, device, qubits, layout_method, optimization, seed, length in CASES:
        noise_model = NoiseModel.from_backend(BACKENDS[device]())
        logical = random_qasm(rng, qubits, length)
        compiled = compile_with_quire(quire, logical, device, layout_method, optimization, seed)
        circuit = qasm2.loads(compiled, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
        initial, final = layout(compiled, "initial"), layout(compiled, "final")
        active = active_qubits(circuit, initial, final)
        unread = exact_diagonal(circuit, noise_model, active)
        assert np.max(np.abs(unread - aer_diagonal(circuit, noise_model, active))) < 1e-8
        p = read_out(unread, noise_model, active)
        positions = [active.index(q) for q in final]
        logical_p = np.zeros(2**qubits)
        for state, probability in enumerate(p):
            index = sum(((state >> position) & 1) << q for q, position in enumerate(positions))
            logical_p[index] += probability
        assert abs(logical_p.sum() - 1) < 1e-12
        cases.append({"name": name, "device": device, "layout": layout_method, "optimization": optimization,
                      "routing_seed": seed, "logical": logical, "compiled": compiled,
                      "initial_layout": initial, "final_layout": final,
                      "probabilities": [float(x) for x in logical_p]})
    out = {
        "generator": "make_compile_reference.py",
        "versions": {"qiskit": qiskit.__version__, "qiskit-aer": qiskit_aer.__version__,
                     "qiskit-ibm-runtime": qiskit_ibm_runtime.__version__, "numpy": np.__version__},
        "cases": cases,
    }
    with open(os.path.join(HERE, "compiled_circuits.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
