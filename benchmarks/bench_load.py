"""Time load_metrics() in a fresh process against a bare pandas.read_csv of the same file.

Run: ``.venv/bin/python benchmarks/bench_load.py``. Each figure is the median of
several fresh interpreter runs (import time included, as a user pays it). The
normalized-text cache is warmed first; a cold run is timed separately.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from aidlib.data.paths import data_dir

RUNS = 7
CSV = data_dir() / "metrics.csv"
SNIPPETS = {
    "import aidlib": "import aidlib",
    "pandas.read_csv": f"import pandas as pd; pd.read_csv({str(CSV)!r})",
    "aidlib.load_metrics": "import aidlib; aidlib.load_metrics()",
}


def fresh(code: str, env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - t0


def main() -> None:
    fresh(SNIPPETS["aidlib.load_metrics"])  # warm the normalized-text cache
    medians = {name: statistics.median(fresh(code) for _ in range(RUNS)) for name, code in SNIPPETS.items()}
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, AIDLIB_CACHE=cache)
        cold = fresh(SNIPPETS["aidlib.load_metrics"], env)
    for name, seconds in medians.items():
        print(f"{name:22s} {seconds * 1000:7.0f} ms (median of {RUNS} fresh processes)")
    print(f"{'load_metrics, cold':22s} {cold * 1000:7.0f} ms (empty normalized-text cache)")
    ratio = medians["aidlib.load_metrics"] / medians["pandas.read_csv"]
    print(f"ratio load_metrics / read_csv: {ratio:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
