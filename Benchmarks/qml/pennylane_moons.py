# PennyLane side of the moons benchmark: 4 qubits, AngleEmbedding(Y) of 2 features, 2 StronglyEntanglingLayers,
# <Z0> + bias, square loss, Adam(0.05), 30 epochs, batch 16, 140 training points, adjoint differentiation.
# Data: make_moons-like (noise 0.1) from numpy, min-max scaled to [0, 1] (timing does not depend on the values).
import sys, time
import pennylane as qml
from pennylane import numpy as np

device_name = sys.argv[1] if len(sys.argv) > 1 else "lightning.qubit"
mode = sys.argv[2] if len(sys.argv) > 2 else "loop"
rng = np.random.default_rng(0)
n = 140
t = rng.uniform(0, np.pi, n)
y = np.where(np.arange(n) % 2 == 0, -1.0, 1.0)
X = np.stack([np.where(y < 0, np.cos(t), 1 - np.cos(t)), np.where(y < 0, np.sin(t), 0.5 - np.sin(t))], 1) + rng.normal(0, 0.1, (n, 2))
X = (X - X.min(0)) / (X.max(0) - X.min(0))
X = np.array(X, requires_grad=False)
Y = np.array(y, requires_grad=False)

dev = qml.device(device_name, wires=4)

@qml.qnode(dev, diff_method="adjoint")
def circuit(weights, x):
    qml.AngleEmbedding(x, wires=range(4), rotation="Y")
    qml.StronglyEntanglingLayers(weights, wires=range(4))
    return qml.expval(qml.PauliZ(0))

def cost(weights, bias, Xb, Yb):
    if mode == "broadcast":
        preds = circuit(weights, Xb.T if False else Xb) + bias
    else:
        preds = np.stack([circuit(weights, x) for x in Xb]) + bias
    return np.mean((preds - Yb) ** 2)

weights = np.array(rng.uniform(0, 2 * np.pi, (2, 4, 3)), requires_grad=True)
bias = np.array(0.0, requires_grad=True)
opt = qml.AdamOptimizer(0.05)
start = time.perf_counter()
for epoch in range(30):
    order = rng.permutation(n)
    for s in range(0, n, 16):
        idx = order[s:s + 16]
        (weights, bias, _, _), _ = opt.step_and_cost(cost, weights, bias, X[idx], Y[idx])
    loss = cost(weights, bias, X, Y)
elapsed = time.perf_counter() - start
print(f"pennylane {qml.__version__} {device_name} {mode}: {elapsed:.2f} s, final loss {float(loss):.4f}")
