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
    find_cjk_font,
    set_theme,
)
from aidlib.analysis.tables import metric_view
from aidlib.data.metrics import load_metrics


@pytest.fixture(scope="module")
def metrics():
    return load_metrics()


def test_bar_metrics_returns_what_it_draws(metrics):
    set_theme()
    view = metric_view(metrics, ids=["agriculture.households_income", "housing.households"])
    shown = bar_metrics(view, title="t", xlabel="households")
    assert list(shown["shown"]) == ["≥ 61,000 households", "≥ 40,000 households"]


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
    shown = bar_intervals(rows, title="t", xlabel="x")
    assert list(shown["text"]) == ["5", "1–3", "≥ 2"]


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
