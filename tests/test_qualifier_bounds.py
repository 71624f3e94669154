"""Qualifier → bounds once: a parsed quantity and a curated row read a hedge by one function."""

from __future__ import annotations

import math

import pytest

from aidlib.analysis.indicators import Interval
from aidlib.quantities.chinese import parse_quantity
from aidlib.quantities.quantity import qualifier_bounds

INF = math.inf

# (value, qualifier, high, bounds, a quote the parser reads so)
CASES = [
    (5.0, "exact", None, (5.0, 5.0), "5个"),
    (50000.0, "about", None, (50000.0, 50000.0), "约5万人"),  # no width given: the value, marked approximate
    (40000.0, "over", None, (40000.0, INF), "4万余户"),
    (10000.0, "under", None, (0.0, 10000.0), "近万名"),  # 近: approaching, not reached; a count runs from 0
    (-3.0, "over", None, (-INF, -3.0), "下降超过3%"),  # a hedge bounds the size of a fall
    (-3.0, "under", None, (-3.0, 0.0), "下降不到3%"),
    (-3.0, "exact", None, (-3.0, -3.0), "下降3%"),
    (0.0, "under", None, (0.0, 0.0), None),  # zero is no fall
    (30000.0, "range", 50000.0, (30000.0, 50000.0), "3万至5万元"),
    (-10.0, "range", -5.0, (-10.0, -5.0), None),
]


@pytest.mark.parametrize(("value", "qualifier", "high", "bounds", "quote"), CASES)
def test_one_reading_of_a_qualifier(value, qualifier, high, bounds, quote):
    assert qualifier_bounds(value, qualifier, high=high) == bounds
    iv = Interval.from_qualifier(value, qualifier, high=high)
    assert (iv.low, iv.high, iv.approx) == (*bounds, qualifier == "about")
    if quote is not None:
        q = parse_quantity(quote)
        assert (q.value, q.qualifier, q.high) == (value, qualifier, high)
        assert q.bounds == bounds


def test_a_damaged_value_keeps_the_end_its_hedge_leaves_open():
    low, high = qualifier_bounds(math.nan, "over")
    assert low == -INF and math.isnan(high)
    low, high = qualifier_bounds(math.nan, "under")
    assert math.isnan(low) and high == 0.0


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((5, "more"), {}, "unknown qualifier 'more'; expected one of exact, about, over, under, range"),
        ((5, "range"), {}, "a range needs its high end; got value 5 and no high"),
        ((5, "range"), {"high": math.nan}, "a range needs its high end"),
    ],
)
def test_errors_name_what_is_wrong(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        qualifier_bounds(*args, **kwargs)
    with pytest.raises(ValueError, match=message):
        Interval.from_qualifier(*args, **kwargs)


def test_high_is_keyword_only():
    with pytest.raises(TypeError):
        qualifier_bounds(5, "range", 10)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Interval.from_qualifier(5, "range", 10)  # type: ignore[misc]
