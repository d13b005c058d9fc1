# PennyLane under JAX on the moons benchmark (the qml-benchmarks runtime): default.qubit with
# diff_method="backprop", the batch through jax.vmap, loss and gradient under jax.jit, optax.adam(0.05).
# Same task as quire-bench qml and pennylane_moons.py: 4 qubits, AngleEmbedding(Y) of 2 features,
# 2 StronglyEntanglingLayers, <Z0> + bias, square loss, 30 epochs, batch 16, 140 training points.
# The first (compiling) step is timed separately; "train" is the 30 epochs after it.
import time
import jax
import jax.numpy as jnp
import numpy as np
import optax
import pennylane as qml

jax.config.update("jax_enable_x64", True)
rng = np.random.default_rng(0)
n = 140
t = rng.uniform(0, np.pi, n)
y = np.where(np.arange(n) % 2 == 0, -1.0, 1.0)
X = np.stack([np.where(y < 0, np.cos(t), 1 - np.cos(t)), np.where(y < 0, np.sin(t), 0.5 - np.sin(t))], 1) + rng.normal(0, 0.1, (n, 2))
X = jnp.array((X - X.min(0)) / (X.max(0) - X.min(0)))
Y = jnp.array(y)

dev = qml.device("default.qubit", wires=4)


@qml.qnode(dev, interface="jax", diff_method="backprop")
def circuit(weights, x):
    qml.AngleEmbedding(x, wires=range(4), rotation="Y")
    qml.StronglyEntanglingLayers(weights, wires=range(4))
    return qml.expval(qml.PauliZ(0))


def cost(params, Xb, Yb):
    preds = jax.vmap(circuit, in_axes=(None, 0))(params["weights"], Xb) + params["bias"]
    return jnp.mean((preds - Yb) ** 2)


optimizer = optax.adam(0.05)


@jax.jit
def step(params, state, Xb, Yb):
    loss, grads = jax.value_and_grad(cost)(params, Xb, Yb)
    updates, state = optimizer.update(grads, state, params)
    return optax.apply_updates(params, updates), state, loss


params = {"weights": jnp.array(rng.uniform(0, 2 * np.pi, (2, 4, 3))), "bias": jnp.array(0.0)}
state = optimizer.init(params)
batches = [order[s:s + 16] for order in (rng.permutation(n) for _ in range(30)) for s in range(0, n, 16)]
start = time.perf_counter()
params, state, _ = step(params, state, X[batches[0]], Y[batches[0]])  # compiles for the full batch size
jax.block_until_ready(params)
compile_seconds = time.perf_counter() - start
start = time.perf_counter()
for idx in batches[1:]:
    params, state, loss = step(params, state, X[idx], Y[idx])
jax.block_until_ready(params)
train_seconds = time.perf_counter() - start
loss = float(cost(params, X, Y))
print(f"pennylane {qml.__version__} default.qubit jax.jit+vmap+optax: {train_seconds:.2f} s train "
      f"(+{compile_seconds:.2f} s first steps), final loss {loss:.4f}")
