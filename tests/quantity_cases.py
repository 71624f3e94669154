"""A small notation for tables of quantity cases, shared by the quantity tests (no tests here).

A case is ``(text, spec)``; ``spec`` lists the quantities ``find_quantities(text)`` must
give, in order, separated by ``;``, or ``-`` for none. Each is ``VALUE UNIT`` (``LOW-HIGH
UNIT`` for a range) and optionally a qualifier (``over``, ``under``, ``about``; ``exact``
by default, ``range`` for LOW-HIGH) and ``per=UNIT``, ``size=N``, ``ratio=R``:

    "每户最高补贴2万元" → "20000 元 under per=户"
    "分别下降2.1%和3.4%" → "-2.1 %; -3.4 %"
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from aidlib.quantities.chinese import UNITS, Quantity, find_quantities


@dataclass(frozen=True)
class Want:
    """One expected quantity."""

    value: float
    unit: str
    qualifier: str = "exact"
    high: float | None = None
    per: str | None = None
    per_size: float | None = None
    ratio: float | None = None  # checked only when given


def parse_spec(spec: str) -> list[Want]:
    """Read a spec (see the module docstring)."""
    spec = spec.strip()
    if spec == "-":
        return []
    out = []
    for item in spec.split(";"):
        number, unit, *rest = item.split()
        high = None
        qualifier = "exact"
        if "-" in number[1:]:
            cut = number.index("-", 1)
            number, high, qualifier = number[:cut], float(number[cut + 1 :]), "range"
        extra: dict = {}
        for token in rest:
            if "=" in token:
                key, _, val = token.partition("=")
                extra[{"size": "per_size"}.get(key, key)] = val if key == "per" else float(val)
            else:
                qualifier = token
        out.append(Want(float(number), unit, qualifier, high, **extra))
    return out


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def matches(q: Quantity, w: Want) -> bool:
    """Whether one quantity is the one wanted (its span reads back from the text too)."""
    return (
        q.unit == w.unit
        and q.qualifier == w.qualifier
        and _close(q.value, w.value)
        and _close(q.high, w.high)
        and q.per == w.per
        and _close(q.per_size, w.per_size)
        and (w.ratio is None or _close(q.ratio, w.ratio))
    )


def check(text: str, spec: str, finder=find_quantities) -> None:
    """Assert that ``finder(text)`` gives exactly the quantities of ``spec``."""
    found = finder(text)
    wanted = parse_spec(spec)
    shown = [(q.text, q.value, q.unit, q.qualifier, q.high, q.per, q.per_size, q.ratio) for q in found]
    assert len(found) == len(wanted) and all(matches(q, w) for q, w in zip(found, wanted, strict=True)), (
        f"{text!r}: wanted {spec!r}, got {shown}"
    )
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.unit_en == UNITS[q.unit]
