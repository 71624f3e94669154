"""Lists and ranges across matches: the mark between two numbers, a unit carried along a list, 5、6个.

The finding loop (:func:`aidlib.quantities.chinese.find_quantities`) gives members without a
measure word the last member's unit and magnitudes (3万、5万和8万元); these are its rules.
"""

from __future__ import annotations

from decimal import Decimal

from aidlib.quantities.atoms import Atom, to_quantity
from aidlib.quantities.magnitudes import scale
from aidlib.quantities.quantity import Quantity
from aidlib.quantities.words import LIST_JOINS, RANGE_MARKS


def list_mark(view: str, end: int, start: int) -> str | None:
    """The list mark between two numbers (、 ， , 和 及 与 以及), if only it (and spaces) stands between."""
    if start - end > 8:
        return None  # the common case: far apart (and no slice of the text between)
    gap = view[end:start].strip()
    if gap in LIST_JOINS:
        return gap
    return None


def widen_units(text: str, view: str, found: list[Quantity], atoms: list[Atom], a: Atom) -> None:
    """Give the list members before ``a`` that carry only 个 its whole unit (个百分点, 个月)."""
    i, nxt = len(atoms) - 1, a.start
    while i >= 0 and atoms[i].unit == "个" and list_mark(view, atoms[i].end, nxt):
        atoms[i].unit, atoms[i].factor = a.unit, a.factor
        found[i] = to_quantity(text, atoms[i])
        i, nxt = i - 1, atoms[i].start


def merge_ranges(text: str, view: str, found: list[Quantity]) -> list[Quantity]:
    """Join two exact quantities of one unit written with a range mark between (百分之五到百分之十)."""
    out: list[Quantity] = []
    for q in found:
        p = out[-1] if out else None
        if (
            p is not None
            and p.unit == q.unit
            and p.qualifier == q.qualifier == "exact"
            and not (p.damaged or q.damaged)
            and (gap := view[p.end : q.start].strip())
            and ((len(gap) == 1 and gap in RANGE_MARKS) or (len(gap) <= 4 and set(gap) <= set("-—–")))
            and p.value * q.value > 0
        ):
            low, high = sorted((p.value, q.value))
            out[-1] = Quantity(
                low, q.unit, q.unit_en, "range", False, text[p.start : q.end], p.start, q.end, high,
                None, q.per, q.per_size,
            )
        else:
            out.append(q)
    return out


def is_year_member(member: Atom, last: Atom) -> bool:
    """A bare 4-digit 1900–2100 before a list mark is a year (截至2023，共300人), not a member."""
    return (
        member.low == member.high
        and 1900 <= member.low <= 2100
        and member.low == member.low.to_integral_value()
        and not member.mag
        and not last.mag
    )


def are_consecutive(a: Atom, b: Atom) -> bool:
    """Whether ``b`` is one more than ``a``, both exact whole numbers: 5、6个 is five or six."""
    return (
        a.qualifier == b.qualifier == "exact"
        and a.low == a.high
        and b.low == b.high
        and a.low == a.low.to_integral_value()
        and scale(a.low, b.mag) + scale(Decimal(1), b.mag) == b.low
    )
