"""Readable views of the curated metrics and derived figures: rows by id or theme, bounds as ≥/≤/≈."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from aidlib.analysis.numbers import (  # noqa: F401  re-exported: the old names still import from here
    BOUND_SIGNS,
    SIGNIFICANT,
    number_text,
    round_shown,
    value_text,
    with_unit,
)
from aidlib.analysis.unit_names import singular  # noqa: F401  re-exported

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def count_view(counts: pd.Series, unit: str = "facts") -> pd.DataFrame:
    """Turn counts (label → number) into a view that :func:`aidlib.analysis.plotting.bar_chart` draws.

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
    from aidlib.analysis.numbers import interval_text

    if not (0 < divisor < float("inf")):
        raise ValueError(f"rescale: divisor must be a positive finite number, got {divisor!r}")
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
            interval_text(lo, hi, bool(a), unit)
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


def read_as(metrics: pd.DataFrame) -> list[float]:
    """The number each row means: its value, or for a multiple (unit 倍) its ratio to the base.

    ``value`` is what the text wrote (增长1.5倍 is 1.5); ``ratio`` what it means (2.5 times
    the base), and that is what a reader is shown.

    Examples:
        >>> import pandas as pd
        >>> read_as(pd.DataFrame({"value": [1.5, 70.0], "unit": ["倍", "%"], "ratio": [2.5, float("nan")]}))
        [2.5, 70.0]
    """
    ratios = metrics["ratio"] if "ratio" in metrics else [math.nan] * len(metrics)
    return [
        float(r) if str(u) == "倍" and r == r else float(v)
        for v, u, r in zip(metrics["value"], metrics["unit"], ratios, strict=True)
    ]


def _of_source(metrics: pd.DataFrame, source: str | None) -> pd.DataFrame:
    if source is None:
        return metrics
    from aidlib.data.metrics import select_sources

    return select_sources(metrics, source, dict.fromkeys(metrics["source_id"]))


def metric(metrics: pd.DataFrame, metric_id: str, source: str | None = None) -> pd.Series:
    """Return one metric row; an unknown id names near matches.

    With several sources in ``metrics``, an id that more than one of them states needs
    ``source`` (the same id in two sources is the same concept, stated twice).

    Raises:
        KeyError: an unknown id or source, or an id several sources state and no ``source``.

    Examples:
        >>> import pandas as pd
        >>> ids = ["x.total", "x.total"]
        >>> rows = pd.DataFrame({"source_id": ["a", "b"], "metric_id": ids, "value": [1, 2]})
        >>> int(metric(rows, "x.total", source="b")["value"])
        2
        >>> metric(rows, "x.total")
        Traceback (most recent call last):
        ...
        KeyError: "'x.total' is stated by 2 sources (a, b): give source="
    """
    metrics = _of_source(metrics, source)
    _check_ids(metrics, [metric_id])
    found = metrics[metrics["metric_id"] == metric_id]
    if len(found) > 1:
        names = ", ".join(dict.fromkeys(found["source_id"]))
        raise KeyError(f"{metric_id!r} is stated by {len(found)} sources ({names}): give source=")
    return found.set_index("metric_id").loc[metric_id]


def indicator(
    table: pd.DataFrame, indicator_id: str | Sequence[str], source: str | None = None
) -> pd.Series | pd.DataFrame:
    """Return one derived figure's row of an indicator or context table; a list of ids gives those rows.

    ``table`` is what :func:`aidlib.indicator_table` or :func:`aidlib.context_table`
    returns. As with ``.loc``, one id gives its row (a Series named by the id) and a list
    of ids a DataFrame of their rows, in the order given. With several sources in
    ``table``, an id computed for more than one of them needs ``source``.

    Raises:
        ValueError: a table without an ``indicator_id`` column.
        KeyError: an unknown id (the message names near matches and the table's ids), an
            unknown source, or an id several sources have and no ``source``.

    Examples:
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"source_id": ["a", "b"], "indicator_id": ["share.x", "share.x"],
        ...                      "text_en": ["≈ 57%", "≈ 40%"]})
        >>> indicator(rows, "share.x", source="b")["text_en"]
        '≈ 40%'
        >>> indicator(rows, "share.y", source="a")
        Traceback (most recent call last):
        ...
        KeyError: "unknown indicator_id 'share.y'; did you mean share.x? (the table has share.x)"
    """
    if "indicator_id" not in table.columns:
        raise ValueError("indicator: the table has no column 'indicator_id': "
                         "give a frame of aidlib.indicator_table or aidlib.context_table")  # fmt: skip
    table = _of_source(table, source)
    ids = [indicator_id] if isinstance(indicator_id, str) else list(indicator_id)
    known = list(dict.fromkeys(table["indicator_id"]))
    found = []
    for iid in ids:
        rows = table[table["indicator_id"] == iid]
        if rows.empty:
            near = difflib.get_close_matches(iid, known, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            has = f"the table has {', '.join(known)}" if known else "the table is empty"
            raise KeyError(f"unknown indicator_id {iid!r}{hint} ({has})")
        if len(rows) > 1:
            names = ", ".join(dict.fromkeys(rows["source_id"]))
            raise KeyError(f"{iid!r} is computed for {len(rows)} sources ({names}): give source=")
        found.append(rows)
    if isinstance(indicator_id, str):
        return found[0].set_index("indicator_id").loc[indicator_id]
    import pandas as pd

    return pd.concat(found, ignore_index=True) if found else table.iloc[:0].reset_index(drop=True)


def metric_view(
    metrics: pd.DataFrame,
    ids: Iterable[str] | None = None,
    theme: str | bool | None = None,
    lang: str = "en",
    include_restated: bool = False,
    quote: bool = False,
    source: str | None = None,
) -> pd.DataFrame:
    """Select metrics by id (in the order given) or by theme, for display.

    Restated rows (``duplicate_of`` set) are left out unless asked for, so a
    table or chart built on the view never counts a fact twice.

    Args:
        metrics: the curated metrics (:func:`aidlib.load_metrics`), of one source or several.
        ids: metric ids, in the order wanted; an unknown one names near matches. With several
            sources, each id gives one row per source that states it.
        theme: a theme name keeps that theme's rows; ``True`` keeps every row
            and adds a ``theme`` column.
        lang: ``en`` or ``zh``: the language of labels and units.
        include_restated: keep the restated rows.
        quote: add the ``quote`` column (the source's words).
        source: keep this source's rows only.

    Returns:
        Columns source_id, metric_id, label, value, qualifier, shown (value with ≥/≤/≈ and
        unit), unit, period, basis, duplicate_of; then theme and quote when asked for.

    Examples:
        >>> from aidlib.data.metrics import load_metrics
        >>> view = metric_view(load_metrics(), theme="employment", quote=True)
        >>> list(view.columns)[-2:], bool(view["quote"].str.len().gt(0).all())
        (['duplicate_of', 'quote'], True)
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    needed = ("source_id", "metric_id", "label_en", "label_zh", "value", "unit", "unit_en", "qualifier",
              "high",
              "period", "basis", "duplicate_of", "theme")  # fmt: skip
    missing = [c for c in needed if c not in metrics.columns]
    if missing:
        raise ValueError(f"metric_view: the metrics have no column {', '.join(map(repr, missing))}: "
                         "give a frame of aidlib.load_metrics")  # fmt: skip
    metrics = _of_source(metrics, source)
    if ids is not None:
        import pandas as pd

        ids = _check_ids(metrics, ids)
        view = pd.concat([metrics[metrics["metric_id"] == mid] for mid in ids]) if ids else metrics.iloc[:0]
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
            value_text(v, q, u, high=h, label=label)
            for v, q, u, h, label in zip(
                read_as(view), view["qualifier"], unit, view["high"], view["label_en"], strict=True
            )
        ],
        theme=view["theme"].astype(str),
    )
    cols = ["source_id", "metric_id", "label", "value", "qualifier", "shown", "unit", "period", "basis",
            "duplicate_of"]  # fmt: skip
    cols += ["theme"] * (theme is True) + ["quote"] * bool(quote)
    return out[cols].reset_index(drop=True)


def series(figures: pd.DataFrame, subject: str, measure: str) -> pd.DataFrame:
    """One series of cited figures, as :func:`aidlib.data.figures.series`, with ``shown``.

    ``shown`` is the value as a reader sees it, written by :mod:`aidlib.analysis.numbers` the way
    every other value is (``≥ 18.8 billion yuan``); it stands after ``qualifier``.

    Examples:
        >>> from aidlib.data.figures import load_figures
        >>> s = series(load_figures(), "19 provinces→Xinjiang", "aid_funds")
        >>> s.loc[s["year"] == 2019, "shown"].tolist(), s.loc[s["year"] == 2024, "shown"].tolist()
        (['≥ 18.8 billion yuan'], ['≤ 20 billion yuan'])
    """
    from aidlib.analysis.unit_names import cited_unit
    from aidlib.data.figures import series as figure_series

    out = figure_series(figures, subject, measure)
    rows = zip(out["value"], out["qualifier"], out["unit"], strict=True)
    shown = [value_text(v, q, cited_unit(u)) for v, q, u in rows]
    out.insert(out.columns.get_loc("qualifier") + 1, "shown", shown)
    return out
