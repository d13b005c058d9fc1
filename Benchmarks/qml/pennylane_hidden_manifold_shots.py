# PennyLane side of the shot-based noisy benchmark (issue 17): 10 features on 10 qubits, re-uploading
# RY(x_j) before each strongly-entangling layer (RZ RY RZ per qubit, CNOT ring of range 1), ⟨Z0⟩,
# depolarizing (lambda convention: 1q 0.001, 2q 0.01) after every gate, readout error folded in as
# PennyLane allows (bit flips before measurement are not the same channel; left out: noted), 500 shots,
# parameter-shift gradients. One sample's gradient and value are timed on default.mixed and on
# lightning.qubit (noiseless, shots) and extrapolated to the Quire block's counts, given on the command
# line as: gradient_samples value_samples [qubits] (e.g. 80 130 for 40 training samples, 2 epochs, 10 test;
# qubits, also the feature count, 10 unless given: qml/hidden_manifold_shots_6.md is the 6-qubit block).
import sys, time, itertools
import pennylane as qml
import numpy as onp
from pennylane import numpy as np

gradient_samples = int(sys.argv[1]) if len(sys.argv) > 1 else 80
value_samples = int(sys.argv[2]) if len(sys.argv) > 2 else 130
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
layers, shots = 1, 500
lam1, lam2 = 0.001, 0.01
# Kraus operators are constants (plain numpy), not trainable parameters.
paulis = [onp.eye(2), onp.array([[0, 1], [1, 0]]), onp.array([[0, -1j], [1j, 0]]), onp.array([[1, 0], [0, -1]])]
kraus2 = [onp.sqrt(1 - 15 * lam2 / 16) * onp.eye(4)] + [onp.sqrt(lam2 / 16) * onp.kron(a, b) for a, b in itertools.product(paulis, paulis)][1:]
rng = np.random.default_rng(0)
x = np.array(rng.uniform(-1, 1, n), requires_grad=False)
weights = np.array(rng.uniform(0, 2 * np.pi, (layers, n, 3)), requires_grad=True)

def model(weights, x, noisy):
    for l in range(layers):
        for j in range(n):
            qml.RY(x[j], wires=j)
            if noisy: qml.DepolarizingChannel(3 * lam1 / 4, wires=j)
        for i in range(n):
            for k, gate in enumerate((qml.RZ, qml.RY, qml.RZ)):
                gate(weights[l, i, k], wires=i)
                if noisy: qml.DepolarizingChannel(3 * lam1 / 4, wires=i)
        for i in range(n):
            qml.CNOT(wires=[i, (i + 1) % n])
            if noisy: qml.QubitChannel(kraus2, wires=[i, (i + 1) % n])
    return qml.expval(qml.PauliZ(0))

def timed(device, noisy):
    node = qml.set_shots(qml.QNode(lambda w, x: model(w, x, noisy), device, diff_method="parameter-shift"), shots=shots)
    start = time.perf_counter(); node(weights, x); value = time.perf_counter() - start
    start = time.perf_counter(); qml.grad(node)(weights, x); gradient = time.perf_counter() - start
    return value, gradient

for name, noisy in (("default.mixed", True), ("lightning.qubit", False)):
    value, gradient = timed(qml.device(name, wires=n), noisy)
    total = gradient_samples * gradient + value_samples * value
    print(f"{name} ({'noisy' if noisy else 'noiseless'}, {shots} shots, parameter-shift): value {value:.3f} s, gradient {gradient:.3f} s per sample; "
          f"{gradient_samples} gradients + {value_samples} values ≈ {total:.1f} s", flush=True)
