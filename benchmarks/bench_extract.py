"""Time ``aidlib extract`` over a generated 100-file corpus: one process vs a process pool.

Run: ``.venv/bin/python benchmarks/bench_extract.py`` (or ``make bench``). Each file is
the raw bundled report (damage and all, so normalization runs too) with its numbers
shifted by the file's index, written to a temporary folder. Prints the best of three
times with ``--jobs 1`` and with one worker per core, the speedup and the load average
(other work on a shared machine lowers the speedup). A benchmark, not a test.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from aidlib.cli import _extract_inputs, extract_files
from aidlib.data.sources import read_raw

FILES = 100


def make_corpus(folder: Path, n: int = FILES) -> list[str]:
    raw = read_raw("guangzhou_shufu_2023")
    for i in range(n):
        text = re.sub(r"\d+", lambda m, i=i: str(int(m[0]) + i), raw)
        (folder / f"report_{i:03d}.txt").write_text(text, encoding="utf-8")
    return _extract_inputs([str(folder)])


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(files: list[str], jobs: int, repeat: int = 3) -> tuple[float, float, int]:
    """Best wall time of ``repeat`` runs (the machine is shared: the minimum is the least
    disturbed) and the CPU seconds that run used, workers included."""
    best, cpu, rows = float("inf"), 0.0, []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), _cpu()
        rows = extract_files(files, jobs=jobs)
        wall = time.perf_counter() - t0
        if wall < best:
            best, cpu = wall, _cpu() - c0
    return best, cpu, len(rows)


def main() -> None:
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        files = make_corpus(Path(tmp))
        size = sum(Path(f).stat().st_size for f in files) / 1e6
        serial, cpu1, n1 = timed(files, 1)
        parallel, cpu2, n2 = timed(files, cores)
    assert n1 == n2, (n1, n2)
    print(f"corpus: {len(files)} files, {size:.2f} MB, {n1} quantities")
    print(f"extract --jobs 1   : {serial:.2f} s wall, {cpu1:.2f} s CPU")
    print(f"extract --jobs {cores:<4}: {parallel:.2f} s wall, {cpu2:.2f} s CPU (workers included)")
    print(f"speedup: {serial / parallel:.2f}x on {cores} cores (load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
