"""The chart check: every chart the library draws passes it at both widths; broken charts fail it."""

from __future__ import annotations

import io
import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from aidlib.analysis import publish
from aidlib.analysis.chart_check import MIN_FILL, ChartError, measure
from aidlib.analysis.plotting import (
    bar_chart,
    growth_chart,
    interval_chart,
    panel_chart,
    series_chart,
    set_theme,
    split_chart,
)
from aidlib.analysis.tables import count_view, metric_view, series
from aidlib.data.figures import load_figures
from aidlib.data.metrics import load_metrics


@pytest.fixture(autouse=True)
def _theme():
    set_theme()


def _metrics(ids):
    return metric_view(load_metrics(), ids=ids)


def _intervals(labels, lows, highs, texts):
    return pd.DataFrame({"label": labels, "low": lows, "high": highs, "text": texts})


LONG = "Farmers employed near home through the 'company + cooperative + farmer' model, as the report says"

# Every kind of chart the library draws, on the report's data and on harder cases: long labels,
# large numbers, a tiny bar beside a long one, open bounds, a fall, many points.
CHARTS = {
    "jobs (labels ¾ of the width before)": lambda: bar_chart(
        _metrics(["employment.satellite_factory_jobs", "employment.cooperative_model_jobs"]),
        title="Jobs",
        xlabel="people employed",
    ),
    "attendances (115,000 person-times)": lambda: bar_chart(
        _metrics(["agriculture.training", "employment.mandarin_training"]),
        title="Training attendances",
        xlabel="person-times",
    ),
    "people (ticks 1,000 1,200 1,400 before)": lambda: bar_chart(
        _metrics(["employment.mandarin_certified", "employment.technical_talent"]),
        title="People",
        xlabel="people",
    ),
    "bounds, one of them zero": lambda: bar_chart(
        count_view(pd.Series({"exact": 54, "at least": 17, "about": 0, "at most": 0})),
        title="Mix",
        xlabel="facts",
    ),
    "a tiny bar beside a long one, long labels": lambda: bar_chart(
        pd.DataFrame(
            {
                "label": [LONG, "A short one"],
                "value": [2_400_000.0, 3.0],
                "qualifier": ["over", "exact"],
                "shown": ["≥ 2,400,000 people", "3 people"],
                "unit": ["people", "people"],
            }
        ),
        title="Long and short",
        xlabel="people",
    ),
    "per unit, a range from zero (fill 35% before)": lambda: interval_chart(
        _intervals(
            ["Housing funds per benefiting household", "Education funds per funded university student"],
            [0.0, 16.9],
            [1.606, 16.9],
            ["≤ 1,606 yuan per household", "≈ 16,900 yuan per person"],
        ),
        title="Per unit",
        xlabel="thousand yuan",
    ),
    "shares against a guideline": lambda: interval_chart(
        _intervals(
            ["Livelihood share (bounds)", "Industry share", "'Two 80%' guideline: livelihood share"],
            [23.2, 43.8, 80.0],
            [56.3, 43.8, 80.0],
            ["23.2–56.3%", "≈ 43.8%", "80%"],
        ),
        title="Shares",
        xlabel="percent of the total",
    ),
    "an open upper bound": lambda: interval_chart(
        _intervals(["open", "exact"], [2.0, 5.0], [math.inf, 5.0], ["≥ 2", "5"]), title="Open", xlabel="x"
    ),
    "a split total": lambda: split_chart(
        pd.DataFrame(
            {
                "label": ["industry", "housing", "education", "not itemized"],
                "value": [232.0, 64.23, 59.07, 174.7],
                "shown": [
                    "232 million yuan",
                    "64.23 million yuan",
                    "59.07 million yuan",
                    "174.7 million yuan",
                ],
                "itemized": [True, True, True, False],
            }
        ),
        title="Split",
        xlabel="million yuan",
    ),
    "growth across places": lambda: growth_chart(
        pd.DataFrame(
            {
                "label": ["Shufu County", "Kashgar Prefecture", "Xinjiang"],
                "value": [70.0, 89.7, 47.3],
                "highlight": [True, False, False],
            }
        ),
        title="Growth",
    ),
    "growth with a fall": lambda: growth_chart(
        pd.DataFrame({"label": ["Up", "Down a little", "Down a lot"], "value": [12.5, -3.0, -40.0]}),
        title="Growth and falls",
    ),
    "panels of three denominators": lambda: panel_chart(
        {
            f"of {name}": _intervals(["2023 aid"], [v], [v], [f"≈ {v}%"])
            for name, v in (("GDP", 8.83), ("revenue", 186.0), ("investment", 15.3))
        },
        title="Panels",
        xlabel="percent",
    ),
    "panels on one scale (530 against 1,359)": lambda: panel_chart(
        {
            year: _intervals([name], [v], [v], [f"{v:,.0f} million yuan"])
            for year, name, v in (("2014", "Guangdong→Kashgar", 1359.0), ("2023", "Guangzhou→Shufu", 530.0))
        },
        title="One scale",
        xlabel="million yuan",
        same_scale=True,
    ),
    "Xinjiang's aid by year (legend over 2018–2025 before)": lambda: series_chart(
        series(load_figures(), "19 provinces→Xinjiang", "aid_funds"),
        title="Aid",
        ylabel="billion yuan",
        scale=1e9,
        extra=pd.DataFrame({"year": [2023], "value": [0.53e9], "qualifier": ["exact"], "label": ["Shufu"]}),
    ),
    "Kashgar's trade by year": lambda: series_chart(
        series(load_figures(), "Kashgar Prefecture", "foreign_trade"),
        title="Trade",
        ylabel="billion yuan",
        scale=1e9,
    ),
}


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_the_library_draws_passes_at_both_widths(name):
    chart = publish.render(CHARTS[name](), source="a test", check=False)
    for rendering in (chart.wide, chart.narrow):
        m = rendering.measure
        assert (rendering.width, m.problems()) == (rendering.width, []), name
        assert all(f >= MIN_FILL for f in m.fills) and m.texts > 3
    assert (chart.wide.width, chart.narrow.width) == (publish.WIDE_PX, publish.NARROW_PX)


def _overlapping_texts():
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([0, 1], [0, 1])
    ax.text(0.5, 0.5, "one label")
    ax.text(0.52, 0.5, "another label")
    return ax


def _crowded_ticks():
    fig, ax = plt.subplots(layout="constrained")
    ax.barh([0], [140_000])
    ax.set_xticks(range(0, 150_001, 12_500))  # 13 six-digit labels: "0 12,50025,000…"
    ax.xaxis.set_major_formatter("{x:,.0f}")
    return ax


def _text_outside():
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([0, 1], [0, 1])
    ax.text(1.02, 0.5, "a note that runs off the right edge of the figure", transform=ax.transAxes)
    return ax


def _legend_too_wide():
    fig, ax = plt.subplots(figsize=(7.5, 2), layout="constrained")
    ax.plot(
        [0, 1], [0, 1], label="a legend entry far too long to fit in four hundred pixels of a phone screen"
    )
    ax.legend(loc="upper left", bbox_to_anchor=(0.5, 1))
    return ax


def _bar_beyond_axis():
    fig, ax = plt.subplots(layout="constrained")
    ax.barh([0, 1], [10, 4])
    ax.set_xlim(0, 8)
    return ax


def _short_bars():
    fig, ax = plt.subplots(layout="constrained")
    ax.barh([0, 1], [2846, 3500])
    ax.set_xlim(0, 22_000)  # 02's jobs chart before: its longest bar filled 16% of the axis
    return ax


def _label_on_the_next_bar():
    fig, ax = plt.subplots(layout="constrained")
    ax.barh([0, 1], [5, 5], height=0.98)
    ax.text(0.2, 0.5, "a label between two rows", va="center")
    ax.set_xlim(0, 6)
    return ax


def _legend_on_points():
    fig, ax = plt.subplots(layout="constrained")
    ax.plot(range(10), [5] * 10, marker="o", label="the points the legend hides")
    ax.legend(loc="center")
    return ax


@pytest.mark.filterwarnings("ignore:constrained_layout not applied:UserWarning")
@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (_overlapping_texts, r"texts overlap: 'one label' and 'another label'"),
        (_crowded_ticks, r"texts overlap: '[\d,]+' and '[\d,]+'"),
        (_text_outside, r"text outside the figure: 'a note that runs off the .*' by \d+ px"),
        (_legend_too_wide, r"text outside the figure: 'a legend entry far too long .*' by \d+ px"),
        (_bar_beyond_axis, r"bar beyond its axis: a bar ends at 10, its axis at 8"),
        (_short_bars, r"longest bar fills 16% of its axis \(under 40%\)"),
        (_label_on_the_next_bar, r"text lies on a bar: 'a label between two rows'"),
        (_legend_on_points, r"legend covers data: a point"),
    ],
)
def test_a_broken_chart_is_refused_with_one_line_naming_it(build, problem):
    ax = build()
    ax.set_title("The chart's own title")
    with pytest.raises(
        ChartError, match=rf"^publish: chart \"The chart's own title\" at (720|400) px: {problem}"
    ):
        publish.render(ax, source="a test", alt="A broken chart of 2 things.")


def test_the_refusal_is_one_line_and_counts_the_rest():
    ax = _crowded_ticks()
    with pytest.raises(ChartError) as refused:
        publish.render(ax, caption="Crowded\nticks", source="a test", alt="Ticks: 13.")
    message = str(refused.value)
    assert "\n" not in message and message.startswith(
        "publish: chart 'Crowded ticks' at 720 px: texts overlap"
    )
    assert message.endswith("more)")


def test_panels_sharing_a_scale_are_filled_by_their_longest_bar():
    # 530 of 1,359 fills 39% of a shared axis: allowed, the 1,359 bar fills it
    rows = {y: _intervals([y], [v], [v], [f"{v:,.0f}"]) for y, v in (("2014", 1359.0), ("2023", 530.0))}
    axes = panel_chart(rows, title="Shared", xlabel="million yuan", same_scale=True)
    fig = axes[0].figure
    assert axes[0].get_xlim() == axes[1].get_xlim()
    fig.savefig(io.BytesIO(), format="png")
    assert (measure(fig).problems(), len(measure(fig).fills)) == ([], 1)
    # the same limits on two axes that do not share them: each panel is judged alone
    fig, (top, bottom) = plt.subplots(2, 1, layout="constrained")
    for ax, value in ((top, 1359), (bottom, 530)):
        ax.barh([0], [value])
        ax.set_xlim(0, 1400)
    fig.savefig(io.BytesIO(), format="png")
    assert measure(fig).problems() == ["longest bar fills 38% of its axis (under 40%)"]
