"""Writes kmeans_iris_reference.json: scikit-learn's Lloyd k-means on the four iris features from given initial
centroids (rows of the data, and one far-away centroid that leaves its cluster empty at the first assignment).

Run once with Debian's python3-sklearn 1.2.1 (numpy 1.24.2):  python3 make_kmeans_reference.py
"""
import json
import warnings

import numpy as np
from sklearn.cluster import KMeans

warnings.simplefilter("ignore")
data = np.loadtxt("iris.csv", delimiter=",", skiprows=1)[:, :4]

cases = [
    ("rows 0, 50, 100", [data[0], data[50], data[100]]),
    ("rows 0, 1, 2", [data[0], data[1], data[2]]),
    ("rows 10, 20, 30, 40, 60, 70, 80, 90", [data[i] for i in (10, 20, 30, 40, 60, 70, 80, 90)]),
    ("rows 0, 50 and a far centroid (empty at the first assignment)", [data[0], data[50], [100.0, 100.0, 100.0, 100.0]]),
]

out = {"provenance": "scikit-learn 1.2.1 (Debian python3-sklearn), numpy 1.24.2, KMeans(init=..., n_init=1, algorithm='lloyd', max_iter=300, tol=1e-4) on float64 and float32 iris features", "cases": []}
for name, init in cases:
    init = np.array(init, dtype=np.float64)
    entry = {"name": name, "init": init.tolist()}
    for dtype in ("float64", "float32"):
        x = data.astype(dtype)
        km = KMeans(n_clusters=len(init), init=init.astype(dtype), n_init=1, algorithm="lloyd", max_iter=300, tol=1e-4).fit(x)
        entry[dtype] = {
            "centroids": km.cluster_centers_.astype(np.float64).tolist(),
            "labels": km.labels_.tolist(),
            "inertia": float(km.inertia_),
            "iterations": int(km.n_iter_),
        }
    out["cases"].append(entry)

# The best of 100 k-means++ runs for k = 3 (the iris optimum that k-means++ finds for most seeds).
best = KMeans(n_clusters=3, init="k-means++", n_init=100, algorithm="lloyd", random_state=0).fit(data)
out["plusplus_k3_best"] = {"centroids": best.cluster_centers_.tolist(), "inertia": float(best.inertia_)}

with open("kmeans_iris_reference.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
