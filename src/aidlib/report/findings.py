"""The index's findings: a short summary and its charts, every number computed from data/.

What the 5.3亿元 bought (the allocation as one bar split into its parts, the unitemized
third shown as such), trade growth against Kashgar and Xinjiang over the same months,
and the factory jobs in context. Charts are drawn here with matplotlib and rendered by
:func:`aidlib.analysis.publish.render` for phone and desktop widths.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

esc = html.escape
REPORT_SOURCE = "南方农村报 (2023), curated in data/metrics.csv"
# Chart style: text no smaller than the page's small print once shown (see tests/test_report_site.py).
STYLE = {
    "font.size": 12, "axes.titlesize": 12, "axes.labelsize": 12, "xtick.labelsize": 11,
    "ytick.labelsize": 12, "legend.fontsize": 11, "axes.spines.top": False, "axes.spines.right": False,
    "font.family": ["DejaVu Sans"],
}  # fmt: skip
COLORS = {"industry": "#3b6ea8", "housing": "#e08a2c", "education": "#7a9e3a", "unitemized": "#d5d9de"}


def _metric(metrics: pd.DataFrame, metric_id: str):
    return metrics.set_index("metric_id").loc[metric_id]


def _shown(metrics: pd.DataFrame, metric_id: str, unit: str | None = None) -> str:
    from aidlib.analysis.display import value_text

    m = _metric(metrics, metric_id)
    return value_text(m["value"], m["qualifier"], unit or m["unit_en"], None, m["label_en"])


def lede(metrics: pd.DataFrame) -> str:
    """The opening paragraph: the amount in both number styles, and what the pages do."""
    return (
        f"<p class=lede>In 2023 Guangzhou put <strong>{esc(_shown(metrics, 'funding.aid_total', '元'))}"
        f"</strong> ({esc(_shown(metrics, 'funding.aid_total'))}) of counterpart aid into Shufu County "
        "(疏附县), Xinjiang, according to one 南方农村报 report. These pages repair that report's damaged "
        "text, take every number "
        "from it with its quote, and set the numbers against published outside figures.</p>"
    )


def _parts(metrics: pd.DataFrame, indicators: pd.DataFrame) -> list[tuple[str, float, float]]:
    """(name, million yuan, percent of the total) for each itemized line and the remainder."""
    ind = indicators.set_index("indicator_id")
    total = _metric(metrics, "funding.aid_total")["value"]
    parts = [
        (name, _metric(metrics, f"{name}.funds")["value"]) for name in ("industry", "housing", "education")
    ]
    parts.append(("not itemized", ind.loc["funding.unitemized", "low"]))
    return [(name, value / 1e6, 100 * value / total) for name, value in parts]


def allocation_chart(metrics: pd.DataFrame, indicators: pd.DataFrame):
    """The 2023 aid as one bar split into industry, housing, education and the unitemized rest."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from aidlib.analysis.publish import render

    parts = _parts(metrics, indicators)
    total = sum(v for _, v, _ in parts)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 2.7))
        left = 0.0
        for name, value, share in parts:
            key = "unitemized" if name == "not itemized" else name
            ax.barh(
                [0],
                [value],
                left=left,
                color=COLORS[key],
                edgecolor="white",
                linewidth=1.5,
                hatch="//" if key == "unitemized" else None,
                label=f"{name} {value:,.0f} ({share:.0f}%)",
            )
            left += value
        ax.set_xlim(0, total)  # the bar is the whole: the axis ends at the total
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_xlabel("million yuan")
        fig.legend(loc="outside lower center", ncols=1, frameon=False)
        alt = (
            f"One bar of the {total:,.0f} million yuan of 2023 aid, split into "
            + ", ".join(f"{n} {v:,.0f} million ({s:.1f}%)" for n, v, s in parts)
            + "."
        )
        caption = (
            "Where the 2023 aid went: the report gives amounts for three lines; the hatched third "
            "has no itemized amount."
        )
        return render(ax, caption=caption, source=REPORT_SOURCE, alt=alt)


def _growth(figures: pd.DataFrame, figure_id: str):
    return figures.set_index("figure_id").loc[figure_id]


TRADE_PEERS = (("Kashgar Prefecture", "kashgar.trade_growth.2023_jan_sep"),
               ("Xinjiang", "xinjiang.trade_growth.2023_jan_sep"))  # fmt: skip


def trade_chart(metrics: pd.DataFrame, figures: pd.DataFrame):
    """Foreign-trade growth, January–September 2023 on a year earlier: Shufu, Kashgar, Xinjiang."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from aidlib.analysis.publish import render

    rows = [("Shufu County", float(_metric(metrics, "trade.growth_yoy")["value"]))]
    rows += [(name, float(_growth(figures, fid)["value"])) for name, fid in TRADE_PEERS]
    rows.sort(key=lambda r: r[1])
    top = max(v for _, v in rows)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 2.6))
        colors = [COLORS["industry"] if n == "Shufu County" else "#8c96a3" for n, _ in rows]
        ax.barh([n for n, _ in rows], [v for _, v in rows], color=colors)
        for i, (_, v) in enumerate(rows):
            ax.text(v - top * 0.02, i, f"+{v:g}%", ha="right", va="center", color="white", fontweight="bold")
        ax.set_xlim(0, top)  # the axis ends where the data do
        ax.set_xlabel("percent, on Jan–Sep 2022")
        outlets = sorted({str(_growth(figures, fid)["outlet"]) for _, fid in TRADE_PEERS})
        alt = (
            "Foreign-trade growth, January–September 2023 on a year earlier: "
            + ", ".join(f"{n} +{v:g}%" for n, v in reversed(rows))
            + "."
        )
        caption = (
            "Shufu's trade grew faster than Xinjiang's and slower than Kashgar Prefecture's, "
            "over the same months."
        )
        source = (
            f"Shufu: {REPORT_SOURCE}; Kashgar and Xinjiang: {', '.join(outlets)} (data/cited_figures.tsv)"
        )
        return render(ax, caption=caption, source=source, alt=alt)


def summary_html(
    metrics: pd.DataFrame, indicators: pd.DataFrame, context: pd.DataFrame, figures: pd.DataFrame
) -> str:
    """The findings: allocation, what it bought, trade against its neighbours, the jobs in context."""
    from aidlib.report.charts import rendered_chart_html

    ind = indicators.set_index("indicator_id")
    ctx = context.set_index("indicator_id")
    parts = _parts(metrics, indicators)
    lines = [(name, _shown(metrics, f"{name}.funds"), share) for name, _, share in parts[:3]]
    itemized = ", ".join(f"{n} {shown} ({s:.0f}%)" for n, shown, s in lines)
    unitemized = (ind.loc["funding.unitemized", "text_en"], parts[3][2])
    peers = [(name, _growth(figures, fid)) for name, fid in TRADE_PEERS]
    peer_text = " and ".join(f"{name}'s +{row['value']:g}%" for name, row in peers)
    return (
        f"<p><strong>Where it went.</strong> The report gives amounts for three lines: {esc(itemized)}. "
        f"The other {esc(unitemized[0])} ({unitemized[1]:.0f}%) pays for health, "
        "security, culture and exchanges, with no amounts.</p>"
        f"{rendered_chart_html(allocation_chart(metrics, indicators))}"
        f"<p><strong>What it bought.</strong> {esc(_shown(metrics, 'funding.projects_major'))} "
        f"({esc(_shown(metrics, 'funding.projects_minor'))}); housing upgrades for "
        f"{esc(_shown(metrics, 'housing.households'))}, so {esc(ind.loc['spend.per_household', 'text_en'])} "
        f"at most; {esc(_shown(metrics, 'education.student_grants'))} funded at university.</p>"
        f"<p><strong>Trade.</strong> Shufu's foreign trade in January–September 2023 was "
        f"{esc(_shown(metrics, 'trade.value_jan_sep'))}, up {esc(_shown(metrics, 'trade.growth_yoy'))} on a "
        f"year earlier, against {esc(peer_text)} over the same months. It is "
        f"{esc(ctx.loc['context.trade_share_kashgar', 'text_en'])} of Kashgar's trade.</p>"
        f"{rendered_chart_html(trade_chart(metrics, figures))}"
        f"<p><strong>Jobs.</strong> {esc(_shown(metrics, 'employment.satellite_factories'))} "
        "satellite factories "
        f"employ {esc(_shown(metrics, 'employment.satellite_factory_jobs'))}: "
        f"{esc(ctx.loc['context.factory_jobs_to_working_age', 'text_en'])} of the county's working-age "
        f"population (2021), and {esc(ctx.loc['context.factory_jobs_to_new_jobs_2022', 'text_en'])} of the "
        "new jobs it reported for 2022 (different counts, not additive). What such jobs are like is not in "
        "these figures: see the limits below.</p>"
    )
