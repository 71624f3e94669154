"""The result of the quantity readers: :class:`Quantity`, its errors, and the one-quantity check.

Shared by the Chinese (:mod:`aidlib.quantities.chinese`) and English
(:mod:`aidlib.quantities.english`) readers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

# The qualifiers, in the order an error lists them: how a stated value bounds the true one.
QUALIFIER_ORDER = ("exact", "about", "over", "under", "range")


def qualifier_bounds(value: float, qualifier: str, *, high: float | None = None) -> tuple[float, float]:
    """The interval a stated value and its qualifier allow: ``(low, high)``; a hedge bounds the size.

    The one reading of a qualifier, for a parsed :class:`Quantity` (``Quantity.bounds``) and a
    curated row alike (:meth:`aidlib.analysis.indicators.Interval.from_qualifier`). ``exact``
    and ``about`` are the value itself (the text gives ``about`` no width). A count (≥ 0)
    ``over`` 5 lies in [5, ∞], ``under`` 5 in [0, 5]; a fall (下降超过3%, value -3) ``over``
    lies in [-∞, -3], ``under`` in [-3, 0]. A damaged value (NaN) reads as a fall, so
    the end the hedge leaves open stays infinite or 0. A ``range`` runs from ``value`` to
    ``high``.

    Raises:
        ValueError: an unknown qualifier (the message lists the known ones), or a range
            without its high end.

    Examples:
        >>> qualifier_bounds(40000, "over"), qualifier_bounds(-3, "under"), qualifier_bounds(5, "about")
        ((40000, inf), (-3, 0.0), (5, 5))
        >>> qualifier_bounds(30000, "range", high=50000)
        (30000, 50000)
    """
    if qualifier == "range":
        if high is None or math.isnan(high):
            raise ValueError(f"a range needs its high end; got value {value!r} and no high")
        return value, high
    fall = not value >= 0  # NaN too
    if qualifier in ("exact", "about"):
        return value, value
    if qualifier == "over":
        return (-math.inf, value) if fall else (value, math.inf)
    if qualifier == "under":
        return (value, 0.0) if fall else (0.0, value)
    raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIER_ORDER)}")


class QuantityError(ValueError):
    """A text holds no quantity, or more than one where one was expected."""


class QuantityTypeError(QuantityError, TypeError):
    """The text given is not a string (None, bytes, a number)."""


@dataclass(frozen=True)
class Quantity:
    """A number with its measure word and hedge, located in a text.

    Attributes:
        value: the value in base units (5.3亿元 → 530000000.0; 70% → 70.0), negative
            for a fall (下降3.2% → -3.2); the low end of a range; NaN when damaged.
        unit: the measure word, simplified (元, 户, 人次, %, 倍 ...); shares are in %.
        unit_en: the English for ``unit``.
        qualifier: ``exact``, ``over`` (at least), ``about``, ``under`` (at most) or
            ``range`` (from ``value`` to ``high``).
        damaged: the number touches a U+FFFD or ``?`` mark: a digit may be lost.
        text: the matched span.
        start: offset of the span in the text searched.
        end: end offset (exclusive).
        high: the high end of a range; None for every other qualifier.
        ratio: for a multiple (unit 倍), the ratio to the base: 是去年的2倍 → 2;
            增长(了)1.5倍 → 2.5 and 超过全国平均水平1倍 → 2 (a rise or excess *by* N
            times, the common reading); 翻两番 → 4. None for every other unit.
        per: for a rate, what it is per, as a unit: 3200元/吨 → 吨, 每户2000元 → 户,
            人均1.2万元 → 人, 时速350公里 → 小时; two joined by ``/`` in reading order
            (每人每月300元 → 人/个月). ``value`` stays in the numerator's unit. None
            when the quantity is no rate (and always for shares and multiples).
        per_size: how many of ``per`` when the text says (每万人口3.2人 → 10000.0,
            每10万人口 → 100000.0); None for one.
    """

    value: float
    unit: str
    unit_en: str
    qualifier: str
    damaged: bool
    text: str
    start: int
    end: int
    high: float | None = None
    ratio: float | None = None
    per: str | None = None
    per_size: float | None = None

    @property
    def bounds(self) -> tuple[float, float]:
        """The interval the text allows: ``(low, high)``; a hedge bounds the size.

        ``about`` (约, 左右) has the stated value as both bounds: the text gives no
        width, so the interval is the value, marked approximate downstream
        (:class:`aidlib.analysis.indicators.Interval`). ``under`` (不足, 近) runs from 0.

        Examples:
            >>> from aidlib.quantities.chinese import parse_quantity
            >>> parse_quantity("4万余户").bounds, parse_quantity("下降不到3%").bounds
            ((40000.0, inf), (-3.0, 0.0))
            >>> parse_quantity("近万名").bounds, parse_quantity("约5万人").bounds
            ((0.0, 10000.0), (50000.0, 50000.0))
        """
        return qualifier_bounds(self.value, self.qualifier, high=self.high)


_NEW = object.__new__


def make_quantity(
    value: float, unit: str, unit_en: str, qualifier: str, damaged: bool, text: str, start: int, end: int,
    high: float | None = None, ratio: float | None = None, per: str | None = None,
    per_size: float | None = None,
) -> Quantity:  # fmt: skip
    """Build a :class:`Quantity` as its constructor does, about three times faster.

    The readers build one per number of a text; a frozen dataclass sets each field through
    ``object.__setattr__``, which costs more than the reading. The result is an ordinary,
    frozen Quantity (equal to and hashed as one built by the constructor).

    Examples:
        >>> make_quantity(5.0, "元", "yuan", "exact", False, "5元", 0, 2) == Quantity(
        ...     5.0, "元", "yuan", "exact", False, "5元", 0, 2)
        True
    """
    q = _NEW(Quantity)
    q.__dict__.update(
        value=value, unit=unit, unit_en=unit_en, qualifier=qualifier, damaged=damaged, text=text,
        start=start, end=end, high=high, ratio=ratio, per=per, per_size=per_size,
    )  # fmt: skip
    return q


def the_one_quantity(text: str, finder: Callable[[str], list[Quantity]]) -> Quantity:
    """Return the one quantity ``finder`` finds in ``text`` (shared by the Chinese and English readers).

    Raises:
        QuantityError: ``text`` is not a string, holds no quantity, or more than one.
    """
    if not isinstance(text, str):
        raise QuantityTypeError(f"expected text, got {type(text).__name__}: {text!r:.60}")
    found = finder(text)
    if not found:
        raise QuantityError(f"no quantity in {text!r}")
    if len(found) > 1:
        listed = ", ".join(q.text for q in found)
        raise QuantityError(f"{len(found)} quantities in {text!r} ({listed}); expected one")
    return found[0]
