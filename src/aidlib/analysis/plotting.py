"""Charts for aidlib: bars that show bounds and never double count, a split total, growth, series.

matplotlib and seaborn are imported inside the functions, so ``import aidlib``
stays light. As in seaborn, every chart takes a plain DataFrame whose columns its
docstring lists (a missing one is a one-line ``ValueError`` naming it) and returns
the matplotlib ``Axes`` it drew on (:func:`panel_chart`, one per panel; the figure is
``ax.figure``); :func:`chart_text` reads back the labels and values a chart shows, for
a test or a notebook cell to pin.

Each chart is drawn for a desktop column (:data:`DESKTOP_PX` CSS pixels) and registers
what it drew with :mod:`aidlib.analysis.layout`, which lays it out again for any other
width (:func:`aidlib.analysis.publish.render` draws a phone's too): ticks that never
collide, wrapped labels, value labels inside or beside their bars, an axis that ends
just past the longest bar.

One chart per kind of comparison, each named ``<kind>_chart``: the kind is what sets the
chart apart (intervals, a split total, growth, a series, panels; the plain bars of stated
figures are ``bar_chart``), so ``aidlib.*_chart`` lists them all. Not seaborn's
``barplot`` nouns: those name a shape, and three of ours are bars that differ in what
they accept and refuse.

- :func:`bar_chart`: stated figures of one unit, each with its bound;
- :func:`interval_chart`: derived figures, a range where only bounds are known;
- :func:`split_chart`: a total split into its parts, the unitemized rest hatched;
- :func:`growth_chart`: one growth rate across places, the report's own place in colour;
- :func:`panel_chart`: figures that must not share an axis, each in its own panel;
- :func:`series_chart`: figures by year, each marked by its basis.

:func:`bounds_key_text` is the charts' key to the bound signs as one line of text.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

from aidlib.analysis import layout
from aidlib.analysis.numbers import BOUND_SIGNS
from aidlib.analysis.theme import (  # noqa: F401  (the theme's public names, re-exported)
    CJK_FONTS,
    CJK_PACKAGE_HINT,
    LABEL_BOX,
    MARKERS,
    PALETTE,
    RANGE_COLOR,
    CJKFontError,
    check_cjk_labels,
    find_cjk_font,
    set_theme,
)
from aidlib.data.vocabulary import QUALIFIER_NAMES, unit_family

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DESKTOP_PX = 720  # CSS px: the width a chart is first laid out for (a desktop column)
OTHER_COLOR = "#8c96a3"  # the places a growth chart compares the report's own place with
MARKER_PT = 7  # the bound markers at a bar's end
UNITEMIZED_COLOR = "#d5d9de"  # parts of one total without an amount of their own: hatched and grey


def _require(frame: pd.DataFrame, chart: str, columns: tuple[str, ...]) -> None:
    """Refuse a frame that lacks a column the chart reads, naming the first one missing."""
    for column in columns:
        if column not in frame.columns:
            got = ", ".join(map(str, frame.columns))
            raise ValueError(f"{chart} needs column {column!r} (it reads {', '.join(columns)}; got {got})")
    if frame.empty:
        raise ValueError(f"{chart}: the frame has no rows to draw")


def _check_qualifiers(qualifiers, chart: str) -> None:
    """Refuse a qualifier the chart cannot draw, naming its row and the allowed ones."""
    for row, qualifier in enumerate(qualifiers):
        if qualifier not in QUALIFIER_NAMES:
            allowed = ", ".join(QUALIFIER_NAMES)
            raise ValueError(f"{chart}: qualifier {qualifier!r} in row {row}; expected one of {allowed}")


def _axes(ax: Axes | None, rows: int) -> tuple[Axes, bool]:
    """The Axes to draw on, and whether it is new (then the chart lays its figure out)."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax, False
    # constrained: the key below the bars takes its own room; the height follows the rows
    _, ax = plt.subplots(figsize=(DESKTOP_PX / 96, 1.1 + 0.42 * max(rows, 1)), layout="constrained")
    return ax, True


def _dark(color) -> bool:
    """Whether white text reads on this colour (its relative luminance is low).

    Examples:
        >>> _dark("#3b6ea8"), _dark("#e08a2c"), _dark("#d5d9de")
        (True, False, False)
    """
    from matplotlib.colors import to_rgb

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.3


# The one key to bounds, drawn on every chart that shows one.
BOUND_NAMES = {q: QUALIFIER_NAMES[q] for q in ("over", "under", "about")}


def _key_entry(qualifier: str) -> str:
    """One bound sign and its name, as the key writes it (``≥ at least``)."""
    return f"{BOUND_SIGNS[qualifier].strip()} {BOUND_NAMES[qualifier]}"


def _figure_legend(fig, handles) -> None:
    """A key below the chart (it never covers a bar, a point or a label), as many columns as fit."""
    layout.figure_legend(fig, handles)


def _bounds_key(ax: Axes, qualifiers, ranges: bool = False) -> None:
    """Put the key to the bound signs on the chart: only the ones it uses."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], marker=MARKERS[q], linestyle="", color="black", markerfacecolor=PALETTE[q],
               label=_key_entry(q))
        for q in ("over", "under", "about") if q in set(qualifiers)
    ]  # fmt: skip
    if ranges:
        handles.append(
            Patch(facecolor=PALETTE["over"], alpha=0.35, hatch="//", label="range: the value lies within")
        )
    fig = ax.get_figure()
    shown = {t.get_text() for legend in fig.legends for t in legend.get_texts()}
    handles = [h for h in handles if h.get_label() not in shown]  # panels share one key
    if handles:
        _figure_legend(fig, handles)


def _value_labels(ax: Axes, ends, texts) -> list:
    """One value label per bar, at its end; :mod:`~aidlib.analysis.layout` puts it inside or beside."""
    return [
        ax.annotate(str(text), (end, i), xytext=(6, 0), textcoords="offset points", va="center", fontsize=11,
                    bbox=LABEL_BOX, annotation_clip=False)
        for i, (end, text) in enumerate(zip(ends, texts, strict=True))
    ]  # fmt: skip


def _finish_rows(ax, new, labels, starts, ends, notes, colors, marker_px, percent, title, xlabel,
                 solid=None) -> Axes:  # fmt: skip
    """Label the rows, register them for layout, and lay a new figure out for a desktop."""
    ax.set_yticks(list(range(len(labels))), labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(False, axis="y")
    layout.register_rows(ax, layout.Rows(list(labels), [float(s) for s in starts], [float(e) for e in ends],
                                         notes, [_dark(c) for c in colors], list(marker_px),
                                         solid or [True] * len(labels), percent))  # fmt: skip
    counts = all(float(v).is_integer() for v in [*starts, *ends])
    layout.register_axis(ax.xaxis, "count" if counts else "value")
    if new:
        layout.fit(ax.get_figure(), DESKTOP_PX)
    return ax


def bar_chart(view: pd.DataFrame, title: str = "", xlabel: str = "", ax: Axes | None = None) -> Axes:
    """Draw one horizontal bar per metric, labelled with its value and bound.

    ``view`` is any DataFrame with the columns ``label``, ``value`` (a number),
    ``qualifier`` (exact, over, about, under or range), ``shown`` (the value as
    text) and ``unit``, as :func:`aidlib.metric_view` and :func:`aidlib.count_view`
    return; optional ``period`` (labels name their period, as dates, when the bars cover
    several) and ``duplicate_of`` (a restated row, non-empty there, is refused).
    A bound is drawn as a marker at the bar end (▶ at least, ◀ at most, ◆ about),
    written with ≥/≤/≈ in the label and keyed in a legend below the chart. All rows
    must share one unit, or units of one family (人, 名 and 位 count people).

    Raises:
        ValueError: a missing column, a restated row (counted twice), or mixed units.

    Returns:
        The matplotlib Axes drawn on.

    Examples:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"label": ["a", "b"], "value": [3.0, 5.0], "qualifier": ["exact", "over"],
        ...                       "shown": ["3 people", "≥ 5 people"], "unit": ["人", "名"]})
        >>> chart_text(bar_chart(frame, "t")).to_numpy().tolist()
        [['a', '3 people'], ['b', '≥ 5 people']]
    """
    _require(view, "bar_chart", ("label", "value", "qualifier", "shown", "unit"))
    _check_qualifiers(view["qualifier"], "bar_chart")
    if "duplicate_of" in view:
        names = view["metric_id"] if "metric_id" in view else view["label"]
        restated = names[view["duplicate_of"].fillna("") != ""].tolist()
        if restated:
            raise ValueError(f"restated facts would be counted twice: {', '.join(map(str, restated))}")
    units = sorted({str(u) for u in view["unit"]})
    if len({unit_family(u) for u in units}) > 1:
        raise ValueError(f"one chart, one unit: got {', '.join(units)}")
    labels = [str(label) for label in view["label"]]
    if "period" in view and len(set(view["period"])) > 1:
        from aidlib.analysis.reader_words import CUMULATIVE_TEXT, period_text
        from aidlib.data.periods import PeriodError

        def when(period) -> str:  # short: a label has little room
            try:
                return period_text(str(period)).replace(CUMULATIVE_TEXT, "cumulative")
            except PeriodError:  # a period the chart is given as text
                return str(period)

        def dated(label: str, period) -> str:  # "Training (person-times), 2023", not "(…) (2023)"
            return f"{label}, {when(period)}" if label.endswith(")") else f"{label} ({when(period)})"

        labels = [dated(label, period) for label, period in zip(labels, view["period"], strict=True)]
    check_cjk_labels([*labels, *view["shown"]])
    ax, new = _axes(ax, len(view))
    values = [float(v) for v in view["value"]]
    colors = [PALETTE.get(q, RANGE_COLOR) for q in view["qualifier"]]
    ax.barh(list(range(len(view))), values, color=colors)
    marker_px = []
    for i, (value, qualifier) in enumerate(zip(values, view["qualifier"], strict=True)):
        if qualifier in MARKERS:
            ax.plot(value, i, marker=MARKERS[qualifier], color="black", markersize=MARKER_PT, clip_on=False)
        marker_px.append(MARKER_PT / 2 * 96 / 72 if qualifier in MARKERS else 0.0)
    notes = _value_labels(ax, values, view["shown"])
    percent = all(str(u) in ("%", "percent") for u in view["unit"])
    _bounds_key(ax, view["qualifier"])
    return _finish_rows(ax, new, labels, [0.0] * len(values), values, notes, colors, marker_px, percent,
                        title, xlabel)  # fmt: skip


def interval_chart(rows: pd.DataFrame, title: str = "", xlabel: str = "", ax: Axes | None = None) -> Axes:
    """Draw derived figures: a bar for an exact value, a range for a bounded one.

    ``rows`` is any DataFrame with the columns ``label``, ``low``, ``high`` (numbers;
    ``high`` may be infinite) and ``text`` (the value as text), as
    :func:`aidlib.indicator_table` and :func:`aidlib.context_table` return. An
    open upper bound is drawn as an arrow; the legend below the chart says how to read
    a range.

    Raises:
        ValueError: a missing column.

    Returns:
        The matplotlib Axes drawn on.
    """
    _require(rows, "interval_chart", ("label", "low", "high", "text"))
    check_cjk_labels([*rows["label"], *rows["text"]])
    ax, new = _axes(ax, len(rows))
    finite = [float(h) for h in rows["high"] if not math.isinf(h)] + [float(v) for v in rows["low"]]
    open_end = max(finite) * 1.2  # where an open bound's arrow is drawn
    starts, ends, colors, marker_px, solid = [], [], [], [], []
    for i, (low, high) in enumerate(zip(rows["low"], rows["high"], strict=True)):
        low, high = float(low), float(high)
        if low == high:
            ax.barh(i, low, color=PALETTE["exact"])
            starts.append(0.0)
            ends.append(low)
            colors.append(PALETTE["exact"])
            marker_px.append(0.0)
            solid.append(True)
            continue
        top = open_end if math.isinf(high) else high
        ax.barh(i, top - low, left=low, color=PALETTE["over"], alpha=0.35, hatch="//")
        ax.plot([low, top], [i, i], color="black", linewidth=1.2)
        ax.plot(low, i, marker="|", color="black", markersize=12)
        ax.plot(top, i, marker=">" if math.isinf(high) else "|", color="black",
                markersize=10 if math.isinf(high) else 12, clip_on=False)  # fmt: skip
        starts.append(low)
        ends.append(top)
        colors.append(PALETTE["over"])
        marker_px.append(5 * 96 / 72 if math.isinf(high) else 1.0)
        solid.append(False)  # hatched, with a line through it: its label goes beside
    notes = _value_labels(ax, ends, rows["text"])
    percent = all(str(t).endswith("%") for t in rows["text"])
    if not all(solid):
        _bounds_key(ax, [], ranges=True)
    return _finish_rows(ax, new, [str(x) for x in rows["label"]], starts, ends, notes, colors, marker_px,
                        percent, title, xlabel, solid)  # fmt: skip


def growth_chart(
    rows: pd.DataFrame,
    title: str = "",
    xlabel: str = "percent, on the same months a year earlier",
    ax: Axes | None = None,
) -> Axes:
    """Compare one growth rate across places: a bar each, fastest on top, the report's own in colour.

    ``rows`` has the columns ``label`` (the place) and ``value`` (the growth, in percent;
    a fall is negative); optional ``highlight`` (True for the report's own place, drawn in
    colour, the others grey), ``qualifier`` (a bound: the label says ≥, ≤ or ≈) and
    ``text`` (the value as written; default ``+70%``). Every rate must be over the same
    period, which the title or the axis label says.

    Raises:
        ValueError: a missing column or an unknown qualifier.

    Returns:
        The matplotlib Axes drawn on.

    Examples:
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"label": ["Shufu", "Kashgar", "Xinjiang"], "value": [70.0, 89.7, 47.3],
        ...                      "highlight": [True, False, False]})
        >>> chart_text(growth_chart(rows)).to_numpy().tolist()
        [['Kashgar', '+89.7%'], ['Shufu', '+70%'], ['Xinjiang', '+47.3%']]
    """
    _require(rows, "growth_chart", ("label", "value"))
    qualifiers = list(rows["qualifier"]) if "qualifier" in rows else ["exact"] * len(rows)
    _check_qualifiers(qualifiers, "growth_chart")
    highlight = list(rows["highlight"]) if "highlight" in rows else [False] * len(rows)
    texts = list(rows["text"]) if "text" in rows else [
        BOUND_SIGNS[q] + ("+" if v > 0 else "") + layout.tick_text(round(float(v), 2)) + "%"
        for v, q in zip(rows["value"], qualifiers, strict=True)
    ]  # fmt: skip
    order = sorted(range(len(rows)), key=lambda i: -float(rows["value"].iloc[i]))
    labels = [str(rows["label"].iloc[i]) for i in order]
    values = [float(rows["value"].iloc[i]) for i in order]
    check_cjk_labels(labels)
    ax, new = _axes(ax, len(rows))
    colors = [PALETTE["exact"] if highlight[i] else OTHER_COLOR for i in order]
    ax.barh(list(range(len(values))), values, color=colors)
    if min(values) < 0:
        ax.axvline(0, color="black", linewidth=0.8)
    marker_px = []
    for y, i in enumerate(order):
        if qualifiers[i] in MARKERS:
            ax.plot(values[y], y, marker=MARKERS[qualifiers[i]], color="black", markersize=MARKER_PT,
                    clip_on=False)  # fmt: skip
        marker_px.append(MARKER_PT / 2 * 96 / 72 if qualifiers[i] in MARKERS else 0.0)
    notes = _value_labels(ax, values, [texts[i] for i in order])
    _bounds_key(ax, qualifiers)
    return _finish_rows(ax, new, labels, [0.0] * len(values), values, notes, colors, marker_px, False,
                        title, xlabel)  # fmt: skip


def split_chart(parts: pd.DataFrame, title: str = "", xlabel: str = "", ax: Axes | None = None) -> Axes:
    """Draw shares of one total as one bar split into its parts, the unitemized rest hatched.

    ``parts`` has the columns ``label``, ``value`` (a number, in the unit of the axis) and
    ``shown`` (the value as text); an optional boolean ``itemized`` marks the rest (False),
    which is drawn hatched in grey. The axis ends at the total; the legend (below the bar)
    names each part with its value and share, in as many columns as the width holds.

    Raises:
        ValueError: a missing column or a negative part.

    Returns:
        The matplotlib Axes drawn on.

    Examples:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"label": ["a", "rest"], "value": [3.0, 1.0], "shown": ["3 yuan", "1 yuan"],
        ...                       "itemized": [True, False]})
        >>> chart_text(split_chart(frame)).to_numpy().tolist()
        [['a', '3 yuan (75%)'], ['rest', '1 yuan (25%)']]
    """
    import matplotlib.pyplot as plt

    _require(parts, "split_chart", ("label", "value", "shown"))
    if (parts["value"] < 0).any():
        raise ValueError("split_chart: a part is negative; parts of a total are never below zero")
    itemized = parts["itemized"] if "itemized" in parts else [True] * len(parts)
    total = float(parts["value"].sum())
    new = ax is None
    if ax is None:
        _, ax = plt.subplots(figsize=(DESKTOP_PX / 96, 1.7 + 0.3 * len(parts)), layout="constrained")
    colors = iter(PALETTE.values())
    left = 0.0
    for label, value, shown, whole in zip(
        parts["label"], parts["value"], parts["shown"], itemized, strict=True
    ):
        ax.barh([0], [value], left=left, color=next(colors) if whole else UNITEMIZED_COLOR,
                hatch=None if whole else "//", edgecolor="white", linewidth=1.5,
                label=f"{label}: {shown} ({100 * value / total:.0f}%)")  # fmt: skip
        left += value
    ax.set_xlim(0, total)  # the bar is the whole: the axis ends at the total
    ax.set_yticks([])
    ax.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    handles, _ = ax.get_legend_handles_labels()
    _figure_legend(ax.get_figure(), handles)
    layout.register_axis(ax.xaxis)
    if new:
        layout.fit(ax.get_figure(), DESKTOP_PX)
    return ax


def panel_chart(
    groups: dict, chart=None, title: str = "", xlabel: str = "", same_scale: bool = False
) -> list[Axes]:
    """Draw incomparable groups in separate panels, one axis each: never one ranked axis.

    ``groups`` maps a panel title (what the values are a share or a count of, their year)
    to the rows that :func:`interval_chart` (the default ``chart``) or :func:`bar_chart`
    draws. Different denominators, periods or bases go in different panels. Panels of one
    unit whose sizes a reader will compare take ``same_scale``: one value axis for all,
    so a bar twice as long is twice as large (the check then asks the longest bar of
    all the panels, not of each, to fill its axis).

    Returns:
        The matplotlib Axes of the panels, top to bottom; ``axes[0].figure`` is their figure.
        :func:`chart_text` and :func:`aidlib.publish` take the list as it is.

    Examples:
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"label": ["aid"], "low": [8.8], "high": [8.8], "text": ["≈ 8.8%"]})
        >>> axes = panel_chart({"of GDP": rows, "of revenue": rows.assign(text="≈ 186%")})
        >>> len(axes), axes[0].figure is axes[1].figure, chart_text(axes)["text"].tolist()
        (2, True, ['≈ 8.8%', '≈ 186%'])
    """
    import matplotlib.pyplot as plt

    chart = chart or interval_chart
    sizes = [max(len(rows), 1) for rows in groups.values()]
    fig, grid = plt.subplots(len(groups), 1, figsize=(DESKTOP_PX / 96, 0.9 * len(groups) + 0.45 * sum(sizes)),
                             height_ratios=sizes, squeeze=False, layout="constrained")  # fmt: skip
    axes = list(grid[:, 0])
    for ax, (name, rows) in zip(axes, groups.items(), strict=True):
        if same_scale and ax is not axes[0]:
            ax.sharex(axes[0])
        chart(rows, title=name, xlabel=xlabel, ax=ax)
        ax.title.set_fontsize(11)
        ax.title.set_fontweight("normal")
    if title:
        fig.suptitle(title, fontweight="bold", fontsize=12)
    layout.fit(fig, DESKTOP_PX)
    return axes


def bounds_key_text() -> str:
    """Return the charts' key to the bound signs as one line of text, for a caption or a table.

    Examples:
        >>> bounds_key_text()
        '≥ at least; ≈ about; ≤ at most (bars end at the stated value)'
    """
    return "; ".join(_key_entry(q) for q in ("over", "about", "under")) + " (bars end at the stated value)"


# How a basis is marked on a series chart (partial years share one marker), and
# where in its year the point sits, so a plan and a part-year figure do not overlap.
BASIS_MARKERS = {"annual": ("o", "full year"), "plan": ("s", "plan"), "partial": ("D", "part of the year")}
BASIS_OFFSET = {"annual": 0.0, "plan": -0.18, "partial": 0.18}


def _point_text(value: float, qualifier: str) -> str:
    """A point's value as drawn: its bound sign and at most two decimals, no trailing zeros.

    Examples:
        >>> _point_text(18.8, "over"), _point_text(15.962, "exact"), _point_text(20.0, "under")
        ('≥ 18.8', '15.96', '≤ 20')
    """
    return BOUND_SIGNS[qualifier] + layout.tick_text(round(float(value), 2))


def _point_label(ax: Axes, year: float, value: float, qualifier: str):
    """A point's value label; :mod:`~aidlib.analysis.layout` finds it a free place."""
    text = _point_text(value, qualifier)
    where = {"xytext": (7, 0), "textcoords": "offset points", "va": "center"}
    return ax.annotate(text, (year, value), fontsize=11, bbox=LABEL_BOX, **where)


def _basis_kind(basis: str) -> str:
    return basis if basis in ("annual", "plan") else "partial"


def series_chart(
    points: pd.DataFrame,
    title: str = "",
    ylabel: str = "",
    scale: float = 1.0,
    extra: pd.DataFrame | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw figures by year, each marked by its basis; only consecutive full years are joined.

    ``points`` is any DataFrame with the columns ``year`` (an integer), ``basis``
    (annual, plan or a part of the year), ``value`` (a number, divided by
    ``scale`` on the chart) and ``qualifier``, as :func:`aidlib.series` returns.
    Figures of different bases are never one line, and a year
    with no figure stays a gap: nothing is interpolated. An "at least" value gets
    an arrow up, an "at most" value an arrow down; the label keeps its ≥/≤/≈ sign.
    ``extra`` (same columns plus ``label``) adds points of another subject, drawn
    apart in grey and named in the legend. The legend sits below the chart, off the data;
    each value label takes a free place next to its point (a label with no free place at
    a phone's width is left off the image, never off :func:`chart_text`).

    Raises:
        ValueError: a missing column.

    Returns:
        The matplotlib Axes drawn on.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    _require(points, "series_chart", ("year", "basis", "value", "qualifier"))
    _check_qualifiers(points["qualifier"], "series_chart")
    if extra is not None:
        _require(extra, "series_chart's extra", ("year", "value", "qualifier", "label"))

    new = ax is None
    if ax is None:
        _, ax = plt.subplots(figsize=(DESKTOP_PX / 96, 4.4), layout="constrained")
    kinds = [_basis_kind(b) for b in points["basis"]]
    y = points["value"] / scale
    annual = points[[k == "annual" for k in kinds]].sort_values("year")
    for (y0, v0), (y1, v1) in itertools.pairwise(zip(annual["year"], annual["value"] / scale, strict=True)):
        if y1 - y0 == 1:
            ax.plot([y0, y1], [v0, v1], color=PALETTE["exact"], linewidth=1.4, zorder=1)
    top = max([*y, *((extra["value"] / scale) if extra is not None else [])])
    notes, first, gaps = [], [], []
    for (year, value, qualifier), kind in zip(
        zip(points["year"], y, points["qualifier"], strict=True), kinds, strict=True
    ):
        year = year + BASIS_OFFSET[kind]
        marker = BASIS_MARKERS[kind][0]
        face = PALETTE["exact"] if kind == "annual" else "white"
        ax.plot(year, value, marker=marker, markersize=8, color=PALETTE["exact"], markerfacecolor=face,
                zorder=3)  # fmt: skip
        if qualifier in ("over", "under"):
            sign = 1 if qualifier == "over" else -1
            ax.annotate(
                "", xy=(year, value + sign * top * 0.09), xytext=(year, value),
                arrowprops={"arrowstyle": "->", "color": PALETTE[qualifier], "linewidth": 1.6}, zorder=2,
            )  # fmt: skip
        notes.append(_point_label(ax, year, value, qualifier))
        first.append(
            1 if kind == "plan" else 0
        )  # plans are labelled on their left, the others on their right
        gaps.append(8 / 2 * 96 / 72)
    handles = [
        Line2D([], [], marker=m, linestyle="", color=PALETTE["exact"],
               markerfacecolor=PALETTE["exact"] if k == "annual" else "white", label=name)
        for k, (m, name) in BASIS_MARKERS.items() if k in kinds
    ]  # fmt: skip
    if extra is not None:
        rows = zip(extra["year"], extra["value"] / scale, extra["qualifier"], strict=True)
        for year, value, qualifier in rows:
            ax.plot(year, value, marker="*", markersize=12, color="#555555", zorder=3)
            notes.append(_point_label(ax, year, value, qualifier))
            first.append(0)
            gaps.append(12 / 2 * 96 / 72)
        handles.append(Line2D([], [], marker="*", linestyle="", color="#555555", markersize=10,
                              label=str(extra["label"].iloc[0])))  # fmt: skip
    if (points["qualifier"] == "over").any():
        handles.append(
            Line2D([], [], marker=r"$\uparrow$", linestyle="", color=PALETTE["over"], label="at least (≥)")
        )
    _figure_legend(ax.get_figure(), handles)
    ax.set_ylim(0, top * 1.22)
    years = [*points["year"], *(extra["year"] if extra is not None else [])]
    ax.set_xlim(min(years) - 0.7, max(years) + 0.7)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    layout.register_axis(ax.xaxis, "year")
    layout.register_axis(ax.yaxis)
    layout.register_points(ax, notes, first, gaps)
    if new:
        layout.fit(ax.get_figure(), DESKTOP_PX)
    return ax


def chart_text(ax: Axes | list[Axes] | Figure) -> pd.DataFrame:
    """Read back what a chart says: one row per value written on it, in drawing order.

    A bar chart (:func:`bar_chart`, :func:`interval_chart`, :func:`growth_chart`) gives
    each bar's label and value text, a split bar each part's; a series chart
    (:func:`series_chart`) gives each point's year as its label. Labels read as one line
    however the chart wraps them. Panels (:func:`panel_chart`'s list, or a Figure) are read
    in turn. A notebook cell ends with it to pin, under test, what the chart shows.

    Returns:
        Columns label and text.

    Examples:
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"label": ["x", "y"], "low": [1.0, 2.0], "high": [3.0, 2.0],
        ...                      "text": ["1–3", "2"]})
        >>> chart_text(interval_chart(rows)).to_numpy().tolist()
        [['x', '1–3'], ['y', '2']]
    """
    import pandas as pd

    if hasattr(ax, "savefig") or isinstance(ax, list | tuple):  # panels: each in turn
        return pd.concat([chart_text(a) for a in getattr(ax, "axes", ax)], ignore_index=True)
    rows = layout.rows_of(ax)
    if rows is not None:
        return pd.DataFrame({"label": rows.labels, "text": [n.get_text().strip() for n in rows.notes]})
    notes = [t for t in ax.texts if t.get_text().strip()]
    legend = ax.get_legend() or next(iter(ax.get_figure().legends), None)
    if not notes and legend is not None and ax.patches and not ax.get_yticklabels():  # a split bar
        pairs = [t.get_text().split(": ", 1) for t in legend.get_texts()]
        return pd.DataFrame({"label": [p[0] for p in pairs], "text": [p[-1] for p in pairs]})
    if ax.patches:  # another chart's bars, labelled on the y axis
        names = {tick: t.get_text().replace("\n", " ")
                 for tick, t in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)}  # fmt: skip
        labels = [names.get(t.xy[1], "") for t in notes]
    else:  # points by year
        labels = [str(round(t.xy[0])) for t in notes]
    return pd.DataFrame({"label": labels, "text": [t.get_text().strip() for t in notes]})
