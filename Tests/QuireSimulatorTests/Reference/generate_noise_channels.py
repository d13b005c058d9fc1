#!/usr/bin/env python3
"""Reference superoperators of Quire's noise channels, computed by Qiskit Aer (independent truth).

Writes noise_channels.json next to this script. Run once with the project's reference venv:

    /work/venv/bin/python Tests/QuireSimulatorTests/Reference/generate_noise_channels.py

Conventions (the Swift tests rely on them):
- Superoperators are qiskit.quantum_info.SuperOp(error).data: column-stacking vectorisation,
  S = sum_K kron(conj(K), K), row-major in JSON as separate "re" and "im" lists.
- Qubit order is Qiskit's little-endian one: local index bit j is the error's qubit j.
- Thermal relaxation times: T1, T2 in microseconds and gate durations in nanoseconds, as in a
  Quire noise profile; Aer is given all three in nanoseconds.
- Noise profiles are written with the YAML key names of DESIGN section 4.3.
"""

import json
import pathlib
import re

import numpy as np
import qiskit
import qiskit_aer
from qiskit.quantum_info import Kraus, SuperOp, random_quantum_channel
from qiskit_aer.noise import ReadoutError, depolarizing_error, pauli_error, thermal_relaxation_error


def matrix(m):
    m = np.asarray(m, dtype=complex)
    assert m.shape[0] == m.shape[1]
    return {
        "dimension": int(m.shape[0]),
        "re": [float(x) for x in m.real.flatten()],
        "im": [float(x) for x in m.imag.flatten()],
    }


def write_json(value, name):
    """Writes value as JSON next to this script, with lists of plain numbers on one line each, so the
    file stays small and diffs stay readable."""
    text = json.dumps(value, indent=1)
    text = re.sub(r"\[\s*([-+0-9.e,\s]+?)\s*\]", lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
    pathlib.Path(__file__).with_name(name).write_text(text + "\n")


def superop(error):
    return matrix(SuperOp(error).data)


def pauli_convention(p, k):
    """PennyLane/Cirq depolarizing: every non-identity k-qubit Pauli with probability p/(4^k - 1)."""
    labels = [""]
    for _ in range(k):
        labels = [a + b for a in "IXYZ" for b in labels]
    return pauli_error([(label, p / (4**k - 1) if label != "I" * k else 1 - p) for label in labels])


def relaxation(spec, nanoseconds):
    return thermal_relaxation_error(spec["t1_us"] * 1000, spec["t2_us"] * 1000, nanoseconds)


def depolarizing_lambda(spec, k):
    value = spec.get("one_qubit" if k == 1 else "two_qubit", 0.0)
    if spec.get("convention", "lambda") == "pauli":
        return 4**k * value / (4**k - 1)
    return value


def model_errors(profile, gate_qubits):
    """Aer's errors after a gate on gate_qubits, in order, following Quire's documented NoiseModel
    rules, as (error, local qubits) pairs; local qubit j is gate_qubits[j]. First depolarizing
    (k = 1, 2 only; overrides of the gate's qubits win over the global value, the largest lambda
    among them), then thermal relaxation on each qubit (override, else global; the one-qubit gate
    time for one-qubit gates, the two-qubit gate time otherwise). Identity errors are left out."""
    k = len(gate_qubits)
    overrides = profile.get("qubits", {})
    candidates = [overrides[str(q)]["depolarizing"] for q in gate_qubits
                  if "depolarizing" in overrides.get(str(q), {})]
    if not candidates and "depolarizing" in profile:
        candidates = [profile["depolarizing"]]
    lam = max((depolarizing_lambda(c, k) for c in candidates), default=0.0) if k <= 2 else 0.0
    errors = [(depolarizing_error(lam, k), list(range(k)))] if lam > 0 else []
    for j, q in enumerate(gate_qubits):
        spec = overrides.get(str(q), {}).get("thermal_relaxation", profile.get("thermal_relaxation"))
        if spec is not None:
            errors.append((relaxation(spec, spec["one_qubit_gate_ns"] if k == 1 else spec["two_qubit_gate_ns"]), [j]))
    return errors


def model_error(profile, gate_qubits):
    """The errors of model_errors composed into one error on all of gate_qubits."""
    total = depolarizing_error(0.0, len(gate_qubits))
    for error, qargs in model_errors(profile, gate_qubits):
        total = total.compose(error, qargs=qargs)
    return total


def main():
    depolarizing = [
        {"qubits": k, "lambda": lam, "superop": superop(depolarizing_error(lam, k))}
        for k, lam in [(1, 0.0), (1, 0.001), (1, 0.1), (1, 0.75), (1, 1.0), (1, 4 / 3),
                       (2, 0.01), (2, 0.5), (2, 1.0), (2, 16 / 15)]
    ]
    pauli = [
        {"qubits": k, "p": p, "superop": superop(pauli_convention(p, k))}
        for k, p in [(1, 0.003), (1, 0.3), (1, 1.0), (2, 0.02), (2, 1.0)]
    ]
    thermal = []
    for t1, t2, ns, label in [
        (100.0, 80.0, 35.0, "T2 < T1"),
        (80.0, 20.0, 5000.0, "T2 << T1, long gate"),
        (100.0, 100.0, 300.0, "T2 = T1"),
        (50.0, 90.0, 300.0, "T1 < T2 < 2 T1"),
        (30.0, 50.0, 12000.0, "T1 < T2 < 2 T1, long gate"),
        (50.0, 100.0, 300.0, "T2 = 2 T1"),
        (10.0, 20.0, 25000.0, "T2 = 2 T1, long gate"),
        (100.0, 80.0, 0.0, "t = 0"),
        (1e6, 1e6, 1.0, "t << T1"),
    ]:
        error = thermal_relaxation_error(t1 * 1000, t2 * 1000, ns)
        thermal.append({"label": label, "t1_us": t1, "t2_us": t2, "time_ns": ns, "superop": superop(error)})

    relax = {"t1_us": 100.0, "t2_us": 80.0, "one_qubit_gate_ns": 35.0, "two_qubit_gate_ns": 300.0}
    models = []
    for label, profile, gate, qubits in [
        ("one-qubit gate, lambda convention", {"depolarizing": {"one_qubit": 0.01, "two_qubit": 0.05},
                                               "thermal_relaxation": relax}, "sx", [0]),
        ("id is a gate", {"depolarizing": {"one_qubit": 0.2}, "thermal_relaxation": relax}, "id", [4]),
        ("two-qubit gate, pauli convention, relaxation override on qubit 1",
         {"depolarizing": {"one_qubit": 0.001, "two_qubit": 0.02, "convention": "pauli"},
          "thermal_relaxation": relax,
          "qubits": {"1": {"thermal_relaxation": {"t1_us": 50.0, "t2_us": 90.0, "one_qubit_gate_ns": 50.0,
                                                  "two_qubit_gate_ns": 400.0}}}}, "cx", [1, 0]),
        ("two-qubit gate, depolarizing override on one qubit wins over the global value",
         {"depolarizing": {"two_qubit": 0.1}, "thermal_relaxation": relax,
          "qubits": {"2": {"depolarizing": {"two_qubit": 0.01}}}}, "cz", [0, 2]),
        ("two-qubit gate, overrides on both qubits: the larger lambda",
         {"depolarizing": {"two_qubit": 0.2},
          "qubits": {"0": {"depolarizing": {"two_qubit": 0.03}},
                     "1": {"depolarizing": {"two_qubit": 0.05, "convention": "pauli"}}}}, "swap", [0, 1]),
        ("one-qubit gate with a depolarizing override on its qubit",
         {"depolarizing": {"one_qubit": 0.02},
          "qubits": {"3": {"depolarizing": {"one_qubit": 0.3, "convention": "pauli"},
                           "thermal_relaxation": {"t1_us": 20.0, "t2_us": 40.0, "one_qubit_gate_ns": 100.0,
                                                  "two_qubit_gate_ns": 500.0}}}}, "h", [3]),
        ("three-qubit gate: no depolarizing, two-qubit gate time on each qubit",
         {"depolarizing": {"one_qubit": 0.01, "two_qubit": 0.05}, "thermal_relaxation": relax,
          "qubits": {"2": {"thermal_relaxation": {"t1_us": 30.0, "t2_us": 50.0, "one_qubit_gate_ns": 20.0,
                                                  "two_qubit_gate_ns": 250.0}}}}, "ccx", [2, 0, 1]),
    ]:
        models.append({"label": label, "profile": profile, "gate": gate, "qubits": qubits,
                       "superop": superop(model_error(profile, qubits))})

    readout = []
    for p10, p01 in [(0.02, 0.05), (0.0, 0.3), (0.5, 0.5)]:
        readout.append({"prob_meas1_prep0": p10, "prob_meas0_prep1": p01,
                        "probabilities": [[float(x) for x in row] for row in
                                          ReadoutError([[1 - p10, p10], [p01, 1 - p01]]).probabilities]})
    # Two qubits with different errors applied to a distribution: rows of Aer's assignment matrices
    # are P(read j | prepared i), qubit 0 is the low index bit, so the joint matrix is kron(M1, M0).
    m0 = ReadoutError([[0.98, 0.02], [0.05, 0.95]]).probabilities
    m1 = ReadoutError([[0.9, 0.1], [0.25, 0.75]]).probabilities
    prepared = np.array([0.1, 0.2, 0.3, 0.4])
    readout_two_qubits = {
        "qubits": [{"prob_meas1_prep0": 0.02, "prob_meas0_prep1": 0.05},
                   {"prob_meas1_prep0": 0.1, "prob_meas0_prep1": 0.25}],
        "prepared": [float(x) for x in prepared],
        "read": [float(x) for x in prepared @ np.kron(m1, m0)],
    }

    # Complex, non-symmetric channels: only these tell column stacking (conj(K) (x) K) from row
    # stacking (K (x) conj(K)), since both agree for the real or Pauli Kraus sets above.
    generic = []
    for dims, rank, seed in [(2, 3, 7), (4, 2, 11)]:
        channel = random_quantum_channel(input_dims=dims, rank=rank, seed=seed)
        generic.append({"seed": seed, "kraus": [matrix(k) for k in Kraus(channel).data],
                        "superop": matrix(SuperOp(channel).data)})

    out = {
        "generator": "generate_noise_channels.py",
        "versions": {"qiskit": qiskit.__version__, "qiskit_aer": qiskit_aer.__version__, "numpy": np.__version__},
        "depolarizing": depolarizing,
        "pauli": pauli,
        "thermal_relaxation": thermal,
        "models": models,
        "generic": generic,
        "readout": readout,
        "readout_two_qubits": readout_two_qubits,
    }
    write_json(out, "noise_channels.json")


if __name__ == "__main__":
    main()
