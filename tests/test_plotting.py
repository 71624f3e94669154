"""Charts: the theme, bounds on bars, and the guards against double counting."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from matplotlib import font_manager

import aidlib
from aidlib.analysis.plotting import (
    CJKFontError,
    bar_chart,
    bounds_key_text,
    chart_text,
    find_cjk_font,
    interval_chart,
    series_chart,
    set_theme,
)
from aidlib.analysis.tables import metric_view
from aidlib.data.metrics import load_metrics


@pytest.fixture(scope="module")
def metrics():
    return load_metrics()


def test_bar_chart_returns_the_axes_it_drew_on(metrics):
    from matplotlib.axes import Axes

    set_theme()
    view = metric_view(metrics, ids=["agriculture.households_income", "housing.households"])
    ax = bar_chart(view, title="t", xlabel="households")
    assert isinstance(ax, Axes)
    assert chart_text(ax)["text"].tolist() == ["≥ 61,000 households", "≥ 40,000 households"]
    # the bars cover two periods, so each label names its own
    labels = [f"{x} ({p})" for x, p in zip(view["label"], view["period"], strict=True)]
    assert chart_text(ax)["label"].tolist() == labels


def _plain_frame(**columns):
    base = {"label": ["jobs", "farmers"], "value": [2846.0, 3500.0], "qualifier": ["exact", "over"],
            "shown": ["2,846 people", "≥ 3,500 people"], "unit": ["人", "名"]}  # fmt: skip
    base.update(columns)
    return pd.DataFrame(base)


def test_bar_chart_draws_a_plain_frame():
    # no metric_id, duplicate_of or period: only the documented columns
    ax = bar_chart(_plain_frame(), title="t")
    assert chart_text(ax).to_numpy().tolist() == [["jobs", "2,846 people"], ["farmers", "≥ 3,500 people"]]
    assert [line.get_marker() for line in ax.get_lines()] == [">"]  # one lower bound


@pytest.mark.parametrize(
    ("chart", "frame", "missing"),
    [
        (bar_chart, _plain_frame().drop(columns="qualifier"), "qualifier"),
        (bar_chart, _plain_frame().drop(columns=["unit", "shown"]), "shown"),  # the first one missing
        (interval_chart, pd.DataFrame({"label": ["a"], "low": [1.0], "text": ["1"]}), "high"),
        (series_chart, pd.DataFrame({"year": [2020], "value": [1.0], "qualifier": ["exact"]}), "basis"),
    ],
)
def test_a_missing_column_is_named(chart, frame, missing):
    name = chart.__name__
    with pytest.raises(ValueError, match=rf"^{name} needs column '{missing}' \(it reads "):
        chart(frame)


def test_an_unknown_qualifier_is_named_with_its_row():
    message = r"bar_chart: qualifier 'at least' in row 1; expected one of exact, over"
    with pytest.raises(ValueError, match=message):
        bar_chart(_plain_frame(qualifier=["exact", "at least"]))


def test_units_of_one_family_share_an_axis():
    # 人, 名 and 位 all count people: one axis in Chinese as "people" is in English
    bar_chart(_plain_frame(unit=["人", "位"]))
    bar_chart(_plain_frame(unit=["场", "场次"]))  # one show, staged sessions
    with pytest.raises(ValueError, match="one chart, one unit: got 人, 人次"):
        bar_chart(_plain_frame(unit=["人", "人次"]))  # attendances are not heads
    with pytest.raises(ValueError, match="one chart, one unit: got 人, 户"):
        bar_chart(_plain_frame(unit=["人", "户"]))


def test_chinese_view_of_people_in_two_measure_words_is_one_chart(metrics):
    pytest.importorskip("matplotlib")
    mixed = metrics[metrics["unit"].isin(["人", "名"]) & (metrics["duplicate_of"] == "")]
    assert set(mixed["unit"]) == {"人", "名"}  # the report writes both
    view = metric_view(metrics, ids=list(mixed["metric_id"]), lang="zh")
    view = view.assign(label=view["metric_id"], shown=view["value"].map(str))  # ASCII: no CJK font needed
    assert len(chart_text(bar_chart(view))) == len(view)


def test_series_chart_reads_back_by_year():
    points = pd.DataFrame({"year": [2019, 2020, 2020], "basis": ["annual", "annual", "plan"],
                           "value": [1e9, 2e9, 3e9], "qualifier": ["exact", "over", "exact"]})  # fmt: skip
    ax = series_chart(points, "t", "billion yuan", scale=1e9)
    assert chart_text(ax).to_numpy().tolist() == [["2019", "1"], ["2020", "≥ 2"], ["2020", "3"]]


def test_bar_chart_marks_bounds(metrics):
    import matplotlib.pyplot as plt

    view = metric_view(metrics, ids=["agriculture.households_income", "housing.households"])
    _, ax = plt.subplots()
    bar_chart(view, title="t", xlabel="x", ax=ax)
    markers = [line.get_marker() for line in ax.get_lines()]
    assert markers == [">", ">"]  # both are lower bounds
    assert ax.get_xlabel() == "x" and ax.get_title() == "t"


def test_bar_chart_refuses_restated_rows(metrics):
    view = metric_view(metrics, theme="culture", include_restated=True)
    with pytest.raises(ValueError, match="restated facts would be counted twice: culture.exchange_shows"):
        bar_chart(view, title="t", xlabel="x")


def test_bar_chart_refuses_mixed_units(metrics):
    view = metric_view(metrics, ids=["funding.aid_total", "housing.households"])
    with pytest.raises(ValueError, match="one chart, one unit: got households, yuan"):
        bar_chart(view, title="t", xlabel="x")


def test_chinese_labels_need_a_cjk_font(metrics):
    set_theme()
    view = metric_view(metrics, ids=["funding.aid_total"], lang="zh")
    with pytest.raises(ValueError, match="is Chinese but no CJK font is set"):
        bar_chart(view, title="t", xlabel="x")


def test_missing_cjk_font_names_the_package(monkeypatch):
    import aidlib.analysis.theme

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(aidlib.analysis.theme, "_refresh_font_list", lambda: None)  # nothing installed
    with pytest.raises(CJKFontError, match=r"pip install 'aidlib\[cjk\]'.*fonts-noto-cjk"):
        find_cjk_font()
    with pytest.raises(CJKFontError, match="apt-get install fonts-noto-cjk"):
        set_theme(chinese=True)


def test_cjk_font_found_when_installed(monkeypatch):
    fake = font_manager.FontEntry(fname="x.otf", name="Noto Sans CJK SC")
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [fake])
    assert find_cjk_font() == "Noto Sans CJK SC"


def test_interval_chart_draws_ranges_and_open_bounds():
    rows = pd.DataFrame(
        {
            "label": ["exact", "range", "open"],
            "low": [5.0, 1.0, 2.0],
            "high": [5.0, 3.0, math.inf],
            "text": ["5", "1–3", "≥ 2"],
        }
    )
    ax = interval_chart(rows, title="t", xlabel="x")
    assert chart_text(ax).to_numpy().tolist() == [["exact", "5"], ["range", "1–3"], ["open", "≥ 2"]]


def test_bounds_key_text_says_what_the_charts_key_says():
    assert bounds_key_text().startswith("≥ at least; ≈ about; ≤ at most")
    fig = bar_chart(_plain_frame(qualifier=["over", "under"]), title="t").figure
    keyed = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert keyed == ["≥ at least", "≤ at most"]  # the same words, only the signs the chart uses


def _real_cjk_font_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("noto_cjk_sans_otc") is not None or any(
        "CJK" in f.name for f in font_manager.fontManager.ttflist
    )


@pytest.mark.skipif(not _real_cjk_font_available(), reason="no CJK font and no aidlib[cjk] extra installed")
def test_font_installed_after_the_cache_is_found(monkeypatch):
    # matplotlib's cached list predates the font: only non-CJK entries are known
    stale = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)
    name = find_cjk_font()
    assert "CJK" in name or "Han" in name


@pytest.mark.skipif(not _real_cjk_font_available(), reason="no CJK font and no aidlib[cjk] extra installed")
def test_chinese_labels_render_with_a_real_font(metrics):
    import warnings

    import matplotlib.pyplot as plt

    set_theme(chinese=True)
    view = metric_view(metrics, ids=["funding.aid_total", "housing.funds"], lang="zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning
        bar_chart(view, title="援疆资金", xlabel="元")
        plt.gcf().canvas.draw()


# ---- charts good by default: ticks, wrapping, value labels, fitted axes, phone layouts ----------
def _counts(values, unit="person-times", labels=None):
    labels = labels or [f"row {i}" for i in range(len(values))]
    return pd.DataFrame({"label": labels, "value": [float(v) for v in values], "qualifier": "exact",
                         "shown": [f"{v:,} {unit}" for v in values], "unit": unit})  # fmt: skip


def _tick_labels(ax):
    lo, hi = ax.get_xlim()
    return [t.get_text() for t, v in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True) if lo <= v <= hi]


@pytest.mark.parametrize(
    ("values", "xlabel", "label_after", "widest_tick"),
    [
        ([12_000, 115_000], "person-times", "person-times (thousands)", 3),  # "100", not "100,000"
        ([2_846, 3_500], "people employed", "people employed", 5),  # "3,000": under 10,000 stays whole
        ([2e7, 9e7], "yuan", "yuan (millions)", 2),
        ([12_000, 115_000], "thousand yuan", "million yuan", 3),  # a scale word already there moves up
    ],
)
def test_large_numbers_are_written_short_with_the_scale_in_the_axis_label(
    values, xlabel, label_after, widest_tick
):
    from aidlib.analysis import layout

    ax = bar_chart(_counts(values), title="t", xlabel=xlabel)
    for width in (720, 400):
        layout.fit(ax.get_figure(), width)
        assert ax.get_xlabel() == label_after
        ticks = _tick_labels(ax)
        assert 2 <= len(ticks) <= layout.MAX_TICKS and max(map(len, ticks)) == widest_tick, ticks
    layout.fit(ax.get_figure(), 720)
    assert ax.get_xlabel() == label_after  # said once, however often it is laid out


def test_long_labels_wrap_within_their_share_and_are_never_cut():
    from aidlib.analysis import layout

    label = "Farmers employed near home through the 'company + cooperative + farmer' model in 2023"
    ax = bar_chart(_counts([3500, 2846], "people", [label, "Jobs"]), title="t")
    fig = ax.get_figure()
    wrapped = ax.get_yticklabels()[0].get_text()
    assert wrapped.replace("\n", " ") == label and wrapped.count("\n") >= 1
    prop = ax.get_yticklabels()[0].get_fontproperties()
    widths = [layout._text_px(fig, line, prop)[0] for line in wrapped.split("\n")]
    assert max(widths) <= layout.LABEL_SHARE * 720 and min(widths) > 0.5 * max(widths)  # even lines
    assert chart_text(ax)["label"].tolist() == [label, "Jobs"]  # read back as one line


def test_value_labels_go_inside_long_bars_and_beside_short_ones_and_the_axis_ends_at_the_data():
    ax = bar_chart(_counts([115_000, 1_200]), title="t")
    long, short = (n for n in ax.texts if n.get_visible())
    assert (long.get_ha(), long.get_color(), long.get_bbox_patch()) == ("right", "white", None)
    assert (short.get_ha(), short.get_bbox_patch() is not None) == ("left", True)
    assert 115_000 < ax.get_xlim()[1] < 115_000 * 1.1  # the longest bar fills the axis


def test_a_phone_puts_the_labels_above_the_bars_and_a_desktop_back_beside_them():
    from aidlib.analysis import layout

    ax = bar_chart(_counts([3500, 2846], "people", ["Farmers employed near home", "Jobs"]), title="t")
    fig = ax.get_figure()
    desktop = fig.get_size_inches()[1]
    layout.fit(fig, 400)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["", ""]
    above = [t for t in ax.texts if t.get_text() in ("Farmers employed near home", "Jobs")]
    assert len(above) == 2 and all(t.get_ha() == "left" for t in above)
    assert fig.get_size_inches()[1] > desktop  # each row takes its label's line
    layout.fit(fig, 720)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Farmers employed near home", "Jobs"]
    assert not [t for t in ax.texts if t.get_text() == "Jobs"]


@pytest.mark.parametrize(
    ("values", "order", "texts"),
    [
        ([70.0, 89.7, 47.3], ["Kashgar", "Shufu", "Xinjiang"], ["+89.7%", "+70%", "+47.3%"]),
        ([12.5, -3.0, 0.0], ["Shufu", "Xinjiang", "Kashgar"], ["+12.5%", "0%", "-3%"]),  # a fall goes left
    ],
)
def test_growth_chart_ranks_places_and_colours_the_reports_own(values, order, texts):
    from aidlib.analysis.plotting import OTHER_COLOR, PALETTE, growth_chart

    rows = pd.DataFrame({"label": ["Shufu", "Kashgar", "Xinjiang"], "value": values,
                         "highlight": [True, False, False]})  # fmt: skip
    ax = growth_chart(rows, title="t")
    assert chart_text(ax).to_numpy().tolist() == [list(p) for p in zip(order, texts, strict=True)]
    from matplotlib.colors import to_hex

    colors = [to_hex(p.get_facecolor()) for p in ax.patches]
    assert colors == [PALETTE["exact"] if name == "Shufu" else OTHER_COLOR for name in order]
    assert ax.get_xlim()[0] <= min(values) and ax.get_xlabel() == "percent, on the same months a year earlier"


def test_growth_chart_names_a_missing_column():
    from aidlib.analysis.plotting import growth_chart

    with pytest.raises(ValueError, match=r"^growth_chart needs column 'value'"):
        growth_chart(pd.DataFrame({"label": ["a"]}))


def test_legends_sit_below_the_chart_never_on_it():
    points = pd.DataFrame({"year": [2017, 2018, 2019], "basis": ["annual", "annual", "plan"],
                           "value": [15e9, 16e9, 19e9], "qualifier": ["exact", "exact", "over"]})  # fmt: skip
    ax = series_chart(points, "t", "billion yuan", scale=1e9)
    fig = ax.get_figure()
    assert ax.get_legend() is None and len(fig.legends) == 1
    fig.canvas.draw()
    assert fig.legends[0].get_window_extent().y1 < ax.get_window_extent().y0


# One small frame per chart of aidlib.__all__: a chart added without a case fails below.
_INTERVALS = pd.DataFrame({"label": ["a", "b"], "low": [1.0, 2.0], "high": [3.0, 2.0], "text": ["1–3", "2"]})
CHART_CASES = {
    "bar_chart": lambda: aidlib.bar_chart(_plain_frame(), title="t"),
    "interval_chart": lambda: aidlib.interval_chart(_INTERVALS, title="t"),
    "split_chart": lambda: aidlib.split_chart(
        pd.DataFrame({"label": ["a", "rest"], "value": [3.0, 1.0], "shown": ["3", "1"],
                      "itemized": [True, False]})  # fmt: skip
    ),
    "growth_chart": lambda: aidlib.growth_chart(pd.DataFrame({"label": ["a", "b"], "value": [70.0, -3.0]})),
    "series_chart": lambda: aidlib.series_chart(
        pd.DataFrame({"year": [2022, 2023], "basis": ["annual", "plan"], "value": [1.0, 2.0],
                      "qualifier": ["exact", "over"]})  # fmt: skip
    ),
    "panel_chart": lambda: aidlib.panel_chart({"one": _INTERVALS.iloc[[0]], "two": _INTERVALS.iloc[[1]]}),
}


def test_every_chart_of_the_api_is_named_kind_chart():
    def module(name: str) -> str:
        return getattr(getattr(aidlib, name), "__module__", "")

    drawn_here = {name for name in aidlib.__all__ if module(name) == "aidlib.analysis.plotting"}
    helpers = {"chart_text", "bounds_key_text"}  # one reads a chart back, one is text: neither draws
    assert drawn_here - helpers == set(CHART_CASES)
    assert all(name.endswith("_chart") for name in CHART_CASES)


@pytest.mark.parametrize("name", CHART_CASES)
def test_every_chart_returns_axes(name):
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    set_theme()
    drawn = CHART_CASES[name]()
    axes = drawn if name == "panel_chart" else [drawn]  # panels: one Axes each, top to bottom
    try:
        assert all(isinstance(ax, Axes) for ax in axes), type(drawn)
        assert len({id(ax.figure) for ax in axes}) == 1  # one figure, reachable from any panel
        assert len(chart_text(drawn)) >= 2  # and what it drew reads back from what it returned
    finally:
        plt.close(axes[0].figure)
