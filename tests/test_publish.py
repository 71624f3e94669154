"""Charts for the report: two renderings, alt text read off the chart, captions and sources."""

from __future__ import annotations

import pandas as pd
import pytest

from aidlib.analysis import publish
from aidlib.analysis.plotting import bar_chart, interval_chart, panel_chart, set_theme, split_chart

ROWS = pd.DataFrame({"label": ["Per household", "Per student"], "low": [0.0, 16.9], "high": [1.606, 16.9],
                     "text": ["≤ 1,606 yuan", "≈ 16,900 yuan"]})  # fmt: skip


def test_render_two_widths_alt_caption_source():
    set_theme()  # the theme's text sizes: never under the page's small print
    publish.set_chart_source("南方农村报 (2023)")  # a study sets it once, in its first cell
    chart = publish.render(interval_chart(ROWS, title="Spend per unit", xlabel="thousand yuan"))
    assert (chart.wide.width, chart.narrow.width) == (publish.WIDE_PX, publish.NARROW_PX)
    assert chart.wide.png[:8] == b"\x89PNG\r\n\x1a\n" and len(chart.narrow.png) > 1000
    assert chart.alt == "Spend per unit: Per household ≤ 1,606 yuan; Per student ≈ 16,900 yuan."
    assert chart.caption == "Spend per unit"  # the title moves to the caption, said once
    assert chart.source == "Source: 南方农村报 (2023)"
    assert chart.min_text_px >= 14  # 11 pt at 96 px per inch
    assert chart.wide.clipped == () and chart.narrow.clipped == ()


def test_explicit_caption_source_and_alt_are_kept():
    ax = interval_chart(ROWS)
    chart = publish.render(
        ax, caption="What to read", source="Source: somewhere, 2024", alt="Two bars: 1 and 2."
    )
    assert (chart.caption, chart.source, chart.alt) == (
        "What to read",
        "Source: somewhere, 2024",
        "Two bars: 1 and 2.",
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "give a caption, or a title"),  # no title to take
        ({"caption": "c", "alt": "chart"}, "says nothing"),  # the notebook default, refused
        ({"caption": "c", "alt": "A bar chart of things"}, "says nothing"),  # no number in it
    ],
)
def test_render_refuses_charts_without_words(kwargs, message):
    with pytest.raises(ValueError, match=message):
        publish.render(interval_chart(ROWS), **kwargs)


def test_outside_a_notebook_publish_prints_nothing_and_returns_the_chart(tmp_path):
    import subprocess
    import sys

    script = (
        "import matplotlib; matplotlib.use('Agg')\n"
        "import pandas as pd, aidlib\n"
        "rows = pd.DataFrame({'label': ['a', 'b'], 'low': [1.0, 2.0], 'high': [1.0, 2.0],\n"
        "                     'text': ['1', '2']})\n"
        "aidlib.set_chart_source('a test')\n"
        "chart = aidlib.publish(aidlib.interval_chart(rows, title='Two bars'), path='chart.png')\n"
        "import sys; print(repr(chart), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout == ""  # 229,322 bytes of PNG before
    assert done.stderr.strip().startswith("Chart('Two bars', 720×") and done.stderr.strip().endswith(" px)")
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_in_a_notebook_publish_shows_the_chart_with_its_caption_and_source(monkeypatch):
    shown = []
    monkeypatch.setattr(publish, "_in_notebook", lambda: True)
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj._repr_mimebundle_()))
    ax = interval_chart(ROWS, title="Spend per unit", xlabel="thousand yuan")
    assert publish.publish(ax, source="Source: somewhere, 2024") is None
    ((data, meta),) = shown
    assert data["text/plain"] == "Spend per unit: Per household ≤ 1,606 yuan; Per student ≈ 16,900 yuan."
    html = data["text/html"]
    assert html.startswith("<figure") and "<img src='data:image/png;base64," in html
    assert "<figcaption>Spend per unit<br><small>Source: somewhere, 2024</small></figcaption>" in html
    assert data["image/png"] in html  # the same desktop rendering, for the report and other front ends
    assert meta[publish.METADATA_KEY]["caption"] == "Spend per unit"
    assert ax.get_title() == "Spend per unit" and ax.title.get_visible()  # the chart keeps its title


def test_a_chart_prints_as_one_line():
    chart = publish.render(interval_chart(ROWS, title="Spend per unit"), source="a test")
    assert repr(chart) == (
        f"Chart('Spend per unit', {chart.wide.width}×{chart.wide.height} and "
        f"{chart.narrow.width}×{chart.narrow.height} px)"
    )
    assert len(repr(chart.wide)) < 200


def test_phone_layout_is_undone_after_rendering():
    view = pd.DataFrame({"label": ["A long label for a bar that would not fit"], "value": [3.0],
                         "qualifier": ["exact"], "shown": ["3 people"], "unit": ["人"]})  # fmt: skip
    ax = bar_chart(view, title="One bar")
    size = ax.get_figure().get_size_inches().tolist()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    publish.render(ax, source="a test")
    assert [t.get_text() for t in ax.get_yticklabels()] == labels  # left of the bar again, as drawn
    assert [t.get_text() for t in ax.texts if t.get_visible()] == ["3 people"]  # no phone labels left
    assert ax.get_figure().get_size_inches().tolist() == size


def test_panels_and_a_split_total_are_read_back():
    axes = panel_chart({"of GDP": ROWS.iloc[[0]], "of revenue": ROWS.iloc[[1]]}, title="Two denominators")
    chart = publish.render(axes, source="a test")
    assert chart.caption == "Two denominators"
    assert "of GDP: Per household ≤ 1,606 yuan" in chart.alt and "of revenue: Per student" in chart.alt
    parts = pd.DataFrame({"label": ["industry", "rest"], "value": [232.0, 175.0], "shown": ["232", "175"],
                          "itemized": [True, False]})  # fmt: skip
    alt = publish.render(split_chart(parts, title="Parts"), source="a test").alt
    assert alt == "Parts: industry 232 (57%); rest 175 (43%)."


def test_split_chart_refuses_negative_parts():
    with pytest.raises(ValueError, match="split_chart: a part is negative"):
        split_chart(pd.DataFrame({"label": ["a"], "value": [-1.0], "shown": ["-1"]}))


@pytest.mark.parametrize(
    ("ids", "line"),
    [
        (["shufu.gdp.2022"], "疏附县人民政府 work report via quyushuju.com (2023)"),
        # two figures of one outlet and year: named once; outlets in order, joined by "; "
        (["kashgar.trade_growth.2023_jan_sep", "xinjiang.trade_growth.2023_jan_sep"],
         "Xinhua via China Daily Xinjiang (2023); Xinhua via People's Daily Online (en.people.cn) (2023)"),
    ],
)
def test_figures_source_names_outlets_and_years_never_files(ids, line):
    from aidlib.data.figures import load_figures

    figures = load_figures()
    assert publish.figures_source(figures[figures["figure_id"].isin(ids)], figures) == line


def test_the_default_source_is_the_study_s_and_unset_it_is_refused():
    with pytest.raises(ValueError, match=r"say where the chart's numbers come from: source=\.\.\., or once"):
        publish.render(interval_chart(ROWS, title="Spend per unit"))  # the library names no study's outlet
    publish.set_chart_source("虚构日报 (2024)")
    assert publish.render(interval_chart(ROWS, title="t")).source == "Source: 虚构日报 (2024)"
    given = publish.render(interval_chart(ROWS, title="t"), source="another (2020)")
    assert given.source == "Source: another (2020)"
    with pytest.raises(ValueError, match="names a file; name the outlet"):
        publish.set_chart_source("南方农村报 (2023), curated in data/metrics.csv")
