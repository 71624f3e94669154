"""Readable views of the curated metrics: pick rows by id or theme, show bounds as ≥/≤/≈."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# How a qualifier reads in front of a value.
BOUND_SIGNS = {"exact": "", "over": "≥ ", "about": "≈ ", "under": "≤ "}


def value_text(value: float, qualifier: str = "exact", unit: str = "", high: float | None = None) -> str:
    """Write a curated value the way a reader should take it.

    A hedge bounds the size of a fall: ``over`` -3 reads ``≤ -3``; a range reads ``5–10``.

    Examples:
        >>> value_text(40000, "over", "households")
        '≥ 40,000 households'
        >>> value_text(11672.82, "exact", "tonnes")
        '11,672.82 tonnes'
        >>> value_text(-3, "over", "percent"), value_text(5, "range", "percent", 10)
        ('≤ -3 percent', '5–10 percent')
    """
    if qualifier not in (*BOUND_SIGNS, "range"):
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(BOUND_SIGNS)}, range")
    suffix = f" {unit}" if unit else ""
    if qualifier == "range":
        return f"{_number_text(value)}–{_number_text(high)}{suffix}"  # type: ignore[arg-type]
    if value < 0 and qualifier in ("over", "under"):  # the hedge bounds the size of the fall
        qualifier = "under" if qualifier == "over" else "over"
    return f"{BOUND_SIGNS[qualifier]}{_number_text(value)}{suffix}"


def _number_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def count_view(counts: pd.Series, unit: str = "facts") -> pd.DataFrame:
    """Turn counts (label → number) into a view that :func:`aidlib.plotting.bar_metrics` draws.

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
            "shown": [f"{int(n)} {unit}" for n in counts],
            "unit": unit,
            "duplicate_of": "",
        }
    )


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
        >>> from aidlib.metrics import load_metrics
        >>> float(metric(load_metrics(), "funding.aid_total")["value"])
        530000000.0
    """
    _check_ids(metrics, [metric_id])
    return metrics.set_index("metric_id").loc[metric_id]


def metric_view(
    metrics: pd.DataFrame,
    ids: Iterable[str] | None = None,
    theme: str | None = None,
    lang: str = "en",
    include_restated: bool = False,
) -> pd.DataFrame:
    """Select metrics by id (in the order given) or by theme, for display.

    Restated rows (``duplicate_of`` set) are left out unless asked for, so a
    table or chart built on the view never counts a fact twice.

    Returns:
        Columns metric_id, label, value, qualifier, shown (value with ≥/≤/≈ and
        unit), unit, period, duplicate_of.
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if ids is not None:
        ids = _check_ids(metrics, ids)
        view = metrics.set_index("metric_id").loc[ids].reset_index()
    elif theme is not None:
        themes = list(metrics["theme"].cat.categories)
        if theme not in themes:
            raise ValueError(f"unknown theme {theme!r}; expected one of {', '.join(themes)}")
        view = metrics[metrics["theme"] == theme]
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
    )
    cols = ["metric_id", "label", "value", "qualifier", "shown", "unit", "period", "duplicate_of"]
    return out[cols].reset_index(drop=True)
