"""Derived figures that keep the curated bounds honest.

A curated ``4万余户`` means at least 40,000 households, so 6423万元 spread over them
is *at most* 1,606 元 each. Every indicator here is computed on intervals
(:class:`Interval`), names its formula and input metric ids, and carries a caveat.
Nothing external enters: a currency conversion takes its rate as an argument.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from aidlib.analysis.display import interval_text, unit_en  # noqa: F401  unit_en re-exported

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
    def from_qualifier(cls, value: float, qualifier: str, high: float | None = None) -> Interval:
        """Turn a curated value and its qualifier into bounds.

        A hedge bounds the size of the value: a count (≥ 0) that is ``under`` 5 lies in
        [0, 5]; a fall (value < 0) ``over`` 3 % (下降超过3%, value -3) lies in [-∞, -3],
        ``under`` it in [-3, 0]. A ``range`` runs from ``value`` to ``high``.

        Examples:
            >>> Interval.from_qualifier(-3, "over"), Interval.from_qualifier(5, "range", 10)
            (Interval(low=-inf, high=-3, approx=False), Interval(low=5, high=10, approx=False))
        """
        if qualifier == "range":
            if high is None or math.isnan(high):
                raise ValueError(f"a range needs its high end; got value {value!r} and no high")
            return cls(value, high)
        if value < 0:
            bounds = {
                "exact": (value, value, False),
                "about": (value, value, True),
                "over": (-INF, value, False),
                "under": (value, 0.0, False),
            }
        else:
            bounds = {
                "exact": (value, value, False),
                "about": (value, value, True),
                "over": (value, INF, False),
                "under": (0.0, value, False),
            }
        if qualifier not in bounds:
            raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(bounds)}, range")
        return cls(*bounds[qualifier])

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
    """Write an interval as :func:`aidlib.analysis.display.interval_text` does.

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

    @property
    def text(self) -> str:
        """The value as a reader sees it: ``≤ 1,606元/户``, ``67.04%``."""
        return describe(self.interval, self.unit)

    @property
    def unit_en(self) -> str:
        """The unit in English: ``元/户`` → ``yuan per household``."""
        return unit_en(self.unit)

    @property
    def text_en(self) -> str:
        """The value with its English unit: ``≤ 1,606 yuan per household``."""
        return describe(self.interval, self.unit_en)


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
    return Interval.from_qualifier(float(get("value")), str(get("qualifier")), high)


def _bounds(metrics: pd.DataFrame) -> dict[str, Interval]:
    """Each metric's interval; a multiple (unit 倍) as its ratio to the base (增长了1.5倍 → 2.5)."""
    out = {}
    for row in metrics.itertuples(index=False):
        iv = interval_of(row)
        if row.unit == "倍" and isinstance(getattr(row, "quote", None), str):
            from aidlib.quantities.chinese import parse_quantity

            q = parse_quantity(row.quote)  # the value is what the text wrote; the ratio says what it means
            shift = (q.ratio if q.ratio is not None else q.value) - q.value
            iv = Interval(iv.low + shift, iv.high + shift, iv.approx)
        out[row.metric_id] = iv
    return out


ITEMIZED = ("housing.funds", "education.funds", "industry.funds")
# The itemized lines the report files under livelihoods: its section 优先改善民生
# ("put livelihoods first") holds housing and education; industry has its own section.
LIVELIHOOD = ("housing.funds", "education.funds")
TOTAL = "funding.aid_total"

# Plain ratios: (id, label, numerator, denominator, unit, scale, caveat).
RATIOS = (
    *(
        (f"share.{m.split('.')[0]}", f"Share of the 2023 aid total: {m.split('.')[0]}", m, TOTAL, "%", 100,
         "Share of the stated total; the report itemizes only some lines.")
        for m in ITEMIZED
    ),
    ("spend.per_household", "Housing funds per benefiting household", "housing.funds", "housing.households",
     "元/户", 1, "At most: 4万余户 is a lower bound; cumulative households against one year's funds."),
    ("spend.per_major_project", "Aid per major project item", TOTAL, "funding.projects_major", "元/大项", 1,
     "An average; project sizes are not reported."),
    ("spend.per_minor_project", "Aid per minor project item", TOTAL, "funding.projects_minor", "元/小项", 1,
     "An average; project sizes are not reported."),
    ("spend.per_education_project", "Education funds per education project", "education.funds",
     "education.projects", "元/个", 1, "An average over 14 projects of unstated size."),
    ("spend.per_funded_student", "Education funds per funded university student", "education.funds",
     "education.student_grants", "元/人", 1,
     "Not a grant size: the education funds also paid for IT and classrooms."),
    ("investment.per_aid_yuan", "Investment received per yuan of aid", "investment.funds_received", TOTAL,
     "元/元", 1, "Not causal, and periods differ: cumulative investment against one year of aid."),
    ("consumption.price_per_tonne", "Average price of produce sold", "consumption_aid.sales",
     "consumption_aid.produce_sold", "元/吨", 1, "An average over all products; the mix is unknown."),
    ("employment.jobs_per_factory", "Jobs per satellite factory", "employment.satellite_factory_jobs",
     "employment.satellite_factories", "人/家", 1, "An average; factory sizes are not reported."),
)  # fmt: skip


def compute(metrics: pd.DataFrame | None = None) -> list[Indicator]:
    """Compute every indicator from the curated metrics (loaded if not given)."""
    if metrics is None:
        from aidlib.data.metrics import load_metrics

        metrics = load_metrics()
    b = _bounds(metrics)
    out = []
    for iid, label, num, den, unit, scale, caveat in RATIOS:
        formula = f"{num} / {den}" + (f" × {scale}" if scale != 1 else "")
        out.append(
            Indicator(iid, label, formula, (num, den), b[num] / b[den] * Interval(scale), unit, caveat)
        )
    itemized = b[ITEMIZED[0]] + b[ITEMIZED[1]] + b[ITEMIZED[2]]
    parts = " + ".join(ITEMIZED)
    out.append(
        Indicator("share.itemized", "Itemized share of the 2023 aid total", f"({parts}) / {TOTAL} × 100",
                  (*ITEMIZED, TOTAL), itemized / b[TOTAL] * Interval(100), "%",
                  "Housing, education and industry are the only lines with an amount.")
    )  # fmt: skip
    out.append(
        Indicator("funding.unitemized", "Aid not itemized in the report", f"{TOTAL} − ({parts})",
                  (*ITEMIZED, TOTAL), b[TOTAL] - itemized, "元",
                  "Health, security, culture and exchange have no amounts; this remainder covers them.")
    )  # fmt: skip
    livelihood = b[LIVELIHOOD[0]] + b[LIVELIHOOD[1]]
    unitemized = b[TOTAL] - itemized
    out.append(
        Indicator("share.livelihood", "Livelihood share of the 2023 aid total (bounds)",
                  f"[({' + '.join(LIVELIHOOD)}) , ({' + '.join(LIVELIHOOD)}) + unitemized] / {TOTAL} × 100",
                  (*ITEMIZED, TOTAL),
                  Interval(livelihood.low, (livelihood + unitemized).high) / b[TOTAL] * Interval(100), "%",
                  "Low end: only the itemized housing and education lines; high end: all unitemized money "
                  "counted as livelihood too. Industry's employment subsidies are not counted.")
    )  # fmt: skip
    trade, growth = "trade.value_jan_sep", "trade.growth_yoy"
    base = b[trade] / (Interval(1) + b[growth] / Interval(100))
    out.append(
        Indicator("trade.base_jan_sep_2022", "Implied foreign trade, January–September 2022",
                  f"{trade} / (1 + {growth} / 100)", (trade, growth), base, "元",
                  "Derived, not reported; assumes the 70% growth is on the same January–September basis.")
    )  # fmt: skip
    out.append(
        Indicator("trade.increase_jan_sep", "Implied increase over January–September 2022",
                  f"{trade} − {trade} / (1 + {growth} / 100)", (trade, growth), b[trade] - base, "元",
                  "County-wide trade; the report does not say how much is due to aid.")
    )  # fmt: skip
    restated = tuple(metrics.loc[metrics["duplicate_of"] != "", "metric_id"])
    restated_labels = tuple(metrics.loc[metrics["duplicate_of"] != "", "label_en"])
    out.append(
        Indicator("facts.distinct", "Distinct quantitative facts (restatements counted once)",
                  "count(metrics where duplicate_of is empty)", restated,
                  Interval(float(len(metrics) - len(restated))), "facts",
                  f"{len(restated)} restated rows are left out: {'; '.join(restated_labels)}.")
    )  # fmt: skip
    return out


def to_frame(indicators: list[Indicator]) -> pd.DataFrame:
    """Turn indicators into a DataFrame.

    Columns: indicator_id, label, low, high, text, unit, text_en, unit_en, exact,
    formula, inputs, caveat.
    """
    import pandas as pd

    rows = [
        {
            "indicator_id": i.indicator_id,
            "label": i.label,
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
    return pd.DataFrame(rows)


def table(metrics: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return every indicator of the report as a DataFrame (columns: see :func:`to_frame`)."""
    return to_frame(compute(metrics))


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
