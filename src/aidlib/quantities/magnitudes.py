"""Magnitudes after a number: 5.3亿, the rest of a compound (2亿3000万), a range's shared one (3至5万)."""

from __future__ import annotations

import functools
import math
from decimal import Decimal

from aidlib.quantities.numerals import MAGNITUDE_CHARS, MAGNITUDES, cap, read_numeral

# One, the factor of a plain unit: one object, so that ``factor is ONE`` is a cheap test.
ONE = Decimal(1)


def scale(value: Decimal, mag: str) -> Decimal:
    """Multiply by the magnitude characters after a number (exact: 2.32亿 is 232000000).

    Past the largest float the result is Decimal infinity (1亿亿亿...元 stops there,
    before Decimal overflows); :func:`~aidlib.quantities.chinese.find_quantities` drops
    such a value.
    """
    if len(mag) <= 8:  # the common case: one product, looked up
        return cap(value * _product(mag))
    for ch in mag:
        value = cap(value * MAGNITUDES[ch])
        if value.is_infinite():
            return value
    return value


@functools.lru_cache(maxsize=256)
def _product(mag: str) -> Decimal:
    """The product of a few magnitude characters (亿 → 10^8, 千万 → 10^7)."""
    return math.prod((Decimal(MAGNITUDES[ch]) for ch in mag), start=ONE)


@functools.lru_cache(maxsize=4096)
def apply_magnitudes(
    num: str, read: tuple[Decimal, Decimal, bool], mag: str
) -> tuple[Decimal, Decimal] | None:
    """Apply what follows a number: magnitudes (5.3亿), or the rest of a compound (2亿3000万).

    ``read`` is the number as :func:`~aidlib.quantities.numerals.read_bounds` reads it.

    Examples:
        >>> apply_magnitudes("2", (Decimal(2), Decimal(2), False), "亿3000万")
        (Decimal('230000000'), Decimal('230000000'))
        >>> apply_magnitudes("1", (Decimal(1), Decimal(1), False), "万2千")
        (Decimal('12000'), Decimal('12000'))
    """
    low, high, _ = read
    if not mag.strip(MAGNITUDE_CHARS):
        return scale(low, mag), scale(high, mag)
    if low != high:
        return None  # 几万3千: a vague number starts no compound
    whole = read_numeral(num + mag)
    return (whole, whole) if whole is not None else None


def shared_magnitude(lnum: str, low: Decimal, tail: str) -> Decimal:
    """The low end of a range written without the magnitude its high end carries.

    The left end takes those of the right end's final magnitudes that are larger than
    its own: 3至5万 → 3万, 三至五千万 → 三千万, 一千到两千万 → 一千万.
    """
    own = max((MAGNITUDES[ch] for ch in lnum if ch in MAGNITUDES), default=0)
    i = len(tail)
    while i > 0 and MAGNITUDES[tail[i - 1]] > own:
        i -= 1
    return scale(low, tail[i:])
