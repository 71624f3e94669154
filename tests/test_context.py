"""Context indicators: the expected figures, bounds that stay bounds, periods said when mixed."""

from __future__ import annotations

import math

import pytest

from aidlib.analysis import context
from aidlib.data.figures import load_figures
from aidlib.data.metrics import load_metrics


@pytest.fixture(scope="module")
def ctx():
    return context.table(load_metrics(), load_figures()).set_index("indicator_id")


@pytest.mark.parametrize(
    ("indicator_id", "low", "high", "text_en"),
    [
        ("context.aid_per_resident", 2015.1, 2015.1, "≈ 2,015 yuan per person"),  # 530e6 / 263,014
        ("context.aid_to_gdp", 8.833, 8.833, "≈ 8.83%"),
        ("context.aid_to_budget_revenue", 185.96, 185.96, "≈ 186%"),
        ("context.aid_to_fixed_asset_investment", 15.27, 15.27, "≈ 15.3%"),
        ("context.trade_share_kashgar", 0.0, 1.9717, "≤ 1.98%"),  # Kashgar: "over" 60 bn → at most
        ("context.trade_share_xinjiang", 0.4679, 0.4679, "≈ 0.468%"),
        ("context.aid_vs_plan_2011_2015", 47.55, 47.55, "≈ 47.6%"),  # 5.3亿 / (17.96亿 / 5) − 1
        ("context.factory_jobs_to_working_age", 2.453, 2.453, "≈ 2.45%"),
        ("context.factory_jobs_to_new_jobs_2022", 73.03, 73.03, "≈ 73%"),
        ("context.aid_share_xinjiang_2019", 0.0, 2.819, "≤ 2.82%"),  # "more than 18.8 billion"
        ("context.aid_share_xinjiang_2024", 2.65, math.inf, "≥ 2.65%"),  # 近200亿: at most, share at least
    ],
)
def test_expected_values(ctx, indicator_id, low, high, text_en):
    row = ctx.loc[indicator_id]
    assert row["low"] == pytest.approx(low, rel=1e-3)
    assert row["high"] == pytest.approx(high, rel=1e-3)
    assert row["text_en"] == text_en


def test_every_indicator_names_its_inputs_and_mixed_periods(ctx):
    figures = set(load_figures()["figure_id"])
    metrics = set(load_metrics()["metric_id"])
    for iid, row in ctx.iterrows():
        inputs = row["inputs"].split(", ")
        assert all(i in figures | metrics for i in inputs), iid
        assert any(i in figures for i in inputs), f"{iid} uses no cited figure"
    assert "Compares 2023 aid with 2022 GDP." in ctx.loc["context.aid_to_gdp", "caveat"]
    assert "Compares" not in ctx.loc["context.trade_share_xinjiang", "caveat"]  # both Jan–Sep 2023
    assert "Different bases" in ctx.loc["context.aid_vs_plan_2011_2015", "caveat"]


def test_a_hedge_in_a_cited_figure_stays_a_bound(tmp_path):
    import shutil

    from aidlib.data.paths import PROJECT_ROOT

    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    path = data / "cited_figures.tsv"
    text = path.read_text(encoding="utf-8").replace(
        "\t60亿元\t6000000000\t元\texact\t", "\t近60亿元\t6000000000\t元\tunder\t"
    )
    path.write_text(text, encoding="utf-8")
    row = (
        context.table(load_metrics(), load_figures(data)).set_index("indicator_id").loc["context.aid_to_gdp"]
    )
    assert row["text_en"] == "≥ 8.83%" and not row["exact"]  # 近60亿: at most 60亿, so at least 8.83%


def test_a_range_row_works_in_every_indicator_and_context_table():
    # metrics.csv allows a range (3至5万元: value 30000, high 50000); intervals come from
    # indicators.interval_of in both tables, so a range is that interval everywhere
    from aidlib.analysis import indicators

    metrics = load_metrics()
    at = metrics.index[metrics["metric_id"] == "funding.aid_total"][0]
    metrics.loc[at, ["value", "high"]] = [5e8, 6e8]
    metrics.loc[at, "qualifier"] = "range"
    figures = load_figures()
    table = context.table(metrics, figures).set_index("indicator_id")
    gdp = figures.set_index("figure_id").loc["shufu.gdp.2022", "value"]
    row = table.loc["context.aid_to_gdp"]
    assert (row["low"], row["high"]) == pytest.approx((5e8 / gdp * 100, 6e8 / gdp * 100))
    assert row["text_en"] == "8.33–10%"
    plan = table.loc["context.aid_vs_plan_2011_2015"]
    assert plan["low"] < plan["high"]  # the whole range carried through
    shares = indicators.table(metrics).set_index("indicator_id")
    assert shares.loc["share.itemized", "low"] > shares.loc["share.itemized", "high"] * 5 / 6 - 1e-9
    assert shares.loc["share.itemized", "low"] < shares.loc["share.itemized", "high"]


def test_a_range_without_its_high_end_is_named():
    from aidlib.analysis.indicators import interval_of

    with pytest.raises(ValueError, match="a range needs its high end; got value 5.0 and no high"):
        interval_of({"value": 5.0, "qualifier": "range", "high": float("nan")})
