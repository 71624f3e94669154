"""Metric views and value text."""

from __future__ import annotations

import pytest

from aidlib.analysis.tables import metric, metric_view, value_text
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
