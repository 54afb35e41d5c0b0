"""scikit-learn baseline for KMeansBenchmark: KMeans on the same matrix in the same run.

Usage: python3 kmeans_benchmark.py FILE ROWS COLS
FILE holds ROWS x COLS float64 values, little-endian, column by column (the Java side's layout). The
matrix is read and made row-major (not timed), a small fit warms up, then "ready" is printed. Each line
"fit K N_INIT SEED" on stdin is answered with "sklearn fit <seconds> <inertia> <iterations>", until "quit".
KMeans runs as scikit-learn 1.2 runs it by default: k-means++ (greedy), Lloyd, tol 1e-4, max_iter 300,
all cores through OpenMP.
"""
import sys
import time
import warnings

import numpy as np
from sklearn.cluster import KMeans

path, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
X = np.ascontiguousarray(np.fromfile(path, dtype="<f8").reshape(cols, rows).T)
warnings.simplefilter("ignore")
KMeans(n_clusters=8, n_init=1, random_state=0).fit(X[:20000])
print("ready", flush=True)
for line in sys.stdin:
    parts = line.split()
    if not parts or parts[0] == "quit":
        break
    k, n_init, seed = int(parts[1]), int(parts[2]), int(parts[3])
    t = time.perf_counter()
    km = KMeans(n_clusters=k, n_init=n_init, init="k-means++", algorithm="lloyd", random_state=seed).fit(X)
    elapsed = time.perf_counter() - t
    print("sklearn fit %.6f %.6f %d" % (elapsed, km.inertia_, km.n_iter_), flush=True)
