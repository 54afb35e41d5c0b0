"""pandas baseline for CleanBenchmark: the same profile and 6-step recipe on the same CSV.

Usage: python3 clean_benchmark.py FILE.csv
Reads the CSV (not timed: that is the import step's benchmark), warms up, prints "ready", then answers
each line "profile" or "recipe" on stdin with "pandas profile|recipe <seconds>", until "quit". The Java
side alternates its own runs with these, so both see the same machine load.
"""
import sys
import time

import numpy as np
import pandas as pd

path = sys.argv[1]
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
print("ready", flush=True)
for command in sys.stdin:
    command = command.strip()
    if command == "quit":
        break
    work = profile if command == "profile" else recipe
    t = time.perf_counter()
    work(df)
    print("pandas %s %.4f" % (command, time.perf_counter() - t), flush=True)
