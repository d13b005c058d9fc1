#!/usr/bin/env python3
"""Side-by-side statevector benchmark: quire sim vs Qiskit Aer vs qulacs vs qsim (issues 3, 17).

Layered random circuits: a u3 with random angles on every qubit, then a cx brickwork layer
(even pairs on even layers, odd pairs on odd layers), repeated `depth` times. Each simulator is
timed on the same circuit, single-threaded and with every core, best of `--repeats` runs; the
table prints seconds and the ratio Quire / peer (below 1 means Quire is faster). Quire's time is
the `elapsed_seconds` it reports (reading the QASM file included, writing JSON excluded); the peers
are timed around their run calls only. qsim is Google's qsimcirq with max_fused_gate_size=4 and
its default single precision (Quire computes in double); its u3 gates are cirq.MatrixGate. qulacs runs in a child process per thread count, because
OpenMP reads OMP_NUM_THREADS once, when qulacs is first imported.

Also prints Quire's time per gate and amplitude (seconds / (gates · 2^n), in ns): the work of one
logical gate on one amplitude, comparable across sizes and thread counts. (A bandwidth against a copy
roofline would not be: fused gates applied block by block stream the state once per run of gates,
not once per gate.)

Then the density-matrix method with depolarizing noise after every gate (`--density 10x20`), Quire
against Aer's density_matrix method with the same noise model.

Usage: compare.py QUIRE [--sizes 20x20,22x20,24x10] [--density 10x20] [--repeats 3]
"""
import argparse, json, math, os, random, subprocess, sys, tempfile, time

import numpy as np


# Depolarizing λ after every u3 and every cx (Aer's convention in both tools) for the density-matrix rows.
DEPOLARIZING = (0.001, 0.01)


def layered_qasm(n, depth, seed):
    rng = random.Random(seed)
    lines = ["OPENQASM 2.0;", 'include "qelib1.inc";', f"qreg q[{n}];"]
    gates = []
    for layer in range(depth):
        for q in range(n):
            angles = [rng.uniform(-math.pi, math.pi) for _ in range(3)]
            lines.append(f"u3({angles[0]!r},{angles[1]!r},{angles[2]!r}) q[{q}];")
            gates.append(("u3", (q,), angles))
        for q in range(layer % 2, n - 1, 2):
            lines.append(f"cx q[{q}],q[{q + 1}];")
            gates.append(("cx", (q, q + 1), []))
    return "\n".join(lines) + "\n", gates


def time_quire(quire, path, threads, repeats, method="statevector", noise=None):
    """Best `elapsed_seconds` of `quire sim` over `repeats` runs, with the noise profile file `noise` if given."""
    command = [quire, "sim", path, "--method", method, "--threads", str(threads), "--json", "--max-memory-gib", "16"]
    if noise:
        command += ["--noise", noise]
    best = math.inf
    for _ in range(repeats):
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        # The probabilities array is large; read only the elapsed time at the end of the object.
        best = min(best, float(out.stdout.rsplit('"elapsed_seconds":', 1)[1].strip(" }\n")))
    return best


def time_aer(qasm, threads, repeats, method="statevector", noisy=False):
    """Best wall time of Aer's `method` (saving its final state) over `repeats` runs; `noisy` adds
    DEPOLARIZING after every u3 and cx."""
    from qiskit import qasm2
    from qiskit_aer import AerSimulator
    from qiskit_aer.noise import NoiseModel, depolarizing_error
    noise = None
    if noisy:
        noise = NoiseModel()
        noise.add_all_qubit_quantum_error(depolarizing_error(DEPOLARIZING[0], 1), ["u3"])
        noise.add_all_qubit_quantum_error(depolarizing_error(DEPOLARIZING[1], 2), ["cx"])
    circuit = qasm2.loads(qasm)
    circuit.save_state()
    sim = AerSimulator(method=method, noise_model=noise, max_parallel_threads=threads, fusion_enable=True)
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        sim.run(circuit).result()
        best = min(best, time.perf_counter() - start)
    return best


def time_qulacs(n, gates, threads, repeats, folder):
    """qulacs in a child process with OMP_NUM_THREADS set before its OpenMP runtime starts."""
    path = os.path.join(folder, f"gates_{n}.json")
    json.dump({"qubits": n, "gates": gates}, open(path, "w"))
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "time_qulacs.py")
    out = subprocess.run([sys.executable, script, path, str(threads), str(repeats)], capture_output=True, text=True,
                         check=True, env={**os.environ, "OMP_NUM_THREADS": str(threads)})
    return float(out.stdout)


def u3_matrix(theta, phi, lam):
    """The u3 gate of qelib1 as a 2×2 complex matrix."""
    c, s = math.cos(theta / 2), math.sin(theta / 2)
    return np.array([[c, -np.exp(1j * lam) * s], [np.exp(1j * phi) * s, np.exp(1j * (phi + lam)) * c]])


def time_qsim(n, gates, threads, repeats):
    """Best wall time of qsimcirq's simulate (4-qubit fusion, single precision) over `repeats` runs."""
    import cirq, qsimcirq
    qubits = cirq.LineQubit.range(n)
    circuit = cirq.Circuit(
        cirq.MatrixGate(u3_matrix(*angles)).on(qubits[q[0]]) if name == "u3" else cirq.CNOT(qubits[q[0]], qubits[q[1]])
        for name, q, angles in gates)
    sim = qsimcirq.QSimSimulator(qsimcirq.QSimOptions(max_fused_gate_size=4, cpu_threads=threads))
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        sim.simulate(circuit)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("quire")
    parser.add_argument("--sizes", default="20x20,22x20,24x10")
    parser.add_argument("--density", default="10x20", help="density-matrix sizes with depolarizing noise, vs Aer only")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    print(f"{'circuit':>8} {'threads':>7} {'quire s':>9} {'aer s':>9} {'qulacs s':>9} {'qsim s':>9} {'quire/aer':>10} "
          f"{'quire/qulacs':>13} {'quire/qsim':>11} {'ns/gate/amp':>12}")
    with tempfile.TemporaryDirectory() as folder:
        for size in filter(None, args.sizes.split(",")):
            n, depth = map(int, size.split("x"))
            qasm, gates = layered_qasm(n, depth, seed=n * 1000 + depth)
            path = os.path.join(folder, f"layered_{n}_{depth}.qasm")
            open(path, "w").write(qasm)
            for threads in sorted({1, cores}):
                quire = time_quire(args.quire, path, threads, args.repeats)
                aer = time_aer(qasm, threads, args.repeats)
                qulacs = time_qulacs(n, gates, threads, args.repeats, folder)
                qsim = time_qsim(n, gates, threads, args.repeats)
                per_update = quire / (len(gates) * 2 ** n) * 1e9
                print(f"{size:>8} {threads:>7} {quire:9.3f} {aer:9.3f} {qulacs:9.3f} {qsim:9.3f} {quire / aer:10.2f} "
                      f"{quire / qulacs:13.2f} {quire / qsim:11.2f} {per_update:12.3f}")
        print(f"\n{'density':>8} {'threads':>7} {'quire s':>9} {'aer s':>9} {'quire/aer':>10}   (depolarizing {DEPOLARIZING})")
        profile = os.path.join(folder, "noise.yaml")
        open(profile, "w").write(f"depolarizing: {{one_qubit: {DEPOLARIZING[0]}, two_qubit: {DEPOLARIZING[1]}}}\n")
        for size in filter(None, args.density.split(",")):
            n, depth = map(int, size.split("x"))
            qasm, _ = layered_qasm(n, depth, seed=n * 1000 + depth)
            path = os.path.join(folder, f"density_{n}_{depth}.qasm")
            open(path, "w").write(qasm)
            for threads in sorted({1, cores}):
                quire = time_quire(args.quire, path, threads, args.repeats, method="density-matrix", noise=profile)
                aer = time_aer(qasm, threads, args.repeats, method="density_matrix", noisy=True)
                print(f"{size:>8} {threads:>7} {quire:9.3f} {aer:9.3f} {quire / aer:10.2f}")


if __name__ == "__main__":
    main()
