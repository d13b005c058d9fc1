#!/usr/bin/env python3
"""Exact noisy probabilities of small random circuits, computed by Qiskit Aer's density-matrix method.

Writes noisy_circuits.json next to this script, for an end-to-end conformance test of Quire's
noisy engines (`quire sim --noise` semantics, DESIGN sections 4.3 and 4.4). Run once:

    /work/venv/bin/python Tests/QuireSimulatorTests/Reference/generate_noisy_circuits.py

Each case has:
- "qubits": n (2 to 5) and "ops": [{"gate": "u3", "qubits": [0], "params": [...]}, ...], qelib1 gate
  names, control qubits first as in qelib1; "qasm": the same circuit as OpenQASM 2 text (no
  measurements), which is what the ops were turned into before Qiskit read them (qiskit.qasm2 with
  the legacy qelib1 instructions), so both describe one circuit;
- "profile": a noise profile in the YAML key names of DESIGN section 4.3 (global parts and
  per-qubit overrides, both depolarizing conventions, T2 < T1 and T1 < T2 <= 2 T1, readout);
- "probabilities_before_readout": the diagonal of Aer's final density matrix (save_density_matrix),
  index bit q = qubit q;
- "probabilities": the same with each qubit's readout error applied (numpy, below), i.e. what
  SimulationResult.probabilities must equal for the circuit measured on all qubits.

Noise after each gate follows Quire's NoiseModel rules, which generate_noise_channels.py states and
implements in model_errors (depolarizing on the gate's 1 or 2 qubits, then thermal relaxation on each
qubit; overrides replace global values). Each error is appended right after its gate as a Kraus
instruction (qiskit.quantum_info.Kraus of the Aer error); appended as one QuantumError on all of a
4-qubit gate's qubits, Aer lost 3.6e-10 of the trace (it seems to drop mixture terms of tiny
probability). Gates that Aer's density-matrix method does not run natively are given to it as their
Qiskit unitary (qiskit.quantum_info.Operator), so every gate means what Qiskit says it means. The
script checks Aer's diagonal against a second computation with qiskit.quantum_info alone (to 1e-12;
they agree to about 1e-14).
"""

import numpy as np
import qiskit
import qiskit.qasm2 as qasm2
import qiskit_aer
from qiskit import QuantumCircuit
from qiskit.circuit.library import UnitaryGate
from qiskit.quantum_info import DensityMatrix, Kraus, Operator, SuperOp
from qiskit_aer import AerSimulator

from generate_noise_channels import model_errors, write_json

# qelib1 gates by number of qubits and parameters; u3 and cx are drawn more often.
GATES = {
    1: [("u3", 3)] * 4 + [("id", 0), ("u0", 1), ("u1", 1), ("u2", 2), ("u", 3), ("p", 1), ("x", 0), ("y", 0),
                          ("z", 0), ("h", 0), ("s", 0), ("sdg", 0), ("t", 0), ("tdg", 0), ("sx", 0), ("sxdg", 0),
                          ("rx", 1), ("ry", 1), ("rz", 1)],
    2: [("cx", 0)] * 4 + [("cy", 0), ("cz", 0), ("ch", 0), ("swap", 0), ("crx", 1), ("cry", 1), ("crz", 1),
                          ("cu1", 1), ("cp", 1), ("cu3", 3), ("cu", 4), ("csx", 0), ("rxx", 1), ("rzz", 1)],
    3: [("ccx", 0), ("cswap", 0), ("rccx", 0)],
    4: [("rc3x", 0), ("c3x", 0), ("c3sqrtx", 0)],
    5: [("c4x", 0)],
}


def random_ops(rng, n, count):
    ops = []
    for _ in range(count):
        arity = int(rng.choice([1, 2, 3, 4, 5], p=[0.45, 0.4, 0.09, 0.04, 0.02]))
        while arity > n:
            arity -= 1
        name, nparams = GATES[arity][int(rng.integers(len(GATES[arity])))]
        qubits = [int(q) for q in rng.permutation(n)[:arity]]
        params = [float(x) for x in rng.uniform(-np.pi, np.pi, nparams)]
        if name == "u0":  # an idle of a whole number of single-qubit gate lengths; Qiskit needs an integer
            params = [float(rng.integers(1, 4))]
        ops.append({"gate": name, "qubits": qubits, "params": params})
    return ops


def to_qasm(n, ops):
    lines = ["OPENQASM 2.0;", 'include "qelib1.inc";', f"qreg q[{n}];"]
    for op in ops:
        params = f"({','.join(repr(p) for p in op['params'])})" if op["params"] else ""
        lines.append(f"{op['gate']}{params} {','.join(f'q[{q}]' for q in op['qubits'])};")
    return "\n".join(lines) + "\n"


def relaxation(rng, t2_over_t1):
    t1 = float(np.round(rng.uniform(20, 120), 3))
    return {"t1_us": t1, "t2_us": float(np.round(t1 * t2_over_t1, 3)),
            "one_qubit_gate_ns": float(np.round(rng.uniform(30, 600), 1)),
            "two_qubit_gate_ns": float(np.round(rng.uniform(200, 3000), 1))}


def readout(rng):
    return {"prob_meas1_prep0": float(np.round(rng.uniform(0, 0.08), 4)),
            "prob_meas0_prep1": float(np.round(rng.uniform(0, 0.12), 4))}


def depolarizing(rng, convention):
    return {"one_qubit": float(np.round(rng.uniform(0, 0.05), 5)), "two_qubit": float(np.round(rng.uniform(0, 0.15), 5)),
            "convention": convention}


def random_profile(rng, kind, n):
    """One of the profile shapes the conformance test must cover."""
    if kind == "depolarizing-lambda":
        return {"depolarizing": depolarizing(rng, "lambda")}
    if kind == "depolarizing-pauli":
        return {"depolarizing": depolarizing(rng, "pauli")}
    if kind == "relaxation-t2-below-t1":
        return {"thermal_relaxation": relaxation(rng, rng.uniform(0.2, 1.0))}
    if kind == "relaxation-t2-above-t1":
        return {"thermal_relaxation": relaxation(rng, rng.uniform(1.0, 2.0))}
    if kind == "relaxation-t2-twice-t1":
        return {"thermal_relaxation": relaxation(rng, 2.0)}
    if kind == "readout":
        return {"readout": readout(rng)}
    # Everything, with overrides on two distinct qubits of the circuit.
    first, second = (str(int(q)) for q in rng.permutation(n)[:2])
    return {
        "depolarizing": depolarizing(rng, "lambda" if kind == "full-lambda" else "pauli"),
        "thermal_relaxation": relaxation(rng, rng.uniform(0.3, 1.0)),
        "readout": readout(rng),
        "qubits": {
            first: {"thermal_relaxation": relaxation(rng, rng.uniform(1.0, 2.0)), "readout": readout(rng)},
            second: {"depolarizing": depolarizing(rng, "pauli" if kind == "full-lambda" else "lambda"),
                     "readout": readout(rng)},
        },
    }


def readout_matrix(spec):
    """Aer's ReadoutError assignment matrix: row i is P(read j | prepared i)."""
    p10, p01 = spec["prob_meas1_prep0"], spec["prob_meas0_prep1"]
    return np.array([[1 - p10, p10], [p01, 1 - p01]])


def apply_readout(probabilities, n, profile):
    out = np.array(probabilities)
    for q in range(n):
        spec = profile.get("qubits", {}).get(str(q), {}).get("readout", profile.get("readout"))
        if spec is None:
            continue
        out = np.einsum("aib,ij->ajb", out.reshape(2 ** (n - 1 - q), 2, 2**q), readout_matrix(spec)).reshape(-1)
    return out


def aer_probabilities(qasm, profile):
    circuit = qasm2.loads(qasm, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    simulator = AerSimulator(method="density_matrix")
    native = set(simulator.configuration().basis_gates)
    noisy = QuantumCircuit(circuit.num_qubits)
    for instruction in circuit.data:
        qubits = [circuit.find_bit(q).index for q in instruction.qubits]
        operation = instruction.operation
        if operation.name not in native:
            operation = UnitaryGate(Operator(operation), label=operation.name)
        noisy.append(operation, qubits)
        for error, local in model_errors(profile, qubits):
            noisy.append(Kraus(error).to_instruction(), [qubits[j] for j in local])
    noisy.save_density_matrix()
    rho = np.asarray(simulator.run(noisy).result().data(0)["density_matrix"])
    return np.real(np.diag(rho))


def quantum_info_probabilities(qasm, profile):
    """The same diagonal by qiskit.quantum_info alone (DensityMatrix.evolve with each gate's Operator
    and each error's SuperOp): a second path, so a mistake in feeding Aer cannot go unnoticed."""
    circuit = qasm2.loads(qasm, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    rho = DensityMatrix.from_label("0" * circuit.num_qubits)
    for instruction in circuit.data:
        qubits = [circuit.find_bit(q).index for q in instruction.qubits]
        rho = rho.evolve(Operator(instruction.operation), qargs=qubits)
        for error, local in model_errors(profile, qubits):
            rho = rho.evolve(SuperOp(error), qargs=[qubits[j] for j in local])
    return np.real(np.diag(rho.data))


def main():
    rng = np.random.default_rng(20261125)
    kinds = ["depolarizing-lambda", "depolarizing-pauli", "relaxation-t2-below-t1", "relaxation-t2-above-t1",
             "relaxation-t2-twice-t1", "readout", "full-lambda", "full-pauli"]
    cases = []
    for index in range(24):
        kind = kinds[index % len(kinds)]
        n = 2 + index % 4
        ops = random_ops(rng, n, int(rng.integers(6, 16)))
        profile = random_profile(rng, kind, n)
        qasm = to_qasm(n, ops)
        before = aer_probabilities(qasm, profile)
        assert np.abs(before - quantum_info_probabilities(qasm, profile)).max() < 1e-12
        after = apply_readout(before, n, profile)
        assert abs(after.sum() - 1) < 1e-12
        cases.append({"name": f"{index:02d}-{kind}-{n}q", "qubits": n, "ops": ops, "qasm": qasm, "profile": profile,
                      "probabilities_before_readout": [float(x) for x in before],
                      "probabilities": [float(x) for x in after]})
    out = {
        "generator": "generate_noisy_circuits.py",
        "versions": {"qiskit": qiskit.__version__, "qiskit_aer": qiskit_aer.__version__, "numpy": np.__version__},
        "cases": cases,
    }
    write_json(out, "noisy_circuits.json")


if __name__ == "__main__":
    main()
