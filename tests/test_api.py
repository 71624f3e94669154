"""The notebook-facing API: every verb at the top level, one argument order, light to import."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import aidlib
from aidlib.data import paths

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves():
    for name in aidlib.__all__:
        assert getattr(aidlib, name) is not None, name
    with pytest.raises(AttributeError, match="module 'aidlib' has no attribute 'load_metric'"):
        aidlib.load_metric  # noqa: B018


def test_the_notebooks_use_only_the_top_level_api():
    for script in sorted((ROOT / "notebooks" / "scripts").glob("[0-9][0-9]_*.py")):
        lines = script.read_text(encoding="utf-8").splitlines()
        code = "\n".join(line for line in lines if not line.startswith("#"))  # markdown cells
        assert not re.search(r"^\s*(from aidlib|import aidlib\.)", code, re.M), script.name
        used = set(re.findall(r"(?<![\w.])aidlib\.(\w+)", code))
        assert used <= set(aidlib.__all__), (script.name, used - set(aidlib.__all__))


def test_import_aidlib_stays_light():
    heavy = "{'pandas', 'matplotlib', 'numpy', 'seaborn'}"
    code = f"import sys, aidlib; print(sorted({heavy} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_one_name_for_the_data_folder():
    assert aidlib.load_metrics(data=paths.data_dir()).equals(aidlib.load_metrics())
    with pytest.warns(DeprecationWarning, match=r"load_metrics\(data_dir=...\) is deprecated: use data=..."):
        old = aidlib.load_metrics(data_dir=paths.data_dir())
    assert len(old) == len(aidlib.load_metrics())
    with pytest.raises(TypeError, match="got both data and data_dir"):
        aidlib.load_metrics(paths.data_dir(), data_dir=paths.data_dir())


@pytest.fixture(scope="module")
def metrics():
    return aidlib.load_metrics()


def test_metric_view_keeps_quote_and_theme_when_asked(metrics):
    plain = aidlib.metric_view(metrics, theme="employment")
    assert "quote" not in plain and "theme" not in plain
    quoted = aidlib.metric_view(metrics, theme="employment", quote=True)
    quotes = metrics.set_index("metric_id")["quote"]
    assert quoted["quote"].tolist() == quotes[quoted["metric_id"]].tolist()
    everything = aidlib.metric_view(metrics, theme=True, quote=True)
    assert list(everything.columns[-2:]) == ["theme", "quote"]
    assert len(everything) == (metrics["duplicate_of"] == "").sum()  # every theme, restatements left out
    assert set(everything["theme"]) == set(metrics["theme"])
    with pytest.raises(ValueError, match="theme must be a theme name, True or None, got 3"):
        aidlib.metric_view(metrics, theme=3)


def test_frame_first_everywhere(metrics):
    figures = aidlib.load_figures()
    assert aidlib.metric(metrics, "funding.aid_total")["value"] == 530e6
    assert aidlib.figure(figures, "shufu.gdp.2022")["value"] == 6e9
    assert aidlib.citation(figures, "shufu.gdp.2022").endswith("(grade B)")
    assert not aidlib.series(figures, "19 provinces→Xinjiang", "aid_funds").empty
    table = aidlib.context_table(metrics, figures)
    assert {"indicator_id", "low", "high", "text_en"} <= set(table.columns)
    assert "share.itemized" in set(aidlib.indicator_table(metrics)["indicator_id"])


def test_an_empty_frame_is_named_not_a_matplotlib_error():
    import pandas as pd

    import aidlib

    empty = pd.DataFrame(columns=["label", "value", "qualifier", "shown", "unit"])
    with pytest.raises(ValueError, match="^bar_chart: the frame has no rows to draw$"):
        aidlib.bar_chart(empty, title="t", xlabel="x")


@pytest.mark.parametrize("divisor", [0, -1e6, float("inf"), float("nan")])
def test_rescale_refuses_a_divisor_that_is_no_scale(divisor):
    import aidlib

    view = aidlib.metric_view(aidlib.load_metrics(), ids=["funding.aid_total"])
    with pytest.raises(ValueError, match="rescale: divisor must be a positive finite number"):
        aidlib.rescale(view, divisor, "million yuan")


@pytest.mark.parametrize("currency", ["元", "人民币", "CNY"])
def test_convert_cny_refuses_yuan_as_the_target(currency):
    import aidlib

    with pytest.raises(ValueError, match="converts yuan into another currency"):
        aidlib.convert_cny(100, 7.1, currency)
