"""Reference statevectors of Qiskit's ZZFeatureMap (Havlicek et al. 2019) for the IQP encoding test.

Run once with /work/venv/bin/python; writes feature_maps.json beside this file. Quire's IQP encoding
must equal these states up to a global phase (rz vs p, rzz vs cx-p-cx).
"""
import json
import os

import numpy as np
from qiskit.circuit.library import ZZFeatureMap
from qiskit.quantum_info import Statevector

rng = np.random.default_rng(20261125)
cases = []
for features, reps in [(2, 1), (3, 2), (4, 2)]:
    for _ in range(2):
        x = rng.uniform(0, 2, size=features)
        fmap = ZZFeatureMap(feature_dimension=features, reps=reps, entanglement="full")
        state = Statevector(fmap.assign_parameters(x)).data  # qubit 0 least significant
        cases.append({"features": x.tolist(), "reps": reps, "re": state.real.tolist(), "im": state.imag.tolist()})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "feature_maps.json"), "w") as f:
    json.dump({"zz_feature_map": cases}, f, indent=1)
