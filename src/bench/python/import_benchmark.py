"""pandas baseline for ImportBenchmark: read_csv timed in-process, one run per request.

Usage: python3 import_benchmark.py
Prints "ready", then answers each line "read FILE.csv" on stdin with
"pandas <wall seconds> <CPU seconds> <DataFrame bytes>", until "quit". The Java side alternates its own
imports with these requests, so both meet the same machine load.
"""
import sys
import time

import pandas as pd

print("ready", flush=True)
for line in sys.stdin:
    cmd = line.strip().split(" ", 1)
    if cmd[0] == "quit":
        break
    if cmd[0] == "read":
        c = time.process_time()
        t = time.perf_counter()
        df = pd.read_csv(cmd[1])
        wall = time.perf_counter() - t
        cpu = time.process_time() - c
        size = int(df.memory_usage(deep=True).sum())
        del df
        print("pandas %.6f %.6f %d" % (wall, cpu, size), flush=True)
