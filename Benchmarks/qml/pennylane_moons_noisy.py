# PennyLane default.mixed side of the noisy benchmark: same model as qml_pennylane_bench.py, depolarizing
# lambda = 0.01 after every gate (1q: DepolarizingChannel(3*lambda/4); 2q: 16 Pauli Kraus operators), backprop.
import sys, time, itertools
import pennylane as qml
from pennylane import numpy as np

epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
lam = 0.01
rng = np.random.default_rng(0)
n = 140
X = np.array(rng.uniform(0, 1, (n, 2)), requires_grad=False)
Y = np.array(np.where(np.arange(n) % 2 == 0, -1.0, 1.0), requires_grad=False)
paulis = [np.eye(2), np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]])]
kraus2 = [np.sqrt(1 - 15 * lam / 16) * np.eye(4)] + [np.sqrt(lam / 16) * np.kron(a, b) for a, b in itertools.product(paulis, paulis)][1:]
dev = qml.device("default.mixed", wires=4)

def noisy1(op, w):
    op
    qml.DepolarizingChannel(3 * lam / 4, wires=w)

@qml.qnode(dev, diff_method="backprop")
def circuit(weights, x):
    for j in range(2):
        qml.RY(x[j], wires=j); qml.DepolarizingChannel(3 * lam / 4, wires=j)
    for l in range(2):
        for i in range(4):
            qml.RZ(weights[l, i, 0], wires=i); qml.DepolarizingChannel(3 * lam / 4, wires=i)
            qml.RY(weights[l, i, 1], wires=i); qml.DepolarizingChannel(3 * lam / 4, wires=i)
            qml.RZ(weights[l, i, 2], wires=i); qml.DepolarizingChannel(3 * lam / 4, wires=i)
        r = l % 3 + 1
        for i in range(4):
            qml.CNOT(wires=[i, (i + r) % 4]); qml.QubitChannel(kraus2, wires=[i, (i + r) % 4])
    return qml.expval(qml.PauliZ(0))

def cost(weights, bias, Xb, Yb):
    preds = np.stack([circuit(weights, x) for x in Xb]) + bias
    return np.mean((preds - Yb) ** 2)

weights = np.array(rng.uniform(0, 2 * np.pi, (2, 4, 3)), requires_grad=True)
bias = np.array(0.0, requires_grad=True)
opt = qml.AdamOptimizer(0.05)
start = time.perf_counter()
for epoch in range(epochs):
    order = rng.permutation(n)
    for s in range(0, n, 16):
        idx = order[s:s + 16]
        (weights, bias, _, _), _ = opt.step_and_cost(cost, weights, bias, X[idx], Y[idx])
    loss = cost(weights, bias, X, Y)
elapsed = time.perf_counter() - start
print(f"pennylane {qml.__version__} default.mixed backprop, {epochs} epoch(s): {elapsed:.2f} s (x{30 / epochs:.0f} for 30 epochs: {elapsed * 30 / epochs:.0f} s), loss {float(loss):.4f}")
