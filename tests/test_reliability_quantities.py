"""Quantity behaviours the mutation run found unasserted, and two reading fixes (issue 17, finding 11).

Each case pins one decision of :mod:`aidlib.quantities`; a small wrong change to the
parser (``tools/mutation.py``) must make one of them fail.
"""

from __future__ import annotations

import math

import pytest

from aidlib.quantities.chinese import QuantityError, find_quantities, parse_quantity
from aidlib.quantities.english import parse_english_quantity


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("约合5万元", 50000.0, "about"),  # 约合: "about", not an exact amount
        ("约合人民币5万元", 50000.0, "about"),
        ("约5万元", 50000.0, "about"),
        ("合计5万元", 50000.0, "exact"),  # 合计 (in total) hedges nothing
        ("0.5元", 0.5, "exact"),
        ("0元", 0.0, "exact"),  # a true zero stays a quantity
    ],
)
def test_hedges_and_zero(text, value, qualifier):
    q = parse_quantity(text)
    assert (q.value, q.qualifier, q.unit) == (value, qualifier, "元")


@pytest.mark.parametrize("zeros", [330, 400])
def test_a_value_that_underflows_is_no_quantity(zeros):
    # 0.000…1元 is not zero, and no float holds it: like 1亿亿…元 it is left out, never read as 0 exact
    text = "0." + "0" * zeros + "1元"
    assert find_quantities(text) == []
    with pytest.raises(QuantityError, match="no quantity"):
        parse_quantity(text)


def test_a_small_value_a_float_holds_is_kept():
    q = parse_quantity("0." + "0" * 20 + "1元")
    assert q.value == pytest.approx(1e-21) and q.value > 0 and q.qualifier == "exact"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("US$5 thousand", 5000.0),  # the scale word multiplies; never 0 or 5
        ("US$5 million", 5e6),
        ("5 billion yuan", 5e9),
        ("US$1.5 trillion", 1.5e12),
    ],
)
def test_english_scale_words(text, value):
    assert parse_english_quantity(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "“四个中心”",  # a quoted slogan is a name, not four of something
        "“三下乡”",
        "建设“四个中心”",
        "“五个认同”教育",
    ],
)
def test_short_quoted_names_are_no_quantities(text):
    assert find_quantities(text) == []


def test_a_quoted_name_beside_a_quantity_leaves_the_quantity():
    found = find_quantities("建设“四个中心”，投入5万元")
    assert [(q.value, q.unit, q.text) for q in found] == [(50000.0, "元", "5万元")]


def test_a_range_keeps_both_ends_and_a_fall_its_sign():
    q = parse_quantity("3至5万元")
    assert (q.value, q.high, q.qualifier, q.bounds) == (30000.0, 50000.0, "range", (30000.0, 50000.0))
    fall = parse_quantity("下降3.2%")
    assert fall.value == -3.2 and fall.qualifier == "exact" and not math.isnan(fall.value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1900，300人", [300.0]),  # a bare year 1900–2100 before a comma is no list member
        ("2100，300人", [300.0]),
        ("1899，300人", [1899.0, 300.0]),  # just outside: a member taking 人
        ("2101，300人", [2101.0, 300.0]),
        ("2100.5，300人", [2100.5, 300.0]),  # not a whole number: no year
    ],
)
def test_the_year_range_before_a_list_mark(text, values):
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("减负3-5成", (30.0, 50.0, "range")),  # 负 ends the word 减负: no minus on the range
        ("减负3成", (30.0, None, "exact")),
        ("百分之零点五到百分之零点八", (0.5, 0.8, "range")),  # two share words, both below 1: one range
        ("0.5%至0.8%", (0.5, 0.8, "range")),
    ],
)
def test_signs_and_share_ranges(text, expected):
    (q,) = find_quantities(text)
    assert (q.value, q.high, q.qualifier) == expected and q.unit == "%"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("5/5", []),  # a score, not 100 %: a share needs numerator < denominator
        ("3/5", [60.0]),
        ("0/5", []),
        ("Z5人", []),  # after any ASCII letter, A to Z included: a code
        ("z5人", []),
        ("A5人", []),
    ],
)
def test_share_bounds_and_codes(text, found):
    assert [q.value for q in find_quantities(text)] == found
