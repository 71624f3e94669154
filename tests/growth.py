"""Linear time shown by a ratio of CPU times, never by a wall-clock limit (which flakes under load).

:func:`assert_linear` runs the work at a small size and at ``factor`` times that size, best of
three each in CPU time (``time.process_time``: another process keeping the cores busy does
not count), and requires the larger to take under ``bound`` times the smaller. Linear work
takes about ``factor`` times as long, quadratic work ``factor`` squared: a bound between the
two tells them apart with room for noise. A failing ratio is measured once more before it
counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def _cpu(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)  # a run too short to time is no evidence of growth


def assert_linear(
    small: Callable[[], object], large: Callable[[], object], factor: float, bound: float, repeat: int = 3
) -> None:
    """Fail when ``large`` (``factor`` times the work of ``small``) takes ``bound`` times as long or more."""
    for _attempt in (1, 2):
        ratio = _cpu(large, repeat) / _cpu(small, repeat)
        if ratio < bound:
            return
    raise AssertionError(f"{factor:g}× the input took {ratio:.1f}× the CPU time (bound {bound:g}×): not "
                         "linear")  # fmt: skip
