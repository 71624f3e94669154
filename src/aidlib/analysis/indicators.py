"""Derived figures that keep the curated bounds honest, computed from their declarations.

A curated ``4万余户`` means at least 40,000 households, so 6423万元 spread over them
is *at most* 1,606 元 each. Every indicator is declared as data (``indicators.csv``, and
aidlib's generic declarations: :mod:`aidlib.data.declarations`), computed here on
intervals (:class:`Interval`) for each source that has its inputs, and names its
formula, inputs and caveat. A source that lacks an input simply has no such indicator:
nothing here raises for a missing input. Nothing external enters: a currency
conversion takes its rate as an argument.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from aidlib.analysis.numbers import interval_text
from aidlib.analysis.unit_names import unit_en  # noqa: F401  re-exported
from aidlib.quantities.quantity import qualifier_bounds

INF = math.inf


@dataclass(frozen=True)
class Interval:
    """A closed range ``[low, high]`` for a quantity known only within bounds.

    ``approx`` marks a value hedged with 约/近/左右: its bounds are the stated
    value, but it is not exact.

    Examples:
        >>> Interval(64230000) / Interval(40000, INF)
        Interval(low=0.0, high=1605.75, approx=False)
    """

    low: float
    high: float = field(default=None)  # type: ignore[assignment]
    approx: bool = False

    def __post_init__(self) -> None:
        """Default ``high`` to ``low`` (an exact value) and check the order."""
        if self.high is None:
            object.__setattr__(self, "high", self.low)
        if self.low > self.high:
            raise ValueError(f"interval low {self.low} is above high {self.high}")

    @classmethod
    def from_qualifier(cls, value: float, qualifier: str, *, high: float | None = None) -> Interval:
        """Turn a curated value and its qualifier into bounds, as ``qualifier_bounds`` reads them.

        A hedge bounds the size of the value: a count (≥ 0) that is ``under`` 5 lies in
        [0, 5]; a fall (value < 0) ``over`` 3 % (下降超过3%, value -3) lies in [-∞, -3],
        ``under`` it in [-3, 0]. A ``range`` runs from ``value`` to ``high``; ``about`` is
        the value, marked approximate. The reading is
        :func:`aidlib.quantities.quantity.qualifier_bounds`, the one a parsed quantity's
        ``bounds`` uses too.

        Examples:
            >>> Interval.from_qualifier(-3, "over"), Interval.from_qualifier(5, "range", high=10)
            (Interval(low=-inf, high=-3, approx=False), Interval(low=5, high=10, approx=False))
        """
        low, high = qualifier_bounds(value, qualifier, high=high)
        return cls(low, high, qualifier == "about")

    @property
    def is_exact(self) -> bool:
        """Whether the interval is a single, unhedged value."""
        return self.low == self.high and not self.approx

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high, self.approx or other.approx)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low, self.approx or other.approx)

    def __mul__(self, other: Interval) -> Interval:
        products = [_mul(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products), self.approx or other.approx)

    def __truediv__(self, other: Interval) -> Interval:
        """Divide; a divisor at most h (``under``: [0, h], h > 0) gives a quotient with no upper bound.

        Examples:
            >>> Interval(10) / Interval(0, 5)  # 近200亿 is at most 200亿: a share of it is at least ...
            Interval(low=2.0, high=inf, approx=False)
        """
        if other.low == 0 < other.high:
            inverse = Interval(1 / other.high if other.high != INF else 0.0, INF)
            return self * Interval(inverse.low, inverse.high, other.approx)
        if other.low <= 0 <= other.high:
            raise ZeroDivisionError("divisor interval contains zero")
        inverse = Interval(1 / other.high if other.high != INF else 0.0, 1 / other.low)
        return self * Interval(inverse.low, inverse.high, other.approx)

    def __str__(self) -> str:
        return describe(self, "")


def _mul(a: float, b: float) -> float:
    """Multiply with 0 × ∞ = 0 (a zero bound stays zero)."""
    return 0.0 if a == 0 or b == 0 else a * b


def describe(iv: Interval, unit: str) -> str:
    """Write an interval as :func:`aidlib.analysis.numbers.interval_text` does.

    Examples:
        >>> describe(Interval(695_882_352.9), "yuan"), describe(Interval(0, 1605.75), "元/户")
        ('≈ 696 million yuan', '≤ 1,606元/户')
        >>> describe(Interval(60.0), "percent"), describe(Interval(23.26, 56.23), "percent")
        ('60%', '23.2–56.3%')
    """
    return interval_text(iv.low, iv.high, iv.approx, unit)


@dataclass(frozen=True)
class Indicator:
    """A derived figure: what it is, how it is computed, from what, and its caveat."""

    indicator_id: str
    label: str
    formula: str
    inputs: tuple[str, ...]
    interval: Interval
    unit: str
    caveat: str
    source_id: str = ""
    label_zh: str = ""
    cited: bool = False  # it sets the source's figures against cited figures (a context indicator)
    per: str = ""  # what a per-unit figure divides by, when its measure word says nothing (个: "project")

    @property
    def computable(self) -> bool:
        """False when the arithmetic failed (a divisor that may be zero): the value is unknown."""
        return not math.isnan(self.interval.low)

    @property
    def text(self) -> str:
        """The value as a reader sees it: ``≤ 1,606元/户``, ``67.04%``."""
        return describe(self.interval, self.unit) if self.computable else "not computable"

    @property
    def unit_en(self) -> str:
        """The unit in English: ``元/户`` → ``yuan per household``; ``元/个`` per what the divisor counts."""
        english = unit_en(self.unit)
        if self.per and " per " in english:
            english = f"{english.rsplit(' per ', 1)[0]} per {self.per}"
        return english

    @property
    def text_en(self) -> str:
        """The value with its English unit: ``≤ 1,606 yuan per household``."""
        return describe(self.interval, self.unit_en) if self.computable else "not computable"


def interval_of(row) -> Interval:
    """The bounds a curated metric or cited figure row allows: the one place rows become intervals.

    ``row`` is a row of :func:`aidlib.load_metrics` or :func:`aidlib.load_figures`
    (a namedtuple from ``itertuples``, a Series or a dict) with ``value`` and
    ``qualifier``, and ``high`` for a range (a table without the column has no ranges).

    Examples:
        >>> interval_of({"value": 30000.0, "qualifier": "range", "high": 50000.0})
        Interval(low=30000.0, high=50000.0, approx=False)
        >>> interval_of({"value": 40000.0, "qualifier": "over"}).high
        inf
    """
    get = row.get if isinstance(row, dict) else lambda name, default=None: getattr(row, name, default)
    high = get("high", None)
    high = None if high is None or (isinstance(high, float) and math.isnan(high)) else float(high)
    return Interval.from_qualifier(float(get("value")), str(get("qualifier")), high=high)


def term_interval(term) -> Interval:
    """The bounds of one input; a multiple (unit 倍) as its ratio to the base (增长了1.5倍 → 2.5).

    The ratio is data: ``metrics.csv`` carries it in ``ratio``, checked against the quote by
    ``aidlib check``.
    """
    iv = interval_of(term.row)
    ratio = term.row.get("ratio")
    if term.row.get("unit") == "倍" and ratio not in (None, "") and ratio == ratio:
        shift = float(ratio) - float(term.row["value"])  # the value is what the text wrote
        iv = Interval(iv.low + shift, iv.high + shift, iv.approx)
    return iv


def _sum(intervals: list[Interval]) -> Interval:
    total = intervals[0]
    for iv in intervals[1:]:
        total = total + iv
    return total


def _listed(ids: list[str]) -> str:
    """Ids joined by +, in parentheses when there are several."""
    return ids[0] if len(ids) == 1 else f"({' + '.join(ids)})"


HUNDRED = Interval(100)


def _formula(a) -> tuple[str, str]:
    """The formula and the unit of one applied declaration (:class:`~aidlib.data.declarations.Applied`)."""
    ids = [t.id for t in a.terms]
    units = [str(t.row.get("unit", "")) for t in a.terms]
    grown = f"{ids[0]} / (1 + {ids[-1]} / 100)"
    listed = f"({' + '.join(ids[:-1])})"
    formulas = {
        "share": (f"{_listed(ids[:-1])} / {ids[-1]} × 100", "%"),
        "share_bounds": (f"[{listed} , {listed} + unitemized] / {ids[-1]} × 100", "%"),
        "percent": (f"{ids[0]} / {ids[-1]} × 100", "%"),
        "per_unit": (f"{ids[0]} / {ids[-1]}", f"{units[0]}/{units[-1]}"),
        "difference": (f"{ids[0]} − {ids[-1]}", units[0]),
        "sum": (" + ".join(ids), units[0]),
        "remainder": (f"{ids[0]} − {_listed(ids[1:])}" if len(ids) > 1 else ids[0], units[0]),
        "growth_base": (grown, units[0]),
        "growth_increase": (f"{ids[0]} − {grown}", units[0]),
        "above_yearly_average": (f"({ids[0]} / ({ids[-1]} / {_years(a)}) − 1) × 100", "%"),
    }
    return formulas[a.operation]


def _years(a) -> int:
    from aidlib.data.periods import parse_period

    return parse_period(str(a.terms[-1].row["period"])).years


def _interval(a) -> Interval:
    """The value of one applied declaration, on intervals."""
    ivs = [term_interval(t) for t in a.terms]
    op = a.operation
    if op == "share":
        return _sum(ivs[:-1]) / ivs[-1] * HUNDRED
    if op == "share_bounds":
        counted, total = _sum(ivs[:-1]), ivs[-1]
        rest = total - _sum([term_interval(p) for p in a.parts])
        return Interval(counted.low, (counted + rest).high) / total * HUNDRED
    if op == "percent":
        return ivs[0] / ivs[1] * HUNDRED
    if op == "per_unit":
        return ivs[0] / ivs[1]
    if op == "difference":
        return ivs[0] - ivs[1]
    if op == "sum":
        return _sum(ivs)
    if op == "remainder":
        return ivs[0] - _sum(ivs[1:]) if len(ivs) > 1 else ivs[0]
    if op in ("growth_base", "growth_increase"):
        base = ivs[0] / (Interval(1) + ivs[1] / HUNDRED)
        return base if op == "growth_base" else ivs[0] - base
    if op == "above_yearly_average":
        return (ivs[0] / (ivs[1] / Interval(_years(a))) - Interval(1)) * HUNDRED
    raise ValueError(f"operation {op!r} has no arithmetic here")  # pragma: no cover - vocabulary-tested


def _indicator(a, counts: dict[str, int]) -> Indicator:
    """Compute one applied declaration; the caveat says which periods a context figure mixes."""
    from aidlib.data.declarations import periods_caveat

    if a.operation == "distinct_facts":
        labels = [str(t.row.get("label_en", "")) for t in a.terms]
        n = len(labels)
        left = "No row restates another."
        if n:
            rows = "1 restated row is" if n == 1 else f"{n} restated rows are"
            left = f"{rows} left out: {'; '.join(labels)}."
        caveat = " ".join(filter(None, [a.caveat, left]))
        value = Interval(float(counts.get(a.source_id, 0) - n))
        return Indicator(a.indicator_id, a.label_en, "count(metrics where duplicate_of is empty)", a.inputs,
                         value, "facts", caveat, a.source_id, a.label_zh)  # fmt: skip
    caveat = a.caveat
    if a.cited:
        caveat = " ".join(filter(None, [caveat, periods_caveat(list(a.terms))]))
    formula, unit = _formula(a)
    try:
        value = _interval(a)
    except ZeroDivisionError:
        value = Interval(math.nan, math.nan)
        caveat = " ".join(filter(None, [caveat, "Not computable: a divisor may be zero."]))
    return Indicator(a.indicator_id, a.label_en, formula, a.inputs, value, unit, caveat, a.source_id,
                     a.label_zh, a.cited, _per(a))  # fmt: skip


def _per(a) -> str:
    """What a per-unit figure is per, when the divisor's measure word says nothing (个, "units").

    The divisor's label names the thing counted (:func:`~aidlib.analysis.unit_names.count_noun`):
    a total over ``Education aid projects`` (个) is per ``project``, not per ``unit``.
    """
    from aidlib.analysis.unit_names import count_noun, singular

    if a.operation != "per_unit":
        return ""
    divisor = a.terms[-1].row
    english = unit_en(str(divisor.get("unit", "")))
    noun = count_noun(english, str(divisor.get("label_en", "") or ""))
    return singular(noun) if noun != english else ""


def _require(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    """Refuse a frame that is not what aidlib.load_metrics or load_figures gives, in one line."""
    import pandas as pd

    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"indicators: the {what} have no column {', '.join(map(repr, missing))}: "
                         f"give a frame of aidlib.load_{what}")  # fmt: skip
    if len(frame) and not pd.api.types.is_numeric_dtype(frame["value"]):
        raise ValueError(f"indicators: the {what}' value column holds text, not numbers: give a frame of "
                         f"aidlib.load_{what} (it reads the numbers)")  # fmt: skip


def compute(
    metrics: pd.DataFrame | None = None,
    figures: pd.DataFrame | None = None,
    *,
    data: str | os.PathLike[str] | None = None,
    declarations: list | None = None,
) -> list[Indicator]:
    """Compute every declared indicator for every source of ``metrics``.

    Args:
        metrics: curated metrics of any number of sources (default: the data folder's).
        figures: the cited figures (default: the data folder's).
        data: the data folder whose declarations apply (and whose tables load when not given);
            default: the folder ``metrics`` was loaded from (:func:`aidlib.load_metrics` records
            it), else the default folder.
        declarations: the declarations (default: the folder's ``indicators.csv``, then aidlib's
            generic ones: :func:`aidlib.data.declarations.declarations_for`).

    Returns:
        The indicators, source by source in the order they first appear in ``metrics``, each
        source's in declaration order; a source lacking an input has no such indicator.
    """
    from aidlib.data.declarations import apply, declarations_for

    if data is None and metrics is not None:  # a frame of load_metrics names its folder
        data = metrics.attrs.get("data")
    if metrics is None:
        from aidlib.data.metrics import load_metrics

        metrics = load_metrics(data)
    if figures is None:
        from aidlib.data.figures import load_figures

        figures = load_figures(data)
    if declarations is None:
        declarations = declarations_for(data)
    _require(metrics, ("source_id", "metric_id", "label_en", "value", "unit", "qualifier", "period",
                       "duplicate_of", "part_of"), "metrics")  # fmt: skip
    _require(figures, ("figure_id", "value", "unit", "qualifier", "period"), "figures")
    rows = metrics.to_dict("records")
    applied, _ = apply(declarations, rows, figures.to_dict("records"))
    counts: dict[str, int] = {}
    for r in rows:
        counts[str(r["source_id"])] = counts.get(str(r["source_id"]), 0) + 1
    return [_indicator(a, counts) for a in applied]


def to_frame(indicators: list[Indicator]) -> pd.DataFrame:
    """Turn indicators into a DataFrame.

    Columns: source_id, indicator_id, label, label_zh, low, high, text, unit, text_en, unit_en,
    exact, formula, inputs, caveat.
    """
    import pandas as pd

    columns = ["source_id", "indicator_id", "label", "label_zh", "low", "high", "text", "unit", "text_en",
               "unit_en", "exact", "formula", "inputs", "caveat"]  # fmt: skip
    rows = [
        {
            "source_id": i.source_id,
            "indicator_id": i.indicator_id,
            "label": i.label,
            "label_zh": i.label_zh,
            "low": i.interval.low,
            "high": i.interval.high,
            "text": i.text,
            "unit": i.unit,
            "text_en": i.text_en,
            "unit_en": i.unit_en,
            "exact": i.interval.is_exact,
            "formula": i.formula,
            "inputs": ", ".join(i.inputs),
            "caveat": i.caveat,
        }
        for i in indicators
    ]
    return pd.DataFrame(rows, columns=columns)


def table(
    metrics: pd.DataFrame | None = None,
    *,
    source: str | None = None,
    figures: pd.DataFrame | None = None,
    data: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Return the indicators computed from the sources' own figures (no cited figure) as a DataFrame.

    One row per source and indicator (``source_id`` says whose); a source that lacks an
    input simply has no such row. :func:`aidlib.analysis.context.table` has the ones that
    set a source against cited figures. Columns: see :func:`to_frame`.

    Args:
        metrics: curated metrics of one or more sources (default: the data folder's).
        source: keep this source's indicators only.
        figures: the cited figures (default: the data folder's).
        data: the data folder whose declarations apply.
    """
    return compute_table(metrics, figures, source=source, data=data, cited=False)


def compute_table(
    metrics: pd.DataFrame | None,
    figures: pd.DataFrame | None,
    *,
    source: str | None,
    data: str | os.PathLike[str] | None,
    cited: bool,
) -> pd.DataFrame:
    """The indicators with (``cited``) or without a cited input, of one source or all, as a DataFrame."""
    if metrics is not None and source is not None:
        from aidlib.data.metrics import select_sources

        metrics = select_sources(metrics, source, dict.fromkeys(metrics["source_id"]))
    elif source is not None:
        from aidlib.data.metrics import load_metrics

        metrics = load_metrics(data, source=source)
    return to_frame([i for i in compute(metrics, figures, data=data) if i.cited == cited])


def convert_cny(amount: float, rate: float, currency: str) -> tuple[float, str]:
    """Convert yuan with a rate the caller supplies and cites (no built-in rates).

    Args:
        amount: an amount in 元.
        rate: units of ``currency`` per 元, from a source you cite.
        currency: the currency code, e.g. ``"USD"``.

    Examples:
        >>> convert_cny(530_000_000, 0.125, "USD")
        (66250000.0, 'USD')
    """
    if currency in ("元", "人民币", "CNY", "RMB", "yuan"):
        raise ValueError(f"convert_cny converts yuan into another currency; {currency!r} is yuan itself")
    if not rate > 0 or math.isinf(rate):
        raise ValueError(f"rate must be a positive finite number of {currency} per yuan, got {rate!r}")
    return amount * rate, currency
