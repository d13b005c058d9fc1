# scikit-learn side of the baseline benchmark: GridSearchCV(cv=5) over Quire's default MLP and hist-gbt
# grids on the same 140 moons rows (make_moons-like, noise 0.1, min-max scaled), timed beside
# `quire-bench baselines FILE`, which tunes Quire's grids on that file; prints both and the ratio.
import os, re, subprocess, sys, tempfile, time
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GridSearchCV
from sklearn.neural_network import MLPClassifier

bench = sys.argv[1]
rng = np.random.default_rng(0)
n = 140
t = rng.uniform(0, np.pi, n)
y = np.arange(n) % 2
X = np.stack([np.where(y == 0, np.cos(t), 1 - np.cos(t)), np.where(y == 0, np.sin(t), 0.5 - np.sin(t))], 1) + rng.normal(0, 0.1, (n, 2))
X = (X - X.min(0)) / (X.max(0) - X.min(0))
order = rng.permutation(n)
X, y = X[order], y[order]
with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
    for row, label in zip(X, y):
        handle.write(f"{float(row[0])!r},{float(row[1])!r},{int(label)}\n")
quire = subprocess.run([bench, "baselines", handle.name], check=True, capture_output=True, text=True).stdout
os.unlink(handle.name)
print(quire, end="")
seconds = {m.group(1): float(m.group(2)) for m in re.finditer(r"baselines: (\S+): ([0-9.]+) s", quire)}
grids = {
    "mlp": (MLPClassifier(batch_size=32, max_iter=3000),
            {"alpha": [0.01, 0.001, 0.0001], "hidden_layer_sizes": [(100,), (10, 10, 10, 10), (50, 10, 5)],
             "learning_rate_init": [0.001, 0.01, 0.1]}),
    "hist-gbt": (HistGradientBoostingClassifier(), {"learning_rate": [0.05, 0.1, 0.3], "max_iter": [100],
                                                    "max_leaf_nodes": [7, 15, 31]}),
}
for name, (model, grid) in grids.items():
    start = time.perf_counter()
    GridSearchCV(model, grid, cv=5, scoring="accuracy", n_jobs=1).fit(X, y)
    elapsed = time.perf_counter() - start
    print(f"scikit-learn {name}: {elapsed:.3f} s; Quire / scikit-learn = {seconds[name] / elapsed:.3f}")
