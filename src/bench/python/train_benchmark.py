"""scikit-learn baseline for TrainBenchmark: random forest, stratified 10-fold CV on bank-full without duration.

Usage: python3 train_benchmark.py CSV TREES N_JOBS SEED
Reads the semicolon-delimited bank-full file, drops `duration` (the leak) and one-hot encodes the string columns
with pandas get_dummies (not timed). Then times only cross_val_predict(method='predict_proba') of
RandomForestClassifier(n_estimators=TREES, n_jobs=N_JOBS, random_state=SEED) over
StratifiedKFold(10, shuffle=True, random_state=SEED), and prints
"sklearn cv <seconds> <pooled AUC of y=yes> <rows> <columns after encoding>".
"""
import sys
import time

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

path, trees, n_jobs, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
df = pd.read_csv(path, sep=";")
y = (df["y"] == "yes").astype(int).to_numpy()
X = pd.get_dummies(df.drop(columns=["y", "duration"])).to_numpy(dtype="float64")

t = time.perf_counter()
proba = cross_val_predict(RandomForestClassifier(n_estimators=trees, n_jobs=n_jobs, random_state=seed), X, y,
                          cv=StratifiedKFold(10, shuffle=True, random_state=seed), method="predict_proba")
elapsed = time.perf_counter() - t
print("sklearn cv %.6f %.6f %d %d" % (elapsed, roc_auc_score(y, proba[:, 1]), X.shape[0], X.shape[1]), flush=True)
