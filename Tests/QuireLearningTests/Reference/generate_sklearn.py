#!/usr/bin/env python3
"""Reference values for the QuireLearning tests, from scikit-learn and SciPy.

Run once (python3 generate_sklearn.py, with scikit-learn and scipy installed) to rewrite the JSON
fixtures next to this file. Every fixture carries its own input data, so the Swift tests never
depend on our dataset generators or on numpy's random numbers: only on the values written here.
"""
import json
import os
import platform
import sys

import numpy as np
import scipy
import scipy.stats
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, log_loss
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.svm import SVC

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
            "python": platform.python_version()}


def write(name, payload):
    payload = {"generated_by": "generate_sklearn.py", "versions": VERSIONS, **payload}
    with open(os.path.join(HERE, name), "w") as handle:
        json.dump(payload, handle, indent=1, sort_keys=True)
        handle.write("\n")


def metrics():
    rng = np.random.RandomState(11)
    actual = rng.randint(0, 3, size=40)
    predicted = np.where(rng.rand(40) < 0.7, actual, rng.randint(0, 3, size=40))
    binary_actual = rng.randint(0, 2, size=30)
    binary_predicted = np.where(rng.rand(30) < 0.75, binary_actual, 1 - binary_actual)
    logits = rng.normal(size=(40, 3))
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    probabilities[0] = [1.0, 0.0, 0.0]  # a zero probability of the true class exercises the clipping
    actual_for_loss = actual.copy()
    actual_for_loss[0] = 2
    write("metrics.json", {
        "multiclass": {
            "actual": actual.tolist(), "predicted": predicted.tolist(),
            "accuracy": accuracy_score(actual, predicted),
            "macro_f1": f1_score(actual, predicted, average="macro"),
            "confusion": confusion_matrix(actual, predicted).tolist(),
            "probabilities": probabilities.tolist(), "actual_for_loss": actual_for_loss.tolist(),
            "log_loss": log_loss(actual_for_loss, probabilities, labels=[0, 1, 2]),
        },
        "binary": {
            "actual": binary_actual.tolist(), "predicted": binary_predicted.tolist(),
            "accuracy": accuracy_score(binary_actual, binary_predicted),
            "f1": f1_score(binary_actual, binary_predicted),
            "macro_f1": f1_score(binary_actual, binary_predicted, average="macro"),
        },
    })


def student_t():
    quantiles = []
    for p, df in [(0.975, 1), (0.975, 2), (0.975, 3), (0.975, 4), (0.975, 9), (0.975, 29), (0.975, 30),
                  (0.975, 100), (0.975, 1000), (0.995, 3), (0.9, 7), (0.75, 2.5), (0.999, 12)]:
        quantiles.append({"p": p, "df": df, "t": float(scipy.stats.t.ppf(p, df))})
    samples = [[0.81, 0.84, 0.79, 0.86, 0.83], [0.5, 0.7], [0.9, 0.925, 0.875, 0.95, 0.9, 0.85, 0.9, 0.925, 0.875, 0.9]]
    summaries = []
    for values in samples:
        values = np.array(values)
        mean, sem = values.mean(), scipy.stats.sem(values)
        low, high = scipy.stats.t.interval(0.95, len(values) - 1, loc=mean, scale=sem)
        summaries.append({"values": values.tolist(), "mean": mean, "std": values.std(ddof=1),
                          "lower": low, "upper": high})
    write("student_t.json", {"quantiles": quantiles, "summaries": summaries})


def logistic():
    rng = np.random.RandomState(5)
    x = rng.normal(size=(80, 3))
    y = (x @ np.array([1.5, -2.0, 0.5]) + 0.3 + rng.normal(scale=1.0, size=80) > 0).astype(int)
    x_train, y_train, x_test = x[:60], y[:60], x[60:]
    binary = []
    for c in [0.01, 1.0, 100.0]:
        model = LogisticRegression(C=c, tol=1e-12, max_iter=100000).fit(x_train, y_train)
        binary.append({"c": c, "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
                       "decision": model.decision_function(x_test).tolist(),
                       "probability_1": model.predict_proba(x_test)[:, 1].tolist()})
    centers = np.array([[0.0, 0.0], [2.0, 1.0], [0.5, 2.5]])
    labels = np.repeat([0, 1, 2], 30)
    points = centers[labels] + rng.normal(scale=0.9, size=(90, 2))
    order = rng.permutation(90)
    points, labels = points[order], labels[order]
    multi = []
    for c in [1.0, 10.0]:
        model = LogisticRegression(C=c, tol=1e-12, max_iter=100000).fit(points[:70], labels[:70])
        multi.append({"c": c, "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
                      "decision": model.decision_function(points[70:]).tolist(),
                      "probabilities": model.predict_proba(points[70:]).tolist()})
    write("logistic.json", {
        "binary": {"x_train": x_train.tolist(), "y_train": y_train.tolist(), "x_test": x_test.tolist(), "fits": binary},
        "multiclass": {"x_train": points[:70].tolist(), "y_train": labels[:70].tolist(), "x_test": points[70:].tolist(),
                       "fits": multi},
    })


def noisy_moons(rng, n, noise):
    """Half-moon points written into the fixture (scikit-learn's make_moons geometry, numpy noise)."""
    t = rng.uniform(0, np.pi, size=n)
    labels = rng.randint(0, 2, size=n)
    x = np.where(labels == 0, np.cos(t), 1 - np.cos(t))
    y = np.where(labels == 0, np.sin(t), 0.5 - np.sin(t))
    return np.c_[x, y] + rng.normal(scale=noise, size=(n, 2)), labels


def svc():
    rng = np.random.RandomState(21)
    points, labels = noisy_moons(rng, 120, 0.25)
    x_train, y_train, x_test, y_test = points[:80], labels[:80], points[80:], labels[80:]
    fits = []
    for c, gamma in [(1.0, 0.5), (10.0, 2.0), (0.1, 1.0), (100.0, 0.1)]:
        entry = {"c": c, "gamma": gamma}
        for name, tol in [("tight", 1e-9), ("default", 1e-3)]:
            model = SVC(C=c, gamma=gamma, tol=tol).fit(x_train, y_train)
            entry[name] = {"tol": tol, "decision": model.decision_function(x_test).tolist(),
                           "intercept": model.intercept_.tolist(), "support": model.support_.tolist(),
                           "dual_coef": model.dual_coef_[0].tolist(), "n_support": int(model.n_support_.sum()),
                           "accuracy": accuracy_score(y_test, model.predict(x_test))}
        fits.append(entry)
    centers = np.array([[0.0, 0.0], [2.0, 1.0], [0.5, 2.5]])
    blob_labels = np.repeat([0, 1, 2], 30)
    blob_points = centers[blob_labels] + rng.normal(scale=0.9, size=(90, 2))
    order = rng.permutation(90)
    blob_points, blob_labels = blob_points[order], blob_labels[order]
    model = SVC(C=1.0, gamma=0.5, tol=1e-9).fit(blob_points[:60], blob_labels[:60])
    write("svc.json", {
        "binary": {"x_train": x_train.tolist(), "y_train": y_train.tolist(), "x_test": x_test.tolist(),
                   "y_test": y_test.tolist(), "fits": fits},
        "multiclass": {"x_train": blob_points[:60].tolist(), "y_train": blob_labels[:60].tolist(),
                       "x_test": blob_points[60:].tolist(), "c": 1.0, "gamma": 0.5,
                       "predicted": model.predict(blob_points[60:]).tolist(),
                       "n_support": int(model.n_support_.sum())},
    })


def mlp():
    """MLPClassifier test accuracies over five seeds (bit-for-bit agreement is impossible: the
    random generators differ; the Swift test compares accuracy)."""
    rng = np.random.RandomState(31)
    x = rng.uniform(-1, 1, size=(400, 2))
    keep = np.abs(x.sum(axis=1)) > 0.1
    x = x[keep][:200]
    y = (x.sum(axis=1) < 0).astype(int)
    radius = np.where(rng.rand(200) < 0.5, 1.0, 0.5)
    angle = rng.uniform(0, 2 * np.pi, size=200)
    circles = np.c_[radius * np.cos(angle), radius * np.sin(angle)] + rng.normal(scale=0.08, size=(200, 2))
    circle_labels = (radius < 1).astype(int)
    problems = {}
    for name, points, labels, hidden in [("separable", x, y, [10]), ("circles", circles, circle_labels, [100])]:
        accuracies = []
        for seed in range(5):
            model = MLPClassifier(hidden_layer_sizes=tuple(hidden), max_iter=1000, random_state=seed).fit(points[:150], labels[:150])
            accuracies.append(accuracy_score(labels[150:], model.predict(points[150:])))
        problems[name] = {"x": points.tolist(), "y": labels.tolist(), "train": 150, "hidden": hidden, "max_iter": 1000,
                          "accuracies": accuracies}
    write("mlp.json", problems)


def grid_search():
    rng = np.random.RandomState(41)
    labels = rng.permutation(np.repeat([2, 0, 1], [13, 9, 6]))
    folds = [test.tolist() for _, test in StratifiedKFold(n_splits=5).split(np.zeros(len(labels)), labels)]
    svc_problems = []
    for seed, noise in [(41, 0.3), (46, 0.2)]:
        moon_rng = rng if seed == 41 else np.random.RandomState(seed)
        points, moon_labels = noisy_moons(moon_rng, 140, noise)
        search = GridSearchCV(SVC(), {"C": [0.1, 1, 10, 100], "gamma": [0.001, 0.01, 0.1, 1]}, cv=5,
                              scoring="accuracy").fit(points, moon_labels)
        svc_problems.append({"x": points.tolist(), "y": moon_labels.tolist(),
                             "params": [[p["C"], p["gamma"]] for p in search.cv_results_["params"]],
                             "mean_scores": search.cv_results_["mean_test_score"].tolist(),
                             "best_index": int(search.best_index_)})
    x = rng.normal(size=(100, 4))
    y = (x @ np.array([1.0, -1.0, 0.5, 0.0]) + rng.normal(scale=1.2, size=100) > 0).astype(int)
    logistic_search = GridSearchCV(LogisticRegression(tol=1e-12, max_iter=100000),
                                   {"C": [0.001, 0.01, 0.1, 1, 10, 100, 1000]}, cv=5, scoring="accuracy").fit(x, y)
    write("grid_search.json", {
        "folds": {"labels": labels.tolist(), "validation": folds},
        "svc": svc_problems,
        "logistic": {"x": x.tolist(), "y": y.tolist(),
                     "params": [p["C"] for p in logistic_search.cv_results_["params"]],
                     "mean_scores": logistic_search.cv_results_["mean_test_score"].tolist(),
                     "best_index": int(logistic_search.best_index_)},
    })


KNN_GRID = {"n_neighbors": [1, 3, 5, 7, 9, 15], "weights": ["uniform", "distance"]}


def knn_heap(squared, k):
    """The k nearest as scikit-learn's brute-force heap keeps them (utils/_heap.pyx heap_push, rows
    offered in order), sorted by distance then row: the rule Quire documents and implements."""
    values, rows = [np.inf] * k, [-1] * k
    for row, value in enumerate(squared):
        if value >= values[0]:
            continue
        current = 0
        while True:
            left, right = 2 * current + 1, 2 * current + 2
            if left >= k:
                break
            child = left if right >= k or values[left] >= values[right] else right
            if not value < values[child]:
                break
            values[current], rows[current] = values[child], rows[child]
            current = child
        values[current], rows[current] = value, row
    return sorted((r for r in rows if r >= 0), key=lambda r: (squared[r], r))


def knn_rule(x_train, y_train, x_test, k, weights, classes):
    """Predictions by the documented rule (sequential sums), to check that sklearn agrees on a fixture."""
    predicted = []
    for query in x_test:
        squared = [sum((a - b) ** 2 for a, b in zip(row, query)) for row in x_train]
        rows = knn_heap(squared, k)
        distance = [float(np.sqrt(squared[r])) for r in rows]
        if weights == "uniform":
            w = [1.0] * len(rows)
        elif 0.0 in distance:
            w = [1.0 if d == 0.0 else 0.0 for d in distance]
        else:
            w = [1.0 / d for d in distance]
        votes = [0.0] * classes
        for r, wr in zip(rows, w):
            votes[y_train[r]] += wr
        predicted.append(int(np.argmax(votes)))
    return predicted


def knn_problem(name, x, y, train):
    """Predictions of every grid point, and GridSearchCV's choice and test accuracy, on one fixture."""
    x_train, y_train, x_test, y_test = x[:train], y[:train], x[train:], y[train:]
    classes = int(y.max()) + 1
    fits = []
    for k in KNN_GRID["n_neighbors"]:
        for weights in KNN_GRID["weights"]:
            model = KNeighborsClassifier(n_neighbors=k, weights=weights, algorithm="brute").fit(x_train, y_train)
            predicted = model.predict(x_test).tolist()
            assert predicted == knn_rule(x_train.tolist(), y_train.tolist(), x_test.tolist(), k, weights, classes), (name, k, weights)
            fits.append({"k": k, "weights": weights, "predicted": predicted})
    search = GridSearchCV(KNeighborsClassifier(algorithm="brute"), KNN_GRID, cv=5, scoring="accuracy").fit(x_train, y_train)
    for index, params in enumerate(search.cv_results_["params"]):
        scores = []
        for fit_rows, validation in StratifiedKFold(n_splits=5).split(x_train, y_train):
            rule = knn_rule(x_train[fit_rows].tolist(), y_train[fit_rows].tolist(), x_train[validation].tolist(),
                            params["n_neighbors"], params["weights"], classes)
            scores.append(accuracy_score(y_train[validation], rule))
        assert np.mean(scores) == search.cv_results_["mean_test_score"][index], (name, params)
    return {"name": name, "x": x.tolist(), "y": y.tolist(), "train": train, "fits": fits,
            "params": [[p["n_neighbors"], p["weights"]] for p in search.cv_results_["params"]],
            "mean_scores": search.cv_results_["mean_test_score"].tolist(), "best_index": int(search.best_index_),
            "best_k": int(search.best_params_["n_neighbors"]), "best_weights": search.best_params_["weights"],
            "test_accuracy": accuracy_score(y_test, search.predict(x_test))}


def knn():
    """KNeighborsClassifier(algorithm="brute") on moons, three blobs, and points on a half-integer
    lattice whose duplicates (conflicting labels included) tie distances at every k; lattice
    distances are exact, so both distance formulas agree and every tie is a true tie."""
    rng = np.random.RandomState(51)
    moons, moon_labels = noisy_moons(rng, 150, 0.3)
    centers = np.array([[0.0, 0.0], [2.5, 0.5], [1.0, 2.5]])
    blob_labels = rng.permutation(np.repeat([0, 1, 2], 40))
    blobs = centers[blob_labels] + rng.normal(scale=0.9, size=(120, 2))
    lattice = rng.randint(0, 7, size=(90, 2)) / 2.0
    lattice_labels = ((lattice.sum(axis=1) > 3) + (rng.rand(90) < 0.25)) % 2
    write("knn.json", {"problems": [knn_problem("moons", moons, moon_labels, 100),
                                    knn_problem("blobs", blobs, blob_labels, 80),
                                    knn_problem("lattice", lattice, lattice_labels, 60)]})


HIST_GBT_GRID = {"learning_rate": [0.05, 0.1, 0.3], "max_iter": [100], "max_leaf_nodes": [7, 15, 31]}


def hist_gbt_problem(name, x, y, train):
    """Every grid point's test predictions and raw scores, the bin thresholds, and GridSearchCV's
    scores, choice and test accuracy on one fixture (early stopping is off below 10,000 samples)."""
    x_train, y_train, x_test, y_test = x[:train], y[:train], x[train:], y[train:]
    fits = []
    thresholds = None
    for rate in HIST_GBT_GRID["learning_rate"]:
        for leaves in HIST_GBT_GRID["max_leaf_nodes"]:
            model = HistGradientBoostingClassifier(learning_rate=rate, max_leaf_nodes=leaves).fit(x_train, y_train)
            assert not model.do_early_stopping_ and model.n_iter_ == 100
            thresholds = [t.tolist() for t in model._bin_mapper.bin_thresholds_]
            decision = model.decision_function(x_test)
            fits.append({"learning_rate": rate, "max_leaf_nodes": leaves, "predicted": model.predict(x_test).tolist(),
                         "decision": np.reshape(decision, (len(x_test), -1)).tolist()})
    search = GridSearchCV(HistGradientBoostingClassifier(), HIST_GBT_GRID, cv=5, scoring="accuracy").fit(x_train, y_train)
    return {"name": name, "x": x.tolist(), "y": y.tolist(), "train": train, "fits": fits, "thresholds": thresholds,
            "params": [[p["learning_rate"], p["max_leaf_nodes"]] for p in search.cv_results_["params"]],
            "mean_scores": search.cv_results_["mean_test_score"].tolist(), "best_index": int(search.best_index_),
            "test_accuracy": accuracy_score(y_test, search.predict(x_test))}


def hist_gbt():
    """HistGradientBoostingClassifier on moons, three blobs, and 8 features of which 3 decide the class
    (360 rows: more distinct values than 255 bins, so the thresholds are percentiles)."""
    rng = np.random.RandomState(61)
    moons, moon_labels = noisy_moons(rng, 200, 0.3)
    centers = np.array([[0.0, 0.0], [2.5, 0.5], [1.0, 2.5]])
    blob_labels = rng.permutation(np.repeat([0, 1, 2], 60))
    blobs = centers[blob_labels] + rng.normal(scale=1.0, size=(180, 2))
    wide = rng.normal(size=(360, 8))
    wide_labels = (wide[:, 0] * wide[:, 1] + np.sin(2 * wide[:, 2]) + rng.normal(scale=0.3, size=360) > 0).astype(int)
    write("hist_gbt.json", {"problems": [hist_gbt_problem("moons", moons, moon_labels, 150),
                                         hist_gbt_problem("blobs", blobs, blob_labels, 130),
                                         hist_gbt_problem("wide", wide, wide_labels, 300)]})


if __name__ == "__main__":
    # python3 generate_sklearn.py [fixture ...]: all fixtures, or only those named (e.g. knn).
    for fixture in sys.argv[1:] or ["metrics", "student_t", "logistic", "svc", "mlp", "grid_search", "knn", "hist_gbt"]:
        globals()[fixture]()
