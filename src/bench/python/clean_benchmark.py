"""pandas baseline for CleanBenchmark: the same profile and 6-step recipe on the same CSV.

Usage: python3 clean_benchmark.py FILE.csv REPEATS
Prints one line per measured run: "pandas profile <seconds>" and "pandas recipe <seconds>".
Reading the CSV is not timed (that is the import step's benchmark).
"""
import sys
import time

import numpy as np
import pandas as pd

path, repeats = sys.argv[1], int(sys.argv[2])
num = ["n%02d" % i for i in range(12)]
cat = ["c%d" % i for i in range(6)]
df = pd.read_csv(path, dtype={**{c: "float64" for c in num}, **{c: "object" for c in cat}, "id": "object"},
                 parse_dates=["signup"], keep_default_na=True)


def profile(d):
    return d.describe(include="all", datetime_is_numeric=True)


def recipe(d):
    out = d.drop(columns=["id"])                                   # 1 drop columns
    for c in ["n00", "n01", "n02", "n03"]:                         # 2 median imputation + indicator
        miss = out[c].isna()
        out[c] = out[c].fillna(out[c].median())
        out[c + "_was_missing"] = miss.astype("float64")
    for c in ["c0", "c1"]:                                         # 3 trim, lower case, rare (<1%) -> other
        s = out[c].str.strip().str.lower()
        share = s.value_counts() / len(s)
        keep = set(share[share >= 0.01].index)
        out[c] = s.where(s.isna() | s.isin(keep), "other")
    for c in ["n04", "n05", "n06"]:                                # 4 IQR capping
        q1, q3 = out[c].quantile(0.25), out[c].quantile(0.75)
        out[c] = out[c].clip(q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1))
    for c in ["n07", "n08", "n09", "n10"]:                         # 5 z-score scaling
        out[c] = (out[c] - out[c].mean()) / out[c].std()
    ref = out["signup"].max().normalize()                          # 6 date features
    out["signup_days_since"] = (ref - out["signup"].dt.normalize()).dt.days.astype("float64")
    out["signup_month"] = out["signup"].dt.month
    out["signup_weekday"] = out["signup"].dt.weekday + 1
    return out


profile(df)  # warm-up, as the Java side gets one
recipe(df)
for _ in range(repeats):
    t = time.perf_counter()
    profile(df)
    print("pandas profile %.4f" % (time.perf_counter() - t), flush=True)
for _ in range(repeats):
    t = time.perf_counter()
    recipe(df)
    print("pandas recipe %.4f" % (time.perf_counter() - t), flush=True)
