"""The one number style: every value a reader sees, written one way (bounds, money, rounding).

Used by the notebooks, the charts, the reader tables and the report's pages:

- a hedge is a sign in front: ``≥`` at least, ``≤`` at most, ``≈`` about; a range is ``5–10%``;
- money reads in scale words, English ``530 million yuan``, ``≥ 18.8 billion yuan``, or Chinese
  ``5.3亿元``, ``6423万元``; a stated value keeps its digits, a derived one is rounded to the
  precision its inputs support (:func:`round_shown`) and marked ``≈`` when rounding changed it;
- the decimals: a stated value other than money shows two (``11,672.82 tonnes``), money in
  scale words and numbers set side by side as many as they need (at most six,
  :func:`number_text`), a table cell at most four (:func:`cell_number`);
- a growth rate always shows its sign (``+70%``, :func:`growth_text`).

The unit's English (``10 townships``, ``1 fact``) is :mod:`aidlib.analysis.unit_names`'s.
A CSV cell's plain number (no separators, no exponent) is the data stage's:
:func:`aidlib.data.csvfile.plain_number`.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

from aidlib.analysis.unit_names import count_noun, singular
from aidlib.data.vocabulary import english

# How a qualifier reads in front of a value.
BOUND_SIGNS = {"exact": "", "over": "≥ ", "about": "≈ ", "under": "≤ "}

# Derived values are shown to the precision their inputs support: three significant
# figures, but whole units from 100 to 10,000 (2,015 yuan per person, 1,606 per household).
SIGNIFICANT = 3
# Large amounts of money read in words: (threshold, divisor, English, Chinese). English
# writes thousands of millions as billions; Chinese writes 亿 (10⁸) and 万 (10⁴).
MONEY_SCALES = ((1e9, 1e9, "billion", None), (1e8, 1e8, None, "亿"), (1e6, 1e6, "million", None),
                (1e4, 1e4, None, "万"))  # fmt: skip
# The unit money is written in scale words for: yuan, in English or as the measure word.
MONEY_UNITS = (english("元"), "元")
# The most decimals a table cell shows.
CELL_DECIMALS = 4


def round_shown(x: float, direction: str = "nearest") -> float:
    """Round a derived value for display: 3 significant figures, whole units from 100 to 10,000.

    ``direction`` is ``nearest``, ``down`` (a lower bound) or ``up`` (an upper bound): an upper
    bound rounds up and a lower bound down, so the bound stays true.

    Examples:
        >>> round_shown(695_882_352.9), round_shown(2015.1), round_shown(8.8333), round_shown(0.46789)
        (696000000.0, 2015.0, 8.83, 0.468)
        >>> round_shown(1605.75, "up"), round_shown(1.97166, "up"), round_shown(1.97166, "down")
        (1606.0, 1.98, 1.97)
    """
    from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

    if x == 0 or math.isinf(x) or math.isnan(x):
        return x
    exponent = math.floor(math.log10(abs(x)))
    places = 0 if 2 <= exponent <= 3 else SIGNIFICANT - 1 - exponent  # whole units below 10,000
    mode = {"nearest": ROUND_HALF_EVEN, "down": ROUND_FLOOR, "up": ROUND_CEILING}[direction]
    return float(Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=mode))


def with_unit(number: str, unit: str) -> str:
    """Attach a unit the one way the project writes it: ``70%``, ``5 yuan``, ``6423万元``.

    Examples:
        >>> with_unit("70", "percent"), with_unit("5", "yuan"), with_unit("5", ""), with_unit("5.3", "亿元")
        ('70%', '5 yuan', '5', '5.3亿元')
    """
    if unit in ("percent", "%"):
        return f"{number}%"
    if unit and not unit[0].isascii():  # Chinese units follow the number without a space
        return f"{number}{unit}"
    return f"{number} {unit}" if unit else number


def _decimals(x: float) -> int:
    """Decimals needed to write ``x`` without trailing noise (at most 6)."""
    text = f"{x:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def number_text(values: list[float], unit: str) -> tuple[list[str], str]:
    """Write numbers with thousands separators, money in scale words (696 million yuan, 1.747亿元).

    All values share the scale of the largest, so they read side by side. Returns the
    numbers as text and the unit to write after them.

    Examples:
        >>> number_text([696_000_000.0], "yuan"), number_text([174_700_000.0], "元")
        ((['696'], 'million yuan'), (['1.747'], '亿元'))
        >>> number_text([2015.0, 0.468], "people"), number_text([24_090_909.1], "yuan per major item")
        ((['2,015', '0.468'], 'people'), (['24.090909'], 'million yuan per major item'))
    """
    finite = [abs(v) for v in values if v == v and abs(v) != math.inf]
    divisor, word = _money_word(max(finite, default=0.0), unit)
    group = "" if word and not word.isascii() else ","  # 6423万元, not 6,423万元
    texts = []
    for v in values:
        scaled = v / divisor
        places = 0 if float(scaled).is_integer() else _decimals(scaled)
        texts.append(f"{scaled:{group}.{places}f}")
    if word:
        unit = f"{word} {unit}" if unit.startswith("yuan") else f"{word}{unit}"
    return texts, unit


def _money_word(top: float, unit: str) -> tuple[float, str]:
    """The divisor and scale word money of this size is written in (1e6, ``million``; 1e8, ``亿``)."""
    if is_money(unit):
        for threshold, div, english, chinese in MONEY_SCALES:
            name = english if unit.startswith("yuan") else chinese
            if name and top >= threshold:
                return div, name
    return 1.0, ""


def money_scale(top: float, unit: str) -> tuple[float, str]:
    """The divisor and unit a chart of values up to ``top`` is drawn in: money in scale words.

    Examples:
        >>> money_scale(530_000_000, "yuan"), money_scale(6.4e7, "元"), money_scale(2846, "people")
        ((1000000.0, 'million yuan'), (10000.0, '万元'), (1.0, 'people'))
    """
    divisor, word = _money_word(abs(top), unit)
    if not word:
        return 1.0, unit
    return divisor, f"{word} {unit}" if unit.startswith("yuan") else f"{word}{unit}"


def is_money(unit: str) -> bool:
    """Whether a unit is yuan, or yuan per something (written in scale words).

    Examples:
        >>> is_money("yuan"), is_money("元/户"), is_money("yuan per household"), is_money("yuanbao")
        (True, True, True, False)
    """
    return unit in MONEY_UNITS or unit.startswith(("yuan per ", "元/"))


def value_text(
    value: float, qualifier: str = "exact", unit: str = "", *, high: float | None = None, label: str = ""
) -> str:
    """Write a stated value the way a reader should take it (its digits kept, money in words).

    A hedge bounds the size of a fall: ``over`` -3 reads ``≤ -3``; a range reads ``5–10``.
    ``label`` names what a count of ``units`` counts (:func:`count_noun`).

    Examples:
        >>> value_text(40000, "over", "households")
        '≥ 40,000 households'
        >>> value_text(530_000_000, "exact", "yuan"), value_text(64_230_000, "exact", "元")
        ('530 million yuan', '6423万元')
        >>> value_text(18.8e9, "over", "yuan"), value_text(11672.82, "exact", "tonnes")
        ('≥ 18.8 billion yuan', '11,672.82 tonnes')
        >>> value_text(-3, "over", "percent"), value_text(5, "range", "percent", high=10)
        ('≤ -3%', '5–10%')
        >>> value_text(10, "exact", "units", label="Townships covered"), value_text(1, "exact", "facts")
        ('10 townships', '1 fact')
    """
    if qualifier not in (*BOUND_SIGNS, "range"):
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(BOUND_SIGNS)}, range")
    unit = count_noun(unit, label)
    if qualifier == "range":
        (low_text, high_text), unit = number_text([value, high], unit)  # type: ignore[list-item]
        return with_unit(f"{low_text}–{high_text}", unit)
    if value < 0 and qualifier in ("over", "under"):  # the hedge bounds the size of the fall
        qualifier = "under" if qualifier == "over" else "over"
    if value == 1 and qualifier == "exact":
        unit = singular(unit)
    if is_money(unit):
        (number,), unit = number_text([value], unit)
    else:
        number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return BOUND_SIGNS[qualifier] + with_unit(number, unit)


def interval_text(low: float, high: float, approx: bool, unit: str) -> str:
    """Write a derived interval to the precision its inputs support, bounds rounded outward.

    A single value is rounded to nearest (``≈`` when rounding changed it or ``approx``);
    ``[x, ∞]`` reads ``≥ x`` (rounded down), ``[0, x]`` and ``[-∞, x]`` read ``≤ x``
    (rounded up), anything else ``low–high``.

    Examples:
        >>> interval_text(695_882_352.9, 695_882_352.9, False, "yuan")
        '≈ 696 million yuan'
        >>> interval_text(0, 1605.75, False, "元/户"), interval_text(60.0, 60.0, False, "percent")
        ('≤ 1,606元/户', '60%')
        >>> interval_text(23.26, 56.23, False, "percent"), interval_text(18.8e9, math.inf, False, "yuan")
        ('23.2–56.3%', '≥ 18.8 billion yuan')
    """
    if low == high:
        shown = round_shown(low)
        (number,), unit = number_text([shown], unit)
        rounded = not math.isclose(shown, low, rel_tol=1e-9, abs_tol=1e-12)
        sign = BOUND_SIGNS["about"] if approx or rounded else ""
        return sign + with_unit(number, unit)
    if high == math.inf:
        (number,), unit = number_text([round_shown(low, "down")], unit)
        return BOUND_SIGNS["over"] + with_unit(number, unit)
    if low in (-math.inf, 0):
        (number,), unit = number_text([round_shown(high, "up")], unit)
        return BOUND_SIGNS["under"] + with_unit(number, unit)
    (low_text, high_text), unit = number_text([round_shown(low, "down"), round_shown(high, "up")], unit)
    return with_unit(f"{low_text}–{high_text}", unit)


def cell_number(value: Real) -> str:
    """A number in a table cell: thousands separators, at most four decimals, ``∞`` for infinity.

    NaN is an empty cell.

    Examples:
        >>> cell_number(530000000.0), cell_number(0.4678), cell_number(12), cell_number(float("nan"))
        ('530,000,000', '0.4678', '12', '')
    """
    if isinstance(value, Integral):
        return f"{int(value):,}"
    x = float(value)
    if math.isnan(x):
        return ""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:,.0f}" if x.is_integer() else f"{x:,.{min(_decimals(x), CELL_DECIMALS)}f}"


def growth_text(rate: float) -> str:
    """A growth rate in percent with its sign always written: ``+70%``, ``-3.2%``.

    Examples:
        >>> growth_text(70.0), growth_text(-3.2), growth_text(49.25)
        ('+70%', '-3.2%', '+49.25%')
    """
    return f"{rate:+g}%"
