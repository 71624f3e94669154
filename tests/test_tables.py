"""Metric views, value text, and picking a derived figure by id."""

from __future__ import annotations

import pandas as pd
import pytest

import aidlib
from aidlib.analysis.tables import indicator, metric, metric_view, value_text
from aidlib.data.metrics import load_metrics


@pytest.fixture(scope="module")
def metrics():
    return load_metrics()


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "expected"),
    [
        (40000, "over", "households", "≥ 40,000 households"),
        (300, "under", "people", "≤ 300 people"),
        (5, "about", "", "≈ 5"),
        (11672.82, "exact", "tonnes", "11,672.82 tonnes"),  # decimals kept
    ],
)
def test_value_text(value, qualifier, unit, expected):
    assert value_text(value, qualifier, unit) == expected


def test_value_text_unknown_qualifier():
    with pytest.raises(ValueError, match="unknown qualifier 'roughly'"):
        value_text(1, "roughly")


def test_unknown_metric_suggests_near_matches(metrics):
    with pytest.raises(KeyError, match="did you mean funding.aid_total"):
        metric(metrics, "funding.aid_totl")


def test_view_order_and_restated(metrics):
    ids = ["trade.growth_yoy", "trade.value_jan_sep"]
    assert list(metric_view(metrics, ids=ids)["metric_id"]) == ids
    culture = metric_view(metrics, theme="culture")
    assert (culture["duplicate_of"] == "").all()
    assert len(metric_view(metrics, theme="culture", include_restated=True)) == len(culture) + 2


def test_view_in_chinese(metrics):
    view = metric_view(metrics, ids=["housing.households"], lang="zh")
    assert view.loc[0, "shown"] == "≥ 40,000户" and view.loc[0, "label"] == "受益农户"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"theme": "sports"}, "unknown theme 'sports'"), ({"lang": "fr"}, "lang must be 'en' or 'zh'")],
)
def test_view_errors(metrics, kwargs, message):
    with pytest.raises(ValueError, match=message):
        metric_view(metrics, **kwargs)


# Two sources that both have share.industry; only "a" has funding.unitemized.
TWO_SOURCES = pd.DataFrame(
    {
        "source_id": ["a", "a", "b"],
        "indicator_id": ["share.industry", "funding.unitemized", "share.industry"],
        "text_en": ["≈ 57%", "≈ 175 million yuan", "≈ 40%"],
    }
)


@pytest.mark.parametrize(
    ("indicator_id", "source", "texts"),
    [
        ("funding.unitemized", None, "≈ 175 million yuan"),  # one source has it: no source= needed
        ("share.industry", "b", "≈ 40%"),
        # in the order given
        (["funding.unitemized", "share.industry"], "a", ["≈ 175 million yuan", "≈ 57%"]),
        (["share.industry"], "b", ["≈ 40%"]),  # a list of one is still a frame
        ([], "a", []),
    ],
)
def test_indicator_picks_rows_by_id(indicator_id, source, texts):
    got = indicator(TWO_SOURCES, indicator_id, source=source)
    if isinstance(indicator_id, str):
        assert isinstance(got, pd.Series) and got.name == indicator_id and got["text_en"] == texts
    else:
        assert isinstance(got, pd.DataFrame) and got["text_en"].tolist() == texts
        assert got["indicator_id"].tolist() == indicator_id and list(got.index) == list(range(len(texts)))


@pytest.mark.parametrize(
    ("table", "indicator_id", "source", "error", "message"),
    [
        # a near miss is named, and so is every id the table has
        (TWO_SOURCES, "share.industri", "a", KeyError,
         r"^\"unknown indicator_id 'share.industri'; did you mean share.industry\? "
         r"\(the table has share.industry, funding.unitemized\)\"$"),
        # nothing near: still every id of the table (of the source asked for)
        (TWO_SOURCES, "context.aid_to_gdp", "b", KeyError,
         r"unknown indicator_id 'context.aid_to_gdp' \(the table has share.industry\)"),
        # one bad id of a list is named like a single one
        (TWO_SOURCES, ["share.industry", "share.housing"], "a", KeyError,
         "unknown indicator_id 'share.housing'"),
        (TWO_SOURCES.iloc[:0], "share.industry", None, KeyError, r"\(the table is empty\)"),
        # two sources have it: which one is asked for
        (TWO_SOURCES, "share.industry", None, KeyError,
         r"'share.industry' is computed for 2 sources \(a, b\): give source="),
        (TWO_SOURCES, "share.industry", "c", KeyError, "unknown source 'c'"),
        # the metrics, not an indicator table
        (pd.DataFrame({"source_id": ["a"], "metric_id": ["x"]}), "x", None, ValueError,
         "no column 'indicator_id': give a frame of aidlib.indicator_table or aidlib.context_table"),
    ],
)  # fmt: skip
def test_indicator_errors_name_the_id_and_the_choices(table, indicator_id, source, error, message):
    with pytest.raises(error, match=message):
        indicator(table, indicator_id, source=source)


def test_indicator_reads_the_computed_tables(metrics):
    ind, ctx = aidlib.indicator_table(metrics), aidlib.context_table(metrics)
    assert aidlib.indicator(ind, "funding.unitemized")["text_en"] == "≈ 175 million yuan"
    assert aidlib.indicator(ctx, "context.aid_to_budget_revenue")["text_en"] == "≈ 186%"
    with pytest.raises(KeyError, match="unknown indicator_id 'context.aid_to_gdp'.*the table has share"):
        aidlib.indicator(ind, "context.aid_to_gdp")  # a context figure is in the context table
