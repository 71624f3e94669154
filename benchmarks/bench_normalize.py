"""Scaling of normalize_text and find_quantities on 1, 4 and 16 MB of damaged text.

Run: ``.venv/bin/python benchmarks/bench_normalize.py`` (or ``make bench``).
The damaged text repeats the raw bundled report (``read_raw``, pinyin, mojibake
and all) until it reaches the size in UTF-8 bytes; find_quantities reads the
normalized text of it, as ``aidlib extract`` does. A benchmark, not a test.

Every (function, size) runs in a fresh subprocess. Time: the best of
``REPEAT`` calls. Memory: the peak resident set (``resource`` ``ru_maxrss``)
during the first call minus the resident set just before it (input built, the
function warmed up on the report), per input character; it counts OpenCC's C++
buffers, which ``tracemalloc`` would miss. Targets: chars/s within 1.5x across
sizes, normalize_text at least 500,000 chars/s, at most 100 bytes per char.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES_MB = (1, 4, 16)
REPEAT = 3
SOURCE = "guangzhou_shufu_2023"


def damaged_text(size_mb: int) -> str:
    from aidlib.data.sources import read_raw

    one = read_raw(SOURCE)
    copies = -(-size_mb * 1_000_000 // len(one.encode("utf-8")))
    return "\n".join([one] * copies)


def _rss_bytes() -> int:
    """The current resident set size (Linux), in bytes."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize()


def child(function: str, path: str) -> None:
    """Time ``function`` on the text in ``path``; print a JSON line."""
    from aidlib.data.sources import read_raw
    from aidlib.quantities.chinese import find_quantities
    from aidlib.text.normalizer import normalize_text

    fn = {"normalize_text": normalize_text, "find_quantities": find_quantities}[function]
    text = Path(path).read_text(encoding="utf-8")
    fn(normalize_text(read_raw(SOURCE)) if function == "find_quantities" else read_raw(SOURCE))  # warm up
    before = _rss_bytes()
    times = []
    for i in range(REPEAT):
        t0 = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t0)
        if i == 0:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"chars": len(text), "seconds": min(times), "peak": max(0, peak - before)}))


def run(function: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", function, str(path)], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)


def main() -> None:
    from aidlib.text.normalizer import normalize_text

    print(f"best of {REPEAT} calls; peak = ru_maxrss growth in a fresh process per size and function")
    print(f"{'function':16s} {'MB':>3s} {'chars':>10s} {'s':>7s} {'chars/s':>11s} {'bytes/char':>10s}")
    rows: dict[str, list[float]] = {"normalize_text": [], "find_quantities": []}
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES_MB:
            raw_path, clean_path = Path(tmp, f"raw{size}.txt"), Path(tmp, f"clean{size}.txt")
            raw = damaged_text(size)
            raw_path.write_text(raw, encoding="utf-8")
            clean_path.write_text(normalize_text(raw), encoding="utf-8")
            del raw
            for function, path in (("normalize_text", raw_path), ("find_quantities", clean_path)):
                r = run(function, path)
                rate = r["chars"] / r["seconds"]
                rows[function].append(rate)
                print(
                    f"{function:16s} {size:3d} {r['chars']:10,d} {r['seconds']:7.2f} {rate:11,.0f}"
                    f" {r['peak'] / r['chars']:10.1f}"
                )
    for function, rates in rows.items():
        print(f"{function}: chars/s spread across sizes {max(rates) / min(rates):.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        main()
