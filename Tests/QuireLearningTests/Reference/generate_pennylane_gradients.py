"""Reference values and gradients of a PennyLane variational circuit for Quire's adjoint test.

Circuit: AngleEmbedding(x, rotation="Y") on 4 wires, StronglyEntanglingLayers (2 layers), <Z_0>;
and the same with parity Z0 Z1 Z2 Z3. Gradients by PennyLane's adjoint method on default.qubit.
Run once with /work/venv/bin/python (pennylane installed); writes pennylane_gradients.json beside this file.
"""
import json
import os

import pennylane as qml
from pennylane import numpy as np

rng = np.random.default_rng(20261125)
dev = qml.device("default.qubit", wires=4)
cases = []
for observable in ["Z0", "parity"]:

    @qml.qnode(dev, diff_method="adjoint")
    def circuit(weights, x):
        qml.AngleEmbedding(x, wires=range(4), rotation="Y")
        qml.StronglyEntanglingLayers(weights, wires=range(4))
        if observable == "Z0":
            return qml.expval(qml.PauliZ(0))
        return qml.expval(qml.PauliZ(0) @ qml.PauliZ(1) @ qml.PauliZ(2) @ qml.PauliZ(3))

    for _ in range(2):
        weights = np.array(rng.uniform(0, 2 * np.pi, size=(2, 4, 3)), requires_grad=True)
        x = np.array(rng.uniform(-1, 1, size=2), requires_grad=False)
        value = float(circuit(weights, x))
        grad = qml.grad(circuit, argnums=0)(weights, x)
        cases.append({"observable": observable, "weights": weights.flatten().tolist(), "features": x.tolist(),
                      "value": value, "gradient": np.asarray(grad).flatten().tolist()})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pennylane_gradients.json"), "w") as f:
    json.dump({"pennylane_version": qml.__version__, "cases": cases}, f, indent=1)
