"""Charts: the theme, bounds on bars, and the guards against double counting."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from matplotlib import font_manager

from aidlib.analysis.plotting import (
    CJKFontError,
    bar_intervals,
    bar_metrics,
    bound_legend,
    chart_text,
    find_cjk_font,
    series_chart,
    set_theme,
)
from aidlib.analysis.tables import metric_view
from aidlib.data.metrics import load_metrics


@pytest.fixture(scope="module")
def metrics():
    return load_metrics()


def test_bar_metrics_returns_the_axes_it_drew_on(metrics):
    from matplotlib.axes import Axes

    set_theme()
    view = metric_view(metrics, ids=["agriculture.households_income", "housing.households"])
    ax = bar_metrics(view, title="t", xlabel="households")
    assert isinstance(ax, Axes)
    assert chart_text(ax)["text"].tolist() == ["≥ 61,000 households", "≥ 40,000 households"]
    # the bars cover two periods, so each label names its own
    labels = [f"{x} ({p})" for x, p in zip(view["label"], view["period"], strict=True)]
    assert chart_text(ax)["label"].tolist() == labels


def _plain_frame(**columns):
    base = {"label": ["jobs", "farmers"], "value": [2846.0, 3500.0], "qualifier": ["exact", "over"],
            "shown": ["2,846人", "≥ 3,500名"], "unit": ["人", "名"]}  # fmt: skip
    base.update(columns)
    return pd.DataFrame(base)


def test_bar_metrics_draws_a_plain_frame():
    # no metric_id, duplicate_of or period: only the documented columns
    ax = bar_metrics(_plain_frame(), title="t")
    assert chart_text(ax).to_numpy().tolist() == [["jobs", "2,846人"], ["farmers", "≥ 3,500名"]]
    assert [line.get_marker() for line in ax.get_lines()] == [">"]  # one lower bound


@pytest.mark.parametrize(
    ("chart", "frame", "missing"),
    [
        (bar_metrics, _plain_frame().drop(columns="qualifier"), "qualifier"),
        (bar_metrics, _plain_frame().drop(columns=["unit", "shown"]), "shown"),  # the first one missing
        (bar_intervals, pd.DataFrame({"label": ["a"], "low": [1.0], "text": ["1"]}), "high"),
        (series_chart, pd.DataFrame({"year": [2020], "value": [1.0], "qualifier": ["exact"]}), "basis"),
    ],
)
def test_a_missing_column_is_named(chart, frame, missing):
    name = chart.__name__
    with pytest.raises(ValueError, match=rf"^{name} needs column '{missing}' \(it reads "):
        chart(frame)


def test_units_of_one_family_share_an_axis():
    # 人, 名 and 位 all count people: one axis in Chinese as "people" is in English
    bar_metrics(_plain_frame(unit=["人", "位"]))
    bar_metrics(_plain_frame(unit=["场", "场次"]))  # one show, staged sessions
    with pytest.raises(ValueError, match="one chart, one unit: got 人, 人次"):
        bar_metrics(_plain_frame(unit=["人", "人次"]))  # attendances are not heads
    with pytest.raises(ValueError, match="one chart, one unit: got 人, 户"):
        bar_metrics(_plain_frame(unit=["人", "户"]))


def test_chinese_view_of_people_in_two_measure_words_is_one_chart(metrics):
    pytest.importorskip("matplotlib")
    mixed = metrics[metrics["unit"].isin(["人", "名"]) & (metrics["duplicate_of"] == "")]
    assert set(mixed["unit"]) == {"人", "名"}  # the report writes both
    view = metric_view(metrics, ids=list(mixed["metric_id"]), lang="zh")
    view = view.assign(label=view["metric_id"])  # ASCII labels: no CJK font needed
    assert len(chart_text(bar_metrics(view))) == len(view)


def test_series_chart_reads_back_by_year():
    points = pd.DataFrame({"year": [2019, 2020, 2020], "basis": ["annual", "annual", "plan"],
                           "value": [1e9, 2e9, 3e9], "qualifier": ["exact", "over", "exact"]})  # fmt: skip
    ax = series_chart(points, "t", "billion yuan", scale=1e9)
    assert chart_text(ax).to_numpy().tolist() == [["2019", "1"], ["2020", "≥ 2"], ["2020", "3"]]


def test_bar_metrics_marks_bounds(metrics):
    import matplotlib.pyplot as plt

    view = metric_view(metrics, ids=["agriculture.households_income", "housing.households"])
    _, ax = plt.subplots()
    bar_metrics(view, title="t", xlabel="x", ax=ax)
    markers = [line.get_marker() for line in ax.get_lines()]
    assert markers == [">", ">"]  # both are lower bounds
    assert ax.get_xlabel() == "x" and ax.get_title() == "t"


def test_bar_metrics_refuses_restated_rows(metrics):
    view = metric_view(metrics, theme="culture", include_restated=True)
    with pytest.raises(ValueError, match="restated facts would be counted twice: culture.exchange_shows"):
        bar_metrics(view, title="t", xlabel="x")


def test_bar_metrics_refuses_mixed_units(metrics):
    view = metric_view(metrics, ids=["funding.aid_total", "housing.households"])
    with pytest.raises(ValueError, match="one chart, one unit: got households, yuan"):
        bar_metrics(view, title="t", xlabel="x")


def test_chinese_labels_need_a_cjk_font(metrics):
    set_theme()
    view = metric_view(metrics, ids=["funding.aid_total"], lang="zh")
    with pytest.raises(ValueError, match="is Chinese but no CJK font is set"):
        bar_metrics(view, title="t", xlabel="x")


def test_missing_cjk_font_names_the_package(monkeypatch):
    import aidlib.analysis.plotting

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(aidlib.analysis.plotting, "_refresh_font_list", lambda: None)  # nothing installed
    with pytest.raises(CJKFontError, match=r"pip install 'aidlib\[cjk\]'.*fonts-noto-cjk"):
        find_cjk_font()
    with pytest.raises(CJKFontError, match="apt-get install fonts-noto-cjk"):
        set_theme(chinese=True)


def test_cjk_font_found_when_installed(monkeypatch):
    fake = font_manager.FontEntry(fname="x.otf", name="Noto Sans CJK SC")
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [fake])
    assert find_cjk_font() == "Noto Sans CJK SC"


def test_bar_intervals_draws_ranges_and_open_bounds():
    rows = pd.DataFrame(
        {
            "label": ["exact", "range", "open"],
            "low": [5.0, 1.0, 2.0],
            "high": [5.0, 3.0, math.inf],
            "text": ["5", "1–3", "≥ 2"],
        }
    )
    ax = bar_intervals(rows, title="t", xlabel="x")
    assert chart_text(ax).to_numpy().tolist() == [["exact", "5"], ["range", "1–3"], ["open", "≥ 2"]]


def test_bound_legend():
    assert bound_legend().startswith("≥ at least; ≈ about; ≤ at most")


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
        bar_metrics(view, title="援疆资金", xlabel="元")
        plt.gcf().canvas.draw()
