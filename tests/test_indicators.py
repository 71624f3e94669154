"""Indicators: interval arithmetic and the derived figures."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidlib.analysis.indicators import INF, Interval, compute, convert_cny, table


@pytest.fixture(scope="module")
def by_id():
    return {i.indicator_id: i for i in compute()}


@pytest.mark.parametrize(
    ("qualifier", "low", "high"),
    [("exact", 5, 5), ("about", 5, 5), ("over", 5, INF), ("under", 0, 5)],
)
def test_interval_from_qualifier(qualifier, low, high):
    iv = Interval.from_qualifier(5, qualifier)
    assert (iv.low, iv.high) == (low, high)
    assert iv.approx is (qualifier == "about")


def test_interval_errors():
    with pytest.raises(ValueError, match="unknown qualifier 'more'"):
        Interval.from_qualifier(1, "more")
    with pytest.raises(ValueError, match="low 2 is above high 1"):
        Interval(2, 1)
    with pytest.raises(ZeroDivisionError, match="contains zero"):
        Interval(1) / Interval(-1, 1)
    with pytest.raises(ZeroDivisionError, match="contains zero"):
        Interval(1) / Interval(0)


def test_division_by_an_upper_bound_has_no_upper_bound():
    # 近200亿元 is at most 200亿 ([0, 200亿]): a share of it is at least x, with no ceiling
    assert Interval(10) / Interval(0, 5) == Interval(2, math.inf)
    assert Interval(10, 20) / Interval(0, 5) == Interval(2, math.inf)


@given(
    st.floats(0.1, 1e9),
    st.floats(0.1, 1e9),
    st.floats(0.1, 1e9),
    st.floats(0.1, 1e9),
)
def test_division_contains_every_pointwise_quotient(a, b, c, d):
    x, y = Interval(min(a, b), max(a, b)), Interval(min(c, d), max(c, d))
    q = x / y
    for num in (x.low, x.high):
        for den in (y.low, y.high):
            assert q.low * (1 - 1e-12) <= num / den <= q.high * (1 + 1e-12)


def test_spend_per_household_is_an_upper_bound(by_id):
    iv = by_id["spend.per_household"].interval
    assert iv.low == 0 and iv.high == pytest.approx(1605.75)
    assert by_id["spend.per_household"].text == "≤ 1,606元/户"


def test_itemized_shares_and_remainder(by_id):
    assert by_id["share.itemized"].interval.low == pytest.approx(67.0377, abs=1e-3)
    assert by_id["funding.unitemized"].interval.low == pytest.approx(174_700_000)
    parts = sum(by_id[f"share.{k}"].interval.low for k in ("housing", "education", "industry"))
    assert parts == pytest.approx(by_id["share.itemized"].interval.low)


def test_trade_base_and_increase(by_id):
    base = by_id["trade.base_jan_sep_2022"].interval.low
    assert base == pytest.approx(1_183_000_000 / 1.7)
    assert base + by_id["trade.increase_jan_sep"].interval.low == pytest.approx(1_183_000_000)


def test_other_ratios(by_id):
    assert by_id["consumption.price_per_tonne"].interval.low == pytest.approx(334_000_000 / 11672.82)
    assert by_id["employment.jobs_per_factory"].interval.low == pytest.approx(2846 / 131)
    assert by_id["investment.per_aid_yuan"].interval.low == pytest.approx(20.43 / 5.3)
    assert by_id["facts.distinct"].interval.low == 71


def test_every_indicator_documents_itself():
    frame = table()
    assert frame["indicator_id"].is_unique
    assert (frame["formula"] != "").all() and (frame["caveat"] != "").all() and (frame["inputs"] != "").all()
    assert not frame["low"].isna().any()


def test_convert_needs_a_rate():
    assert convert_cny(100, 0.5, "USD") == (50, "USD")
    for bad in (0, -1, math.inf, math.nan):
        with pytest.raises(ValueError, match="rate must be a positive finite number of USD per yuan"):
            convert_cny(100, bad, "USD")


@pytest.mark.parametrize(
    ("value", "qualifier", "ratio", "expected"),
    [
        (1.5, "exact", 2.5, Interval(2.5)),  # 投资增长了1.5倍: grew by 1.5 times, 2.5 times the base
        (2.0, "exact", 2.0, Interval(2.0)),  # 是去年的2倍
        (3.0, "over", 4.0, Interval(4.0, math.inf)),  # 增长3倍多: more than 3 times more, at least 4 times
    ],
)
def test_a_multiple_reads_its_ratio_as_data(value, qualifier, ratio, expected):
    # the ratio is a column of metrics.csv (checked against the quote by aidlib check), never re-parsed
    from aidlib.analysis.indicators import term_interval
    from aidlib.data.declarations import Term

    row = {"value": value, "unit": "倍", "qualifier": qualifier, "high": None, "ratio": ratio}
    assert term_interval(Term("x.multiple", "metric", row, "")) == expected
    percent = {"value": 70.0, "unit": "%", "qualifier": "exact", "high": None, "ratio": float("nan")}
    assert term_interval(Term("x.growth", "metric", percent, "")) == Interval(70.0)
