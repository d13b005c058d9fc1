#!/usr/bin/env python3
"""Compare `quire sim` with Qiskit Aer on random circuits and noise profiles it has never seen.

For each case: a random OpenQASM 2.0 circuit over a mix of qelib1 gates (several registers,
user gates, broadcast), optionally a random noise profile (depolarizing in both conventions,
thermal relaxation with T2 < T1 and T2 > T1, readout, per-qubit overrides). Qiskit computes the
exact final distribution (quantum_info statevector, or density-matrix evolution with Aer's
depolarizing_error / thermal_relaxation_error channels after each gate, readout confusion per
qubit), and the largest absolute difference in any probability is reported. Tolerances: 1e-9 noiseless, 1e-7 noisy (DESIGN §4.4 / issue 3).

Usage: aer_conformance.py QUIRE_BINARY [--cases N] [--seed S] [--method density-matrix]
"""
import argparse, json, math, os, random, subprocess, sys, tempfile

import numpy as np
from qiskit import qasm2
from qiskit.quantum_info import DensityMatrix, Kraus, Operator, Statevector
from qiskit_aer.noise import depolarizing_error, thermal_relaxation_error

ONE_QUBIT = {"id": 0, "u1": 1, "u2": 2, "u3": 3, "u": 3, "p": 1, "x": 0, "y": 0, "z": 0, "h": 0, "s": 0, "sdg": 0,
             "t": 0, "tdg": 0, "sx": 0, "sxdg": 0, "rx": 1, "ry": 1, "rz": 1}
TWO_QUBIT = {"cx": 0, "cy": 0, "cz": 0, "ch": 0, "swap": 0, "crx": 1, "cry": 1, "crz": 1, "cu1": 1, "cp": 1,
             "cu3": 3, "cu": 4, "csx": 0, "rxx": 1, "rzz": 1}
THREE_QUBIT = {"ccx": 0, "cswap": 0}


def random_circuit(rng, qubits, depth, noisy):
    split = rng.randint(1, qubits) if qubits > 1 and rng.random() < 0.5 else qubits
    regs = [("a", split)] + ([("b", qubits - split)] if split < qubits else [])
    names = [f"{r}[{i}]" for r, n in regs for i in range(n)]
    lines = ["OPENQASM 2.0;", 'include "qelib1.inc";'] + [f"qreg {r}[{n}];" for r, n in regs]
    lines.append("gate mix(theta, phi) x, y { u3(theta, phi, -phi/2) x; cx x, y; rz(theta*2) y; }")
    pool = list(ONE_QUBIT) + list(TWO_QUBIT) + ([] if noisy else list(THREE_QUBIT))
    for _ in range(depth * qubits):
        gate = rng.choice(pool + ["mix"])
        arity = 1 if gate in ONE_QUBIT else 3 if gate in THREE_QUBIT else 2
        if arity > qubits:
            continue
        params = {**ONE_QUBIT, **TWO_QUBIT, **THREE_QUBIT}.get(gate, 2)
        args = rng.sample(names, arity)
        text = gate
        if params:
            text += "(" + ", ".join(repr(rng.uniform(-math.pi, math.pi)) for _ in range(params)) + ")"
        lines.append(text + " " + ", ".join(args) + ";")
    return "\n".join(lines) + "\n"


def random_profile(rng, qubits):
    profile = {}
    convention = rng.choice(["lambda", "pauli"])
    if rng.random() < 0.8:
        profile["depolarizing"] = {"one_qubit": rng.uniform(0, 0.05), "two_qubit": rng.uniform(0, 0.1), "convention": convention}
    if rng.random() < 0.7:
        t1 = rng.uniform(20, 200)
        t2 = t1 * rng.choice([rng.uniform(0.2, 1.0), rng.uniform(1.0, 2.0), 2.0, 1.0])
        profile["thermal_relaxation"] = {"t1_us": t1, "t2_us": t2, "one_qubit_gate_ns": rng.uniform(10, 100),
                                         "two_qubit_gate_ns": rng.uniform(100, 800)}
    if rng.random() < 0.7:
        profile["readout"] = {"prob_meas1_prep0": rng.uniform(0, 0.1), "prob_meas0_prep1": rng.uniform(0, 0.1)}
    if rng.random() < 0.5:
        q = rng.randrange(qubits)
        profile["qubits"] = {q: {"readout": {"prob_meas1_prep0": rng.uniform(0, 0.2), "prob_meas0_prep1": rng.uniform(0, 0.2)}}}
        if "thermal_relaxation" in profile:
            t1 = rng.uniform(20, 200)
            profile["qubits"][q]["thermal_relaxation"] = {"t1_us": t1, "t2_us": t1 * rng.uniform(0.3, 2.0),
                                                          "one_qubit_gate_ns": 50, "two_qubit_gate_ns": 400}
    return profile


def yaml_text(profile):
    def flow(d):
        return "{" + ", ".join(f"{k}: {v if not isinstance(v, str) else v}" for k, v in d.items()) + "}"
    out = []
    for key in ("depolarizing", "thermal_relaxation", "readout"):
        if key in profile:
            out.append(f"{key}: {flow(profile[key])}")
    if "qubits" in profile:
        out.append("qubits:")
        for q, parts in profile["qubits"].items():
            out.append(f"  {q}:")
            for key, value in parts.items():
                out.append(f"    {key}: {flow(value)}")
    return "\n".join(out) + "\n"


def part(profile, qubit, key):
    return profile.get("qubits", {}).get(qubit, {}).get(key, profile.get(key))


def aer_probabilities(qasm, profile):
    """Exact final distribution: qiskit.quantum_info evolution, with Aer's error constructors
    (depolarizing_error, thermal_relaxation_error) applied after each gate, as DESIGN §4.3 orders them.
    Evolving instruction by instruction avoids Aer's native-gate set (it lacks e.g. `ch`)."""
    circuit = qasm2.loads(qasm, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    # User gates become their definitions so noise attaches to the qelib1 gates, as in Quire.
    while any(inst.operation.name == "mix" for inst in circuit.data):
        circuit = circuit.decompose(gates_to_decompose=["mix"])
    n = circuit.num_qubits
    if not profile:
        return np.abs(Statevector(circuit).data) ** 2
    rho = DensityMatrix.from_label("0" * n)
    dep = profile.get("depolarizing")
    for inst in circuit.data:
        qubits = [circuit.find_bit(q).index for q in inst.qubits]
        rho = rho.evolve(Operator(inst.operation), qubits)
        k = len(qubits)
        if dep and k <= 2:
            p = dep["one_qubit" if k == 1 else "two_qubit"]
            lam = p if dep["convention"] == "lambda" else p * 4 ** k / (4 ** k - 1)
            if lam > 0:
                rho = rho.evolve(Kraus(depolarizing_error(lam, k).to_quantumchannel()), qubits)
        for q in qubits:
            th = part(profile, q, "thermal_relaxation")
            if th:
                time = th["one_qubit_gate_ns"] if k == 1 else th["two_qubit_gate_ns"]
                error = thermal_relaxation_error(th["t1_us"] * 1e3, th["t2_us"] * 1e3, time)
                rho = rho.evolve(Kraus(error.to_quantumchannel()), [q])
    probs = np.real(np.diag(rho.data)).copy()
    for q in range(n):
        ro = part(profile, q, "readout")
        if not ro:
            continue
        p10, p01 = ro["prob_meas1_prep0"], ro["prob_meas0_prep1"]
        probs = probs.reshape([2] * n)
        axis = n - 1 - q
        zero = np.take(probs, 0, axis=axis)
        one = np.take(probs, 1, axis=axis)
        probs = np.stack([zero * (1 - p10) + one * p01, zero * p10 + one * (1 - p01)], axis=axis).reshape(-1)
    return probs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("quire")
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--method", default="auto")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    worst = {"noiseless": 0.0, "noisy": 0.0}
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for case in range(args.cases):
            noisy = case % 2 == 1
            qubits = rng.randint(1, 6)
            qasm = random_circuit(rng, qubits, rng.randint(1, 6), noisy)
            profile = random_profile(rng, qubits) if noisy else None
            qasm_path = os.path.join(folder, f"c{case}.qasm")
            open(qasm_path, "w").write(qasm)
            command = [args.quire, "sim", qasm_path, "--json", "--method", args.method]
            if profile:
                noise_path = os.path.join(folder, f"n{case}.yaml")
                open(noise_path, "w").write(yaml_text(profile))
                command += ["--noise", noise_path]
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"case {case}: quire failed: {run.stderr.strip()}")
                failures += 1
                continue
            ours = np.array(json.loads(run.stdout)["probabilities"])
            theirs = aer_probabilities(qasm, profile)
            diff = float(np.max(np.abs(ours - theirs)))
            kind = "noisy" if noisy else "noiseless"
            worst[kind] = max(worst[kind], diff)
            if diff > (1e-7 if noisy else 1e-9):
                failures += 1
                print(f"case {case} ({kind}, {qubits} qubits): max |Δp| = {diff:.3e}\n{qasm}{yaml_text(profile) if profile else ''}")
    print(f"{args.cases} cases, {failures} failures; worst max |Δp|: noiseless {worst['noiseless']:.2e}, noisy {worst['noisy']:.2e}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
