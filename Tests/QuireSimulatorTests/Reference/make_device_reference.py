#!/usr/bin/env python3
"""Exact noisy probabilities of circuits run on device snapshots, by Qiskit Aer (independent truth).

Writes device_circuits.json next to this script, for the conformance test of Quire's device noise
(`Device`, `NoiseModel(device:)`, README "Devices"). Run once, with qiskit, qiskit-aer and
qiskit-ibm-runtime installed (versions used are recorded in the output):

    python Tests/QuireSimulatorTests/Reference/make_device_reference.py

For each snapshot in devices/ (conf_<name>.json + props_<name>.json, copied from qiskit-ibm-runtime,
see devices/ORIGIN.md) the noise model is `NoiseModel.from_backend(Fake<Name>V2())`, the package's
fake backend built from those same two files. Circuits are random sequences of the native gates
rz, sx, x, id and cx on the first 3 to 5 physical qubits, two-qubit gates only on pairs of the
coupling map, then a measurement of every qubit (trivial layout: circuit qubit i is physical qubit i);
one more case on manila resets two qubits mid-circuit (Aer attaches relaxation over the reset's
duration to a reset, which leaves the |0> it prepares unchanged; Quire attaches nothing); three
more (manila-kernel-*) are the device fidelity kernel's compute-uncompute circuit as Quire compiled
it for manila, inputs bound, whose first probability is the kernel entry K(x, y).

Each case has "device", "qasm" (OpenQASM 2; the circuit was read from this text by qiskit.qasm2
with the legacy qelib1 instructions, which define sx) and "probabilities": the diagonal of the
final density matrix, evolved exactly with qiskit.quantum_info (each gate's Operator or
DensityMatrix.reset, then the SuperOp of the error the noise model attaches to that instruction on
those qubits), with each qubit's readout error from the same noise model applied (numpy), index
bit q = qubit q: what `SimulationResult.probabilities` must equal. The script checks
it against Aer's density-matrix method running the circuit with the noise model (to 1e-8: Aer drops
mixture terms of tiny probability, up to 4e-9 of the trace here).
"""

import json
import os

import numpy as np
import qiskit
import qiskit.qasm2 as qasm2
import qiskit_aer
import qiskit_ibm_runtime
from qiskit.quantum_info import DensityMatrix, Operator, SuperOp
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel
from qiskit_ibm_runtime.fake_provider import FakeManilaV2, FakeMontrealV2, FakeNairobiV2

HERE = os.path.dirname(os.path.abspath(__file__))
BACKENDS = {"manila": FakeManilaV2, "nairobi": FakeNairobiV2, "montreal": FakeMontrealV2}


def random_qasm(rng, qubits, edges, length):
    lines = ["OPENQASM 2.0;", 'include "qelib1.inc";', f"qreg q[{qubits}];", f"creg c[{qubits}];"]
    for _ in range(length):
        kind = rng.choice(["rz", "sx", "x", "id", "cx", "cx"])
        if kind == "cx":
            a, b = edges[rng.integers(len(edges))]
            lines.append(f"cx q[{a}],q[{b}];")
        elif kind == "rz":
            lines.append(f"rz({rng.uniform(-np.pi, np.pi)!r}) q[{rng.integers(qubits)}];")
        else:
            lines.append(f"{kind} q[{rng.integers(qubits)}];")
    lines.append("measure q -> c;")
    return "\n".join(lines) + "\n"


def exact_diagonal(circuit, noise_model):
    """The final density matrix's diagonal, evolved exactly: each gate, then its error from the model."""
    state = DensityMatrix.from_label("0" * circuit.num_qubits)
    for instruction in circuit.data:
        operation = instruction.operation
        if operation.name == "measure":
            continue
        qubits = [circuit.find_bit(q).index for q in instruction.qubits]
        state = state.reset(qubits) if operation.name == "reset" else state.evolve(Operator(operation), qubits)
        error = noise_model._local_quantum_errors.get(operation.name, {}).get(tuple(qubits))
        if error is not None:
            state = state.evolve(SuperOp(error), qubits)
    return np.real(np.diag(state.data))


def aer_diagonal(circuit, noise_model):
    """The same diagonal from Aer's density-matrix method running the circuit with the noise model."""
    body = circuit.copy_empty_like()
    for instruction in circuit.data:
        if instruction.operation.name != "measure":
            body.append(instruction)
    body.save_density_matrix()
    result = AerSimulator(method="density_matrix", noise_model=noise_model).run(body, shots=1).result()
    return np.real(np.diag(np.asarray(result.data(0)["density_matrix"])))


def probabilities(qasm, noise_model, qubits):
    circuit = qasm2.loads(qasm, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    p = exact_diagonal(circuit, noise_model)
    # Aer's sampler drops mixture terms of tiny probability (up to 4e-9 of the trace here), so the
    # reference is the exact evolution; Aer's own run must agree to that truncation.
    assert np.max(np.abs(p - aer_diagonal(circuit, noise_model))) < 1e-8
    for q in range(qubits):
        error = noise_model._local_readout_errors.get((q,))
        if error is None:
            continue
        m = np.asarray(error.probabilities)  # m[prepared][read]
        p = np.einsum("aib,ij->ajb", p.reshape(-1, 2, 2**q), m).reshape(-1)
    return p


# The fidelity kernel on manila (QuireLearning's DeviceFidelityKernel): angle encoding (ry, two
# features, two qubits) compute-uncompute U(x)·U(y)† as Quire compiles it for manila (trivial layout,
# level 1), with x = (0.3, 1.2) or (2.5, 0.7) bound, printed by Quire (`template.circuit.bind(...).qasm()`).
# Measured, K(x, y) = P(00) is the first probability; DeviceKernelAerTests checks Quire's QASM and value.
KERNEL_PAIRS = {"0-0": ((0.3, 1.2), (0.3, 1.2)), "0-1": ((0.3, 1.2), (2.5, 0.7)), "1-0": ((2.5, 0.7), (0.3, 1.2))}


def kernel_qasm(x, y):
    half, turn = "1.5707963267948966", "1.5707963267948961"
    return ("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\n"
            f"sx q[0];\nrz({half}) q[0];\nrz({x[0]!r}) q[0];\nsx q[1];\nrz({half}) q[1];\nrz({x[1]!r}) q[1];\n"
            f"rz({-y[1]!r}) q[1];\nrz({-y[0]!r}) q[0];\nrz({turn}) q[0];\nsx q[0];\nrz(3.1415926535897927) q[0];\n"
            f"rz({turn}) q[1];\nsx q[1];\nrz(3.1415926535897927) q[1];\n")


def main():
    rng = np.random.default_rng(13)
    cases = []
    for name, backend_class in BACKENDS.items():
        backend = backend_class()
        noise_model = NoiseModel.from_backend(backend)
        with open(os.path.join(HERE, "devices", f"conf_{name}.json")) as f:
            coupling = json.load(f)["coupling_map"]
        for qubits in (3, 4, 5):
            edges = [(a, b) for a, b in coupling if a < qubits and b < qubits]
            if not edges:
                continue
            qasm = random_qasm(rng, qubits, edges, 12 + 4 * qubits)
            p = probabilities(qasm, noise_model, qubits)
            assert abs(p.sum() - 1) < 1e-12
            cases.append({"name": f"{name}-{qubits}q", "device": name, "qubits": qubits, "qasm": qasm,
                          "probabilities": [float(x) for x in p]})
    # A reset mid-circuit: from_backend attaches relaxation over the reset's duration to it.
    noise_model = NoiseModel.from_backend(FakeManilaV2())
    qasm = random_qasm(rng, 3, [(0, 1), (1, 2), (2, 1)], 10).replace("measure q -> c;\n", "reset q[1];\nsx q[1];\nreset q[2];\nmeasure q -> c;\n")
    cases.append({"name": "manila-reset", "device": "manila", "qubits": 3, "qasm": qasm,
                  "probabilities": [float(x) for x in probabilities(qasm, noise_model, 3)]})
    for pair, (x, y) in KERNEL_PAIRS.items():
        qasm = kernel_qasm(x, y)
        measured = qasm.replace("qreg q[2];\n", "qreg q[2];\ncreg c[2];\n") + "measure q -> c;\n"
        cases.append({"name": f"manila-kernel-{pair}", "device": "manila", "qubits": 2, "qasm": measured,
                      "probabilities": [float(x) for x in probabilities(measured, noise_model, 2)]})
    out = {
        "generator": "make_device_reference.py",
        "versions": {"qiskit": qiskit.__version__, "qiskit-aer": qiskit_aer.__version__,
                     "qiskit-ibm-runtime": qiskit_ibm_runtime.__version__, "numpy": np.__version__},
        "cases": cases,
    }
    with open(os.path.join(HERE, "device_circuits.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
