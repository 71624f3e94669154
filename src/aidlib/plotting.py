"""One chart theme for aidlib, and bar charts that show bounds and never double count.

matplotlib and seaborn are imported inside the functions, so ``import aidlib``
stays light. Every chart helper returns the table it drew (label and value as
shown), so a notebook cell leaves a text output that pins what the chart says.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from aidlib.tables import BOUND_SIGNS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

# Families tried, in order, when Chinese labels are asked for.
CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN",
)  # fmt: skip
CJK_PACKAGE_HINT = "install a CJK font, e.g. Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)"

PALETTE = {"exact": "#3b6ea8", "over": "#e08a2c", "about": "#7a9e3a", "under": "#a8443b"}
# Bar-end markers: an open bound points the way the true value may lie.
MARKERS = {"over": ">", "under": "<", "about": "d"}
RANGE_COLOR = "#7b5ea8"  # a range (3至5万元): bar to its low end; the text shows both ends


class CJKFontError(RuntimeError):
    """Chinese labels were asked for but no CJK font is installed."""


def find_cjk_font() -> str:
    """Return the name of an installed font that can draw Chinese.

    Raises:
        CJKFontError: none is installed; the message says which package to install.
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    for name in sorted(installed):  # any other family that says it is CJK
        if "CJK" in name or "Han Sans" in name:
            return name
    raise CJKFontError(f"no CJK font found for Chinese labels; {CJK_PACKAGE_HINT}")


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


def _axes(ax: Axes | None, rows: int) -> Axes:
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.9 + 0.42 * max(rows, 1)))
    return ax


def bar_metrics(view: pd.DataFrame, title: str, xlabel: str, ax: Axes | None = None) -> pd.DataFrame:
    """Draw one horizontal bar per metric, labelled with its value and bound.

    ``view`` comes from :func:`aidlib.tables.metric_view`. A bound is drawn as a
    marker at the bar end (▶ at least, ◀ at most, ◆ about) and written with
    ≥/≤/≈ in the label. All rows must share one unit.

    Raises:
        ValueError: a restated row (counted twice), or mixed units.

    Returns:
        The label and value text of each bar, top to bottom.
    """
    restated = view.loc[view["duplicate_of"] != "", "metric_id"].tolist()
    if restated:
        raise ValueError(f"restated facts would be counted twice: {', '.join(restated)}")
    units = sorted(set(view["unit"]))
    if len(units) > 1:
        raise ValueError(f"one chart, one unit: got {', '.join(units)}")
    _check_labels(view["label"])
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
    ax.set_yticks(list(y), view["label"])
    ax.invert_yaxis()
    ax.set_xlim(0, view["value"].max() * 1.45)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return view[["label", "shown"]].reset_index(drop=True)


def bar_intervals(rows: pd.DataFrame, title: str, xlabel: str, ax: Axes | None = None) -> pd.DataFrame:
    """Draw derived figures: a bar for an exact value, a range for a bounded one.

    ``rows`` has columns label, low, high and text (as from
    :func:`aidlib.indicators.table`). An open upper bound is drawn as an arrow.

    Returns:
        The label and value text of each row, top to bottom.
    """
    _check_labels(rows["label"])
    ax = _axes(ax, len(rows))
    finite_high = [h for h in rows["high"] if not math.isinf(h)]
    right = max([*finite_high, *rows["low"]]) * 1.5
    for i, (low, high, text) in enumerate(zip(rows["low"], rows["high"], rows["text"], strict=True)):
        if low == high:
            ax.barh(i, low, color=PALETTE["exact"])
            end = low
        else:
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
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return rows[["label", "text"]].reset_index(drop=True)


def bound_legend() -> str:
    """Return the one-line key to the bound signs used on every chart."""
    names = {"over": "at least", "about": "about", "under": "at most"}
    return (
        "; ".join(f"{BOUND_SIGNS[q].strip()} {names[q]}" for q in names) + " (bars end at the stated value)"
    )
