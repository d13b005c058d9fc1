#!/usr/bin/env python3
"""Reproduce the numbers of a `quire export --reproduce FOLDER` with the peers' own tools.

For every repeat folder (split.csv + repeat.json) it refits each classical baseline with
scikit-learn at the hyperparameters Quire chose, on the same scaled training samples, and compares
the test predictions and accuracy with Quire's (hist-gbt as HistGradientBoostingClassifier,
never stopping early, as Quire does not); and it recomputes the quantum model's test outputs
with Qiskit from the exported circuits (variational: the expectation value of the observable plus
the bias; kernel: the fidelity Gram matrices, then scikit-learn's SVC on them). Exits 1 when any
number differs, printing which.

What it cannot redo exactly, and says so instead: the MLP (its initial weights and batch order come
from Quire's Philox streams, not numpy's), and quantum models run with noise or shots.

Usage: python3 reproduce.py FOLDER   (needs numpy, scikit-learn, qiskit)
"""
import csv
import json
import math
import pathlib
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC

OUTPUT_TOLERANCE = 1e-9  # Quire's and Qiskit's statevectors differ by rounding only.


def load_split(path):
    rows = list(csv.reader(path.open()))
    sets = {"train": ([], []), "test": ([], [])}
    for row in rows[1:]:
        features, labels = sets[row[0]]
        labels.append(int(row[2]))
        features.append([float(value) for value in row[3:]])
    return {name: (np.array(f), np.array(y)) for name, (f, y) in sets.items()}


def baseline_model(name, hp):
    """scikit-learn's estimator for a Quire baseline at the chosen hyperparameters, or None."""
    if name == "logistic-regression":
        # Quire stops at a relative step of `tolerance`; lbfgs run to convergence finds the same
        # unique optimum of the strictly convex objective.
        return LogisticRegression(C=hp["C"], tol=1e-12, max_iter=100000)
    if name == "rbf-svm":
        return SVC(C=hp["C"], gamma=hp["gamma"], tol=hp["tolerance"])
    if name == "knn":
        return KNeighborsClassifier(n_neighbors=hp["n_neighbors"], weights=hp["weights"], algorithm="brute")
    if name == "hist-gbt":
        # Quire never stops early; scikit-learn's "auto" would only above 10,000 samples.
        return HistGradientBoostingClassifier(
            learning_rate=hp["learning_rate"], max_iter=hp["max_iter"], max_leaf_nodes=hp["max_leaf_nodes"],
            min_samples_leaf=hp["min_samples_leaf"], l2_regularization=hp["l2_regularization"], max_bins=hp["max_bins"],
            early_stopping=False)
    return None


def check_baselines(record, split, problems, folder):
    (x_train, y_train), (x_test, y_test) = split["train"], split["test"]
    for baseline in record["baselines"]:
        model = baseline_model(baseline["name"], baseline["hyperparameters"])
        if model is None:
            print(f"{folder}: {baseline['name']}: not compared (its training draws from Quire's own random streams)")
            continue
        predicted = model.fit(x_train, y_train).predict(x_test)
        accuracy = float(np.mean(predicted == y_test))
        ours = baseline["test_accuracy"]
        differing = int(np.sum(predicted != np.array(baseline["test_predictions"])))
        status = "ok" if accuracy == ours else "DIFFERS"
        print(f"{folder}: {baseline['name']}: test accuracy {accuracy:.6f} (Quire {ours:.6f}), {differing} predictions differ: {status}")
        if accuracy != ours:
            problems.append(f"{folder}: {baseline['name']} test accuracy {accuracy} != {ours}")


def statevector(path):
    from qiskit import qasm2
    from qiskit.quantum_info import Statevector

    circuit = qasm2.loads(path.read_text(), custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    circuit.remove_final_measurements()
    return Statevector(circuit).data


def z_expectation(state, observable, qubits):
    mask = (1 << qubits) - 1 if observable == "parity" else 1 << int(observable[1:])
    signs = np.array([-1.0 if bin(i & mask).count("1") % 2 else 1.0 for i in range(len(state))])
    return float(np.sum(signs * np.abs(state) ** 2))


def check_quantum(record, split, folder, problems):
    quantum = record.get("quantum")
    if quantum is None:
        return
    if quantum["kind"] == "variational-multiclass":
        print(f"{folder}: quantum model: not compared (multi-class readouts are exported as parameters only)")
        return
    execution = record["spec"]["execution"]
    if execution["noise"] is not None or execution["shots"] != 0:
        print(f"{folder}: quantum model: not compared (noisy or sampled execution; this script redoes exact ones)")
        return
    circuits = folder / "circuits"
    y_test = split["test"][1]
    if quantum["kind"] == "variational":
        outputs = []
        for index in range(len(y_test)):
            state = statevector(circuits / f"test-{index}.qasm")
            outputs.append(z_expectation(state, quantum["observable"], quantum["qubits"]) + quantum["bias"])
        worst = max(abs(a - b) for a, b in zip(outputs, quantum["test_outputs"]))
        predicted = np.array([1 if value >= 0 else 0 for value in outputs])
    else:
        train = [statevector(circuits / f"train-{i}.qasm") for i in range(len(split["train"][1]))]
        test = [statevector(circuits / f"test-{i}.qasm") for i in range(len(y_test))]
        gram = np.array([[abs(np.vdot(a, b)) ** 2 for b in train] for a in train])
        cross = np.array([[abs(np.vdot(a, b)) ** 2 for b in train] for a in test])
        model = SVC(kernel="precomputed", C=quantum["c"], tol=1e-9).fit(gram, split["train"][1])
        predicted = model.predict(cross)
        worst = 0.0
    accuracy = float(np.mean(predicted == y_test))
    ours = quantum["test_accuracy"]
    ok = accuracy == ours and worst <= OUTPUT_TOLERANCE
    detail = f", largest output difference {worst:.1e}" if quantum["kind"] == "variational" else ""
    print(f"{folder}: quantum {quantum['kind']}: test accuracy {accuracy:.6f} (Quire {ours:.6f}){detail}: {'ok' if ok else 'DIFFERS'}")
    if not ok:
        problems.append(f"{folder}: quantum {quantum['kind']} accuracy {accuracy} != {ours} or outputs differ by {worst}")


def main(root):
    problems = []
    folders = sorted(path.parent for path in pathlib.Path(root).rglob("repeat.json"))
    if not folders:
        sys.exit(f"{root}: no repeat.json found; run quire export --reproduce {root} PAPER.md first")
    for folder in folders:
        record = json.loads((folder / "repeat.json").read_text())
        split = load_split(folder / "split.csv")
        check_baselines(record, split, problems, folder)
        check_quantum(record, split, folder, problems)
    for problem in problems:
        print("MISMATCH:", problem)
    print(f"{len(folders)} repeats, {len(problems)} mismatches")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__))
