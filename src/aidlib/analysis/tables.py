"""Readable views of the curated metrics: pick rows by id or theme, show bounds as ≥/≤/≈."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# How a qualifier reads in front of a value.
BOUND_SIGNS = {"exact": "", "over": "≥ ", "about": "≈ ", "under": "≤ "}


# Derived values are shown to the precision their inputs support: three significant
# figures, but whole units below 10,000 (2,015 yuan per person, 1,606 per household);
# a value that rounding changed is marked ≈. An upper bound rounds up, a lower bound
# down, so the bound stays true.
SIGNIFICANT = 3
# Large amounts of money read in words: (threshold, divisor, English, Chinese).
_MONEY_SCALES = ((1e9, 1e9, "billion", None), (1e8, 1e8, None, "亿"), (1e6, 1e6, "million", None),
                 (1e4, 1e4, None, "万"))  # fmt: skip


def round_shown(x: float, direction: str = "nearest") -> float:
    """Round a derived value for display: 3 significant figures, whole units from 100 to 10,000.

    ``direction`` is ``nearest``, ``down`` (a lower bound) or ``up`` (an upper bound).

    Examples:
        >>> round_shown(695_882_352.9), round_shown(2015.1), round_shown(8.8333), round_shown(0.46789)
        (696000000.0, 2015.0, 8.83, 0.468)
        >>> round_shown(1605.75, "up"), round_shown(1.97166, "up"), round_shown(1.97166, "down")
        (1606.0, 1.98, 1.97)
    """
    import math
    from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

    if x == 0 or math.isinf(x) or math.isnan(x):
        return x
    exponent = math.floor(math.log10(abs(x)))
    places = 0 if 2 <= exponent <= 3 else SIGNIFICANT - 1 - exponent  # whole units below 10,000
    mode = {"nearest": ROUND_HALF_EVEN, "down": ROUND_FLOOR, "up": ROUND_CEILING}[direction]
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-places), rounding=mode))


def with_unit(number: str, unit: str) -> str:
    """Attach a unit the one way the project writes it: ``70%``, ``5 yuan``.

    Examples:
        >>> with_unit("70", "percent"), with_unit("5", "yuan"), with_unit("5", "")
        ('70%', '5 yuan', '5')
    """
    if unit in ("percent", "%"):
        return f"{number}%"
    return f"{number} {unit}" if unit else number


def number_text(values: list[float], unit: str) -> tuple[list[str], str]:
    """Write rounded numbers with thousands separators, money in words (696 million yuan).

    Returns the numbers as text and the unit to write after them.

    Examples:
        >>> number_text([696_000_000.0], "yuan"), number_text([174_700_000.0], "元")
        ((['696'], 'million yuan'), (['1.747'], '亿元'))
        >>> number_text([2015.0, 0.468], "people")
        (['2,015', '0.468'], 'people')
    """
    finite = [abs(v) for v in values if v == v and abs(v) != float("inf")]
    top = max(finite, default=0.0)
    divisor, word = 1.0, ""
    if unit in ("yuan", "元"):
        for threshold, div, english, chinese in _MONEY_SCALES:
            name = english if unit == "yuan" else chinese
            if name and top >= threshold:
                divisor, word = div, name
                break
    texts = []
    for v in values:
        scaled = v / divisor
        if float(scaled).is_integer():
            texts.append(f"{scaled:,.0f}")
        else:
            texts.append(f"{scaled:,.{max(_decimals(scaled), 0)}f}")
    if word:
        unit = f"{word} {unit}" if unit == "yuan" else f"{word}{unit}"
    return texts, unit


def _decimals(x: float) -> int:
    """Decimals needed to write ``x`` without trailing noise (at most 6)."""
    text = f"{x:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def value_text(value: float, qualifier: str = "exact", unit: str = "", high: float | None = None) -> str:
    """Write a curated value the way a reader should take it.

    A hedge bounds the size of a fall: ``over`` -3 reads ``≤ -3``; a range reads ``5–10``.

    Examples:
        >>> value_text(40000, "over", "households")
        '≥ 40,000 households'
        >>> value_text(11672.82, "exact", "tonnes")
        '11,672.82 tonnes'
        >>> value_text(-3, "over", "percent"), value_text(5, "range", "percent", 10)
        ('≤ -3%', '5–10%')
    """
    if qualifier not in (*BOUND_SIGNS, "range"):
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(BOUND_SIGNS)}, range")
    if qualifier == "range":
        return with_unit(f"{_number_text(value)}–{_number_text(high)}", unit)  # type: ignore[arg-type]
    if value < 0 and qualifier in ("over", "under"):  # the hedge bounds the size of the fall
        qualifier = "under" if qualifier == "over" else "over"
    if value == 1 and qualifier == "exact":
        unit = singular(unit)
    return BOUND_SIGNS[qualifier] + with_unit(_number_text(value), unit)


def _number_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


# English plurals of the units aidlib writes, and their singular.
SINGULAR = {
    "households": "household", "people": "person", "tonnes": "tonne", "establishments": "establishment",
    "major items": "major item", "minor items": "minor item", "units": "unit", "facts": "fact",
    "items": "item", "events": "event", "event sessions": "event session", "cases": "case",
    "teams": "team", "institutions": "institution", "times": "time", "batches": "batch", "sets": "set",
    "vehicles": "vehicle", "sites": "site", "projects": "project", "months": "month", "days": "day",
}  # fmt: skip


def singular(unit: str) -> str:
    """The singular of an English unit (``1 fact``, not ``1 facts``).

    Examples:
        >>> singular("facts"), singular("people"), singular("kg")
        ('fact', 'person', 'kg')
    """
    return SINGULAR.get(unit, unit)


def count_view(counts: pd.Series, unit: str = "facts") -> pd.DataFrame:
    """Turn counts (label → number) into a view that :func:`aidlib.analysis.plotting.bar_metrics` draws.

    Examples:
        >>> import pandas as pd
        >>> count_view(pd.Series({"exact": 54, "at least": 17}))["shown"].tolist()
        ['54 facts', '17 facts']
    """
    import pandas as pd

    labels = [str(label) for label in counts.index]
    return pd.DataFrame(
        {
            "metric_id": labels,
            "label": labels,
            "value": counts.to_numpy(dtype=float),
            "qualifier": "exact",
            "shown": [f"{int(n)} {singular(unit) if n == 1 else unit}" for n in counts],
            "unit": unit,
            "duplicate_of": "",
        }
    )


def rescale(frame: pd.DataFrame, divisor: float, unit: str) -> pd.DataFrame:
    """Show a chart's values in a larger unit (million yuan), rewriting their text to match.

    ``frame`` is a metric view (value, qualifier, shown) or indicator rows (low,
    high, text). Stated values keep their digits (530 million yuan); derived
    ones are rounded as :func:`aidlib.analysis.indicators.describe` does (≈ 696 million yuan).

    Examples:
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"label": ["base"], "low": [695_882_352.9], "high": [695_882_352.9]})
        >>> rescale(rows, 1e6, "million yuan")["text"].tolist()
        ['≈ 696 million yuan']
    """
    from aidlib.analysis.indicators import Interval, describe

    out = frame.copy()
    if "value" in out:
        out["value"] = out["value"] / divisor
        out["shown"] = [value_text(v, q, unit) for v, q in zip(out["value"], out["qualifier"], strict=True)]
        out["unit"] = unit
    if "low" in out:
        out["low"], out["high"] = out["low"] / divisor, out["high"] / divisor
        # an indicator table says which values are hedged (exact False on a single value)
        points = out["low"] == out["high"]
        approx = (points & ~out["exact"].astype(bool)) if "exact" in out else points & False
        out["text"] = [
            describe(Interval(lo, hi, bool(a)), unit)
            for lo, hi, a in zip(out["low"], out["high"], approx, strict=True)
        ]
    return out


def _check_ids(metrics: pd.DataFrame, ids: Iterable[str]) -> list[str]:
    known = list(metrics["metric_id"])
    ids = list(ids)
    for mid in ids:
        if mid not in known:
            near = difflib.get_close_matches(mid, known, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise KeyError(f"unknown metric_id {mid!r}{hint}")
    return ids


def metric(metrics: pd.DataFrame, metric_id: str) -> pd.Series:
    """Return one metric row; an unknown id names near matches.

    Examples:
        >>> from aidlib.data.metrics import load_metrics
        >>> float(metric(load_metrics(), "funding.aid_total")["value"])
        530000000.0
    """
    _check_ids(metrics, [metric_id])
    return metrics.set_index("metric_id").loc[metric_id]


def metric_view(
    metrics: pd.DataFrame,
    ids: Iterable[str] | None = None,
    theme: str | bool | None = None,
    lang: str = "en",
    include_restated: bool = False,
    quote: bool = False,
) -> pd.DataFrame:
    """Select metrics by id (in the order given) or by theme, for display.

    Restated rows (``duplicate_of`` set) are left out unless asked for, so a
    table or chart built on the view never counts a fact twice.

    Args:
        metrics: the curated metrics (:func:`aidlib.load_metrics`).
        ids: metric ids, in the order wanted; an unknown one names near matches.
        theme: a theme name keeps that theme's rows; ``True`` keeps every row
            and adds a ``theme`` column.
        lang: ``en`` or ``zh``: the language of labels and units.
        include_restated: keep the restated rows.
        quote: add the ``quote`` column (the source's words).

    Returns:
        Columns metric_id, label, value, qualifier, shown (value with ≥/≤/≈ and
        unit), unit, period, duplicate_of; then theme and quote when asked for.

    Examples:
        >>> from aidlib.data.metrics import load_metrics
        >>> view = metric_view(load_metrics(), theme="employment", quote=True)
        >>> list(view.columns)[-2:], bool(view["quote"].str.len().gt(0).all())
        (['duplicate_of', 'quote'], True)
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if ids is not None:
        ids = _check_ids(metrics, ids)
        view = metrics.set_index("metric_id").loc[ids].reset_index()
    elif isinstance(theme, str):
        themes = list(metrics["theme"].cat.categories)
        if theme not in themes:
            raise ValueError(f"unknown theme {theme!r}; expected one of {', '.join(themes)}")
        view = metrics[metrics["theme"] == theme]
    elif theme not in (None, True, False):
        raise ValueError(f"theme must be a theme name, True or None, got {theme!r}")
    else:
        view = metrics
    if not include_restated:
        view = view[view["duplicate_of"] == ""]
    unit = view["unit_en"] if lang == "en" else view["unit"].astype(str)
    out = view.assign(
        label=view[f"label_{lang}"],
        unit=unit,
        qualifier=view["qualifier"].astype(str),
        shown=[
            value_text(v, q, u, h)
            for v, q, u, h in zip(view["value"], view["qualifier"], unit, view["high"], strict=True)
        ],
        theme=view["theme"].astype(str),
    )
    cols = ["metric_id", "label", "value", "qualifier", "shown", "unit", "period", "duplicate_of"]
    cols += ["theme"] * (theme is True) + ["quote"] * bool(quote)
    return out[cols].reset_index(drop=True)
