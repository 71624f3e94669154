"""The one period reader: forms, spans, years, and what each table allows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidlib.data.periods import PeriodError, figure_period_problem, metric_period_problem, parse_period


@pytest.mark.parametrize(
    ("text", "first", "last", "years", "spans_years"),
    [
        ("2023", 2023, 2023, 1, False),
        ("2023-06", 2023, 2023, 1, False),
        ("2023-01/2023-09", 2023, 2023, 1, False),  # 1-9月: within one year
        ("2011/2015", 2011, 2015, 5, True),  # a five-year plan
        ("2010/2019-09", 2010, 2019, 10, True),  # a cumulative total to a month
        ("2022-07/2023-06", 2022, 2023, 2, True),  # a fiscal year across two calendar years
        ("2023/2023", 2023, 2023, 1, False),
    ],
)
def test_periods(text, first, last, years, spans_years):
    p = parse_period(text)
    assert (p.first_year, p.last_year, p.years, p.spans_years) == (first, last, years, spans_years)


def test_cumulative_has_no_years():
    p = parse_period("cumulative")
    assert p.cumulative and p.years is None and not p.spans_years and p.first_year is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("FY23", "'FY23' is not a period"),
        ("2023-13", "'2023-13' is not a period"),  # no 13th month
        ("2023-00", "'2023-00' is not a period"),
        ("23", "'23' is not a period"),
        ("2023/", "'2023/' is not a period"),
        ("2023-09/2023-01", "'2023-09/2023-01' ends before it starts"),
        ("2015/2011", "'2015/2011' ends before it starts"),
        ("Cumulative", "'Cumulative' is not a period"),  # the word is lower case
        (" 2023", "' 2023' is not a period"),
    ],
)
def test_not_periods(text, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "ok"),
    [("2023", True), ("cumulative", True), ("2023-01/2023-09", True), ("2022-10/2023-03", True),
     ("2011/2015", True),  # a plan period (十二五) or 2011年以来 in a 2015 report
     ("2021/2025", True), ("2016/2023", True),
     ("2023/2023", False),  # a span of one year is the year: write 2023
     ("2020/2016", False), ("2023-06", False), ("2010/2019-09", False), ("2023-09/2023-01", False)],
)  # fmt: skip
def test_what_a_metric_allows(text, ok):
    assert (metric_period_problem(text) is None) is ok


@pytest.mark.parametrize(
    ("text", "basis", "problem"),
    [
        ("2022", "annual", None),
        ("2021/2022", "annual", "does not fit basis 'annual': expected one year"),
        ("2023-01/2023-09", "jan_sep", None),
        ("2023-01/2023-08", "jan_sep", "expected 2023-01/2023-09"),
        ("2010/2019-09", "cumulative", None),
        ("2019", "cumulative", "expected a span"),
        ("2014", "plan", None),
        ("2011/2015", "plan", None),
        ("2023-06", "plan", "expected a year or a span"),
        ("cumulative", "cumulative", "is not a period"),  # a cited figure states its span
        ("2022", "no_such_basis", None),  # the basis is reported on its own
    ],
)
def test_what_a_cited_figure_allows(text, basis, problem):
    found = figure_period_problem(text, basis)
    assert found is None if problem is None else problem in found


points = st.builds(
    lambda y, m: f"{y}" if m is None else f"{y}-{m:02d}",
    st.integers(1900, 2100),
    st.none() | st.integers(1, 12),
)


@given(points, points)
def test_a_span_reads_back_in_order(a, b):
    start, end = sorted([a, b])
    p = parse_period(f"{start}/{end}")
    assert (p.start, p.end) == (start, end)
    assert p.years == int(end[:4]) - int(start[:4]) + 1 >= 1
    assert p.spans_years is (p.years > 1)
    if start != end and start[:4] != end[:4]:
        with pytest.raises(PeriodError, match="ends before it starts"):
            parse_period(f"{end}/{start}")


@given(st.text(max_size=12))
def test_anything_else_is_a_clear_error(text):
    try:
        p = parse_period(text)
    except PeriodError as err:
        assert repr(text) in str(err)
    else:
        assert p.text == text
