"""Time find_quantities against cn2an.transform on a ~1 MB corpus of normalized text, and its scaling.

Run: ``.venv/bin/python benchmarks/bench_quantities.py`` (or ``make bench``).
The corpus repeats the normalized bundled report; both functions read the same
text. Prints MB/s (CPU time, best of 3) for each and their ratio, then the time on hostile inputs of
doubling size (a long run of digits or numerals with a URL, 分之 or 番 beside it; a
long list joined by 、 or 和; digit groups with full-width commas; runs of 每, 最高 or a
capital numeral): linear input gives ratios near 2 between neighbours. A benchmark, not a
test (tests/test_quantities_round2.py::test_linear_in_the_input asserts only a ratio).
"""

from __future__ import annotations

import time
import warnings

import cn2an

from aidlib.data.sources import source_text
from aidlib.quantities.chinese import find_quantities

TARGET_BYTES = 1_000_000


def best_of(fn, text: str, repeat: int = 3) -> float:
    # CPU time of this process: on a shared machine wall time mostly measures the neighbours
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn(text)
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    warnings.simplefilter("ignore")  # cn2an warns on every name it cannot read (十四五)
    one = source_text("guangzhou_shufu_2023")
    copies = TARGET_BYTES // len(one.encode("utf-8")) + 1
    corpus = "\n".join([one] * copies)
    size_mb = len(corpus.encode("utf-8")) / 1e6
    n = len(find_quantities(corpus))
    ours = best_of(find_quantities, corpus)
    theirs = best_of(lambda t: cn2an.transform(t, "cn2an"), corpus)
    print(f"corpus: {size_mb:.2f} MB ({copies} copies of the normalized report), {n} quantities")
    print(f"find_quantities : {ours:.3f} s  {size_mb / ours:.2f} MB/s")
    print(f"cn2an.transform : {theirs:.3f} s  {size_mb / theirs:.2f} MB/s")
    print(f"ratio (ours / cn2an throughput): {theirs / ours:.1f}x")
    sizes = (16_000, 32_000, 64_000)
    print(f"scaling, seconds at {' / '.join(f'{n // 1000}k' for n in sizes)} repeats (best of 3):")
    for run, extra in (("1", " http://x.cn/a/b"), ("1", "三分之一"), ("1", "翻一番"), ("一百", "元"),
                       ("1、", "元"), ("3至", "元"), ("1和", "元"), ("1，000", "元"), ("每", "1户"),
                       ("最高", "5元"), ("壹", "元")):  # fmt: skip
        times = [best_of(find_quantities, run * n + extra) for n in sizes]
        steps = " ".join(f"{b / a:.1f}x" for a, b in zip(times, times[1:], strict=False))
        print(f"  {run!r} * n + {extra!r}: {' / '.join(f'{t:.3f}' for t in times)} s  (doubling: {steps})")


if __name__ == "__main__":
    main()
