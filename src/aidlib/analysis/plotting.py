"""One chart theme for aidlib, and bar charts that show bounds and never double count.

matplotlib and seaborn are imported inside the functions, so ``import aidlib``
stays light. As in seaborn, every chart takes a plain DataFrame whose columns its
docstring lists (a missing one is a one-line ``ValueError`` naming it) and returns
the matplotlib ``Axes`` it drew on; :func:`chart_text` reads back the labels and
values a chart shows, for a test or a notebook cell to pin.
"""

from __future__ import annotations

import itertools
import math
import re
from typing import TYPE_CHECKING

from aidlib.analysis.tables import BOUND_SIGNS, value_text
from aidlib.data.vocabulary import unit_family

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

# Families tried, in order, when Chinese labels are asked for.
CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN",
)  # fmt: skip
CJK_PACKAGE_HINT = (
    "pip install 'aidlib[cjk]' (a Noto Sans CJK font from PyPI, no root needed), "
    "or install a system font, e.g. Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)"
)

PALETTE = {"exact": "#3b6ea8", "over": "#e08a2c", "about": "#7a9e3a", "under": "#a8443b"}
# Bar-end markers: an open bound points the way the true value may lie.
MARKERS = {"over": ">", "under": "<", "about": "d"}
RANGE_COLOR = "#7b5ea8"  # a range (3至5万元): bar to its low end; the text shows both ends


class CJKFontError(RuntimeError):
    """Chinese labels were asked for but no CJK font is installed."""


def _cjk_in(names) -> str | None:
    for name in CJK_FONTS:
        if name in names:
            return name
    for name in sorted(names):  # any other family that says it is CJK
        if "CJK" in name or "Han Sans" in name:
            return name
    return None


def _refresh_font_list() -> None:
    """Add fonts matplotlib's cached list does not know yet.

    Matplotlib caches its font list on first use, so a font installed afterwards
    (``apt-get install fonts-noto-cjk``) stays invisible. This adds every system
    font file missing from the list, and the font of the optional extra
    ``aidlib[cjk]`` (the ``noto-cjk-sans-otc`` package) when it is installed.
    """
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    paths = [p for p in font_manager.findSystemFonts() if p not in known]
    try:
        from noto_cjk_sans_otc import FONT_PATH  # the optional extra aidlib[cjk]

        paths.append(str(FONT_PATH))
    except ImportError:
        pass
    for path in paths:
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable or odd font file
                continue


def find_cjk_font() -> str:
    """Return the name of an installed font that can draw Chinese.

    When matplotlib's cached font list has none, the list is refreshed first
    (fonts installed since the cache was made, and the ``aidlib[cjk]`` extra).

    Raises:
        CJKFontError: none is installed; the message says which package to install.
    """
    from matplotlib import font_manager

    found = _cjk_in({f.name for f in font_manager.fontManager.ttflist})
    if found is None:
        _refresh_font_list()
        found = _cjk_in({f.name for f in font_manager.fontManager.ttflist})
    if found is None:
        raise CJKFontError(f"no CJK font found for Chinese labels; {CJK_PACKAGE_HINT}")
    return found


def set_theme(chinese: bool = False) -> None:
    """Apply the aidlib theme: seaborn whitegrid, fixed size and fonts, wide tables.

    Args:
        chinese: render Chinese labels; needs an installed CJK font.
    """
    import matplotlib as mpl
    import pandas as pd
    import seaborn as sns

    # Tables in the notebooks show labels, quotes and caveats in full.
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.width", 200)
    sns.set_theme(style="whitegrid", context="notebook", palette=list(PALETTE.values()))
    mpl.rcParams.update(
        {
            "figure.figsize": (7.5, 3.6),
            "figure.dpi": 100,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.labelsize": 10,
            "svg.hashsalt": "aidlib",  # deterministic SVG ids
        }
    )
    if chinese:
        mpl.rcParams["font.sans-serif"] = [find_cjk_font(), "DejaVu Sans"]
        mpl.rcParams["axes.unicode_minus"] = False


def _check_labels(labels) -> None:
    """Refuse Chinese labels unless a CJK font is set: they would draw as empty boxes."""
    import matplotlib as mpl

    chinese = [str(x) for x in labels if re.search(r"[\u3400-\u9fff]", str(x))]
    if chinese and not any(f in CJK_FONTS or "CJK" in f for f in mpl.rcParams["font.sans-serif"][:1]):
        raise ValueError(
            f"label {chinese[0]!r} is Chinese but no CJK font is set: "
            "use English labels or set_theme(chinese=True)"
        )


def _require(frame: pd.DataFrame, chart: str, columns: tuple[str, ...]) -> None:
    """Refuse a frame that lacks a column the chart reads, naming the first one missing."""
    for column in columns:
        if column not in frame.columns:
            got = ", ".join(map(str, frame.columns))
            raise ValueError(f"{chart} needs column {column!r} (it reads {', '.join(columns)}; got {got})")


def _axes(ax: Axes | None, rows: int) -> Axes:
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.9 + 0.42 * max(rows, 1)))
    return ax


# The one key to bounds, drawn on every chart that shows one.
BOUND_NAMES = {"over": "at least", "under": "at most", "about": "about"}


def _bound_legend(ax: Axes, qualifiers, ranges: bool = False) -> None:
    """Put the key to the bound signs on the chart: only the ones it uses."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], marker=MARKERS[q], linestyle="", color="black", markerfacecolor=PALETTE[q],
               label=f"{BOUND_SIGNS[q].strip()} {BOUND_NAMES[q]}")
        for q in ("over", "under", "about") if q in set(qualifiers)
    ]  # fmt: skip
    if ranges:
        handles.append(
            Patch(facecolor=PALETTE["over"], alpha=0.35, hatch="//", label="range: the value lies within")
        )
    if handles:  # below the chart, so it never covers a bar or its label
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.32 if ax.get_xlabel() else -0.2),
                  ncol=len(handles), fontsize=8, frameon=False, title=None)  # fmt: skip


def _count_axis(ax: Axes, values) -> None:
    """Whole-number ticks when every value is a whole number (a count)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if all(float(v).is_integer() for v in values):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.0f}" if x.is_integer() else f"{x:,g}"))


def bar_metrics(view: pd.DataFrame, title: str = "", xlabel: str = "", ax: Axes | None = None) -> Axes:
    """Draw one horizontal bar per metric, labelled with its value and bound.

    ``view`` is any DataFrame with the columns ``label``, ``value`` (a number),
    ``qualifier`` (exact, over, about, under or range), ``shown`` (the value as
    text) and ``unit``, as :func:`aidlib.metric_view` and :func:`aidlib.count_view`
    return; optional ``period`` (labels name their period when the bars cover
    several) and ``duplicate_of`` (a restated row, non-empty there, is refused).
    A bound is drawn as a marker at the bar end (▶ at least, ◀ at most, ◆ about),
    written with ≥/≤/≈ in the label and keyed in a legend on the chart. All rows
    must share one unit, or units of one family (人, 名 and 位 count people).

    Raises:
        ValueError: a missing column, a restated row (counted twice), or mixed units.

    Returns:
        The matplotlib Axes drawn on.

    Examples:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"label": ["a", "b"], "value": [3.0, 5.0], "qualifier": ["exact", "over"],
        ...                       "shown": ["3 people", "≥ 5 people"], "unit": ["人", "名"]})
        >>> chart_text(bar_metrics(frame, "t")).to_numpy().tolist()
        [['a', '3 people'], ['b', '≥ 5 people']]
    """
    _require(view, "bar_metrics", ("label", "value", "qualifier", "shown", "unit"))
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
        labels = [f"{label} ({period})" for label, period in zip(labels, view["period"], strict=True)]
    _check_labels(labels)
    ax = _axes(ax, len(view))
    y = range(len(view))
    colors = [PALETTE.get(q, RANGE_COLOR) for q in view["qualifier"]]
    ax.barh(list(y), view["value"], color=colors)
    for i, (value, qualifier, shown) in enumerate(
        zip(view["value"], view["qualifier"], view["shown"], strict=True)
    ):
        if qualifier in MARKERS:
            ax.plot(value, i, marker=MARKERS[qualifier], color="black", markersize=7, clip_on=False)
        ax.annotate(
            f" {shown}", (value, i), xytext=(6, 0), textcoords="offset points", va="center", fontsize=9
        )
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, view["value"].max() * 1.45)
    _count_axis(ax, view["value"])
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    _bound_legend(ax, view["qualifier"])
    return ax


def bar_intervals(rows: pd.DataFrame, title: str = "", xlabel: str = "", ax: Axes | None = None) -> Axes:
    """Draw derived figures: a bar for an exact value, a range for a bounded one.

    ``rows`` is any DataFrame with the columns ``label``, ``low``, ``high`` (numbers;
    ``high`` may be infinite) and ``text`` (the value as text), as
    :func:`aidlib.indicator_table` and :func:`aidlib.context_table` return. An
    open upper bound is drawn as an arrow; the legend on the chart says how to read
    a range.

    Raises:
        ValueError: a missing column.

    Returns:
        The matplotlib Axes drawn on.
    """
    _require(rows, "bar_intervals", ("label", "low", "high", "text"))
    _check_labels([*rows["label"], *rows["text"]])
    ax = _axes(ax, len(rows))
    finite_high = [h for h in rows["high"] if not math.isinf(h)]
    right = max([*finite_high, *rows["low"]]) * 1.5
    qualifiers = []
    for i, (low, high, text) in enumerate(zip(rows["low"], rows["high"], rows["text"], strict=True)):
        if low == high:
            ax.barh(i, low, color=PALETTE["exact"])
            end = low
        else:
            qualifiers.append("over" if math.isinf(high) else "under" if low == 0 else "range")
            top = right / 1.5 * 1.2 if math.isinf(high) else high
            ax.barh(i, top - low, left=low, color=PALETTE["over"], alpha=0.35, hatch="//")
            ax.plot([low, top], [i, i], color="black", linewidth=1.2)
            ax.plot(low, i, marker="|", color="black", markersize=12)
            ax.plot(
                top,
                i,
                marker=">" if math.isinf(high) else "|",
                color="black",
                markersize=10 if math.isinf(high) else 12,
            )
            end = top
        ax.annotate(f" {text}", (end, i), xytext=(6, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks(list(range(len(rows))), rows["label"])
    ax.invert_yaxis()
    ax.set_xlim(0, right)
    _count_axis(ax, [*rows["low"], *finite_high])
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    if qualifiers:
        _bound_legend(ax, [], ranges=True)
    return ax


def bound_legend() -> str:
    """Return the one-line key to the bound signs used on every chart."""
    names = {"over": "at least", "about": "about", "under": "at most"}
    key = "; ".join(f"{BOUND_SIGNS[q].strip()} {names[q]}" for q in names)
    return key + " (bars end at the stated value)"


# How a basis is marked on a series chart (partial years share one marker), and
# where in its year the point sits, so a plan and a part-year figure do not overlap.
BASIS_MARKERS = {"annual": ("o", "full year"), "plan": ("s", "plan"), "partial": ("D", "part of the year")}
BASIS_OFFSET = {"annual": 0.0, "plan": -0.18, "partial": 0.18}


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
    apart in grey and named in the legend.

    Raises:
        ValueError: a missing column.

    Returns:
        The matplotlib Axes drawn on.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    _require(points, "series_chart", ("year", "basis", "value", "qualifier"))
    if extra is not None:
        _require(extra, "series_chart's extra", ("year", "value", "qualifier", "label"))

    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4.0))
    kinds = [_basis_kind(b) for b in points["basis"]]
    y = points["value"] / scale
    annual = points[[k == "annual" for k in kinds]].sort_values("year")
    for (y0, v0), (y1, v1) in itertools.pairwise(zip(annual["year"], annual["value"] / scale, strict=True)):
        if y1 - y0 == 1:
            ax.plot([y0, y1], [v0, v1], color=PALETTE["exact"], linewidth=1.4, zorder=1)
    top = max([*y, *((extra["value"] / scale) if extra is not None else [])])
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
        left = kind == "plan"  # plans are labelled on their left, the others on their right
        ax.annotate(value_text(value, qualifier), (year, value), xytext=(-7 if left else 7, -3),
                    textcoords="offset points", fontsize=8, ha="right" if left else "left")  # fmt: skip
    handles = [
        Line2D([], [], marker=m, linestyle="", color=PALETTE["exact"],
               markerfacecolor=PALETTE["exact"] if k == "annual" else "white", label=name)
        for k, (m, name) in BASIS_MARKERS.items() if k in kinds
    ]  # fmt: skip
    if extra is not None:
        rows = zip(extra["year"], extra["value"] / scale, extra["qualifier"], strict=True)
        for year, value, qualifier in rows:
            ax.plot(year, value, marker="*", markersize=12, color="#555555", zorder=3)
            ax.annotate(value_text(value, qualifier), (year, value), xytext=(7, -3),
                        textcoords="offset points", fontsize=8)  # fmt: skip
        handles.append(Line2D([], [], marker="*", linestyle="", color="#555555", markersize=10,
                              label=str(extra["label"].iloc[0])))  # fmt: skip
    if (points["qualifier"] == "over").any():
        handles.append(
            Line2D([], [], marker=r"$\uparrow$", linestyle="", color=PALETTE["over"], label="at least (≥)")
        )
    ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=True)
    ax.set_ylim(0, top * 1.22)
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return ax


def chart_text(ax: Axes) -> pd.DataFrame:
    """Read back what a chart says: one row per value written on it, in drawing order.

    A bar chart (:func:`bar_metrics`, :func:`bar_intervals`) gives each bar's label
    and value text; a series chart (:func:`series_chart`) gives each point's year as
    its label. A notebook cell ends with it to pin, under test, what the chart shows.

    Returns:
        Columns label and text.

    Examples:
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"label": ["x", "y"], "low": [1.0, 2.0], "high": [3.0, 2.0],
        ...                      "text": ["1–3", "2"]})
        >>> chart_text(bar_intervals(rows)).to_numpy().tolist()
        [['x', '1–3'], ['y', '2']]
    """
    import pandas as pd

    notes = [t for t in ax.texts if t.get_text().strip()]
    if ax.patches:  # bars, labelled on the y axis
        names = dict(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()), strict=True))
        labels = [names.get(t.xy[1], "") for t in notes]
    else:  # points by year
        labels = [str(round(t.xy[0])) for t in notes]
    return pd.DataFrame({"label": labels, "text": [t.get_text().strip() for t in notes]})
