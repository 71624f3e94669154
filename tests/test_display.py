"""The one number style: values, intervals, units, reader tables (analysis.numbers, unit_names, reader_*)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from aidlib.analysis import numbers, reader_tables, reader_words, unit_names
from aidlib.analysis.indicators import Interval, describe
from aidlib.analysis.numbers import interval_text, value_text
from aidlib.analysis.reader_tables import reader_table
from aidlib.analysis.tables import series
from aidlib.analysis.unit_names import count_noun
from aidlib.data.figures import load_figures


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((530_000_000, "exact", "yuan"), "530 million yuan"),
        ((2_043_000_000, "exact", "yuan"), "2.043 billion yuan"),  # stated digits kept
        ((530_000_000, "exact", "元"), "5.3亿元"),
        ((64_230_000, "exact", "元"), "6423万元"),  # no thousands comma before 万
        ((9_999, "exact", "yuan"), "9,999 yuan"),  # below a million: plain digits
        ((60e9, "over", "yuan"), "≥ 60 billion yuan"),
        ((40_000, "over", "households"), "≥ 40,000 households"),
        ((-3, "over", "percent"), "≤ -3%"),  # a fall of over 3% is at most -3%
        ((1, "exact", "facts"), "1 fact"),
        ((1, "about", "facts"), "≈ 1 facts"),  # "about one" stays plural, as spoken
    ],
)
def test_value_text(args, expected):
    assert value_text(*args) == expected


def test_value_text_of_a_range():
    assert value_text(30_000, "range", "yuan", high=50_000) == "30,000–50,000 yuan"


@pytest.mark.parametrize(
    ("unit", "label", "expected"),
    [
        ("units", "Townships covered by housing upgrades", "townships"),
        ("units", "State farms covered by housing upgrades", "state farms"),
        ("units", "Traditional culture clubs (paper-cutting, shadow play ...)", "clubs"),  # not the aside
        ("units", "Ethnic minority role models for prosperity", "models"),
        ("people", "Township cadres", "people"),  # a real unit is kept
        ("units", "", "units"),  # nothing to name it by
    ],
)
def test_count_noun(unit, label, expected):
    assert count_noun(unit, label) == expected


def test_singular_of_a_named_count():
    assert value_text(1, "exact", "units", label="Townships covered") == "1 township"
    assert value_text(2, "exact", "units", label="State farms covered") == "2 state farms"


@pytest.mark.parametrize(
    ("low", "high", "approx", "unit", "expected"),
    [
        (695_882_352.9, 695_882_352.9, False, "yuan", "≈ 696 million yuan"),  # rounding marked
        (0, 1605.75, False, "yuan per household", "≤ 1,606 yuan per household"),  # upper bound rounds up
        (18.84e9, math.inf, False, "yuan", "≥ 18.8 billion yuan"),  # lower bound rounds down
        (-math.inf, -3.04, False, "percent", "≤ -3.04%"),
        (23.26, 56.23, False, "percent", "23.2–56.3%"),  # both ends outward
        (60.0, 60.0, True, "percent", "≈ 60%"),  # hedged, not rounded
    ],
)
def test_interval_text(low, high, approx, unit, expected):
    assert interval_text(low, high, approx, unit) == expected
    if not (math.isinf(low) and low < 0):
        assert describe(Interval(low, high, approx), unit) == expected


def test_series_and_describe_write_money_the_same_way():
    s = series(load_figures(), "19 provinces→Xinjiang", "aid_funds")
    row = s[s["qualifier"] == "over"].iloc[0]
    assert row["shown"] == describe(Interval(row["value"], math.inf), "yuan")
    assert row["shown"].startswith("≥ ") and row["shown"].endswith(" billion yuan")


def test_old_names_still_import_from_tables():
    from aidlib.analysis import tables

    assert tables.value_text is numbers.value_text and tables.BOUND_SIGNS is numbers.BOUND_SIGNS
    assert tables.round_shown is numbers.round_shown and tables.singular is unit_names.singular


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, "yes"),
        (False, "no"),
        (530000000.0, "530,000,000"),  # no float dump
        (float("nan"), ""),
        ({"gbk_shift": 7, "pinyin": 467}, "gbk_shift 7, pinyin 467"),
        (pd.Series({"exact": 54, "over": 17}, name="count"), "exact 54, over 17"),  # no "dtype: int64"
    ],
)
def test_cell_text(value, expected):
    assert reader_tables.cell_text(value) == expected


def test_reader_table_hides_the_index_and_moves_ids_to_details():
    frame = pd.DataFrame(
        {"indicator_id": ["spend.x"], "label": ["Per household"], "text_en": ["≤ 1,606 yuan"],
         "formula": ["a / b"], "exact": [False]},
        index=[7],
    )  # fmt: skip
    table = reader_table(frame.reset_index(drop=True))
    assert table.headers == ["label", "value", "exact"]
    assert table.rows == [["Per household", "≤ 1,606 yuan", "no"]]
    html = table._repr_html_()
    assert "<details" in html and "spend.x" in html and "a / b" in html
    assert "≤\xa01,606 yuan" in html  # the hedge never ends a line apart from its number
    assert "dataframe" not in html and "<th>7</th>" not in html


def test_reader_table_explains_grades_and_renames():
    table = reader_table(
        pd.DataFrame({"what": ["GDP"], "reliability": ["A"]}), {"what": "figure", "reliability": "grade"}
    )
    assert table.headers == ["figure", "grade"]
    assert table.rows[0][1].startswith("A: the original page") and "not independence" in table.rows[0][1]


def test_reader_table_errors():
    with pytest.raises(KeyError, match="reader_table: no column 'nope'"):
        reader_table(pd.DataFrame({"a": [1]}), ["nope"])
    with pytest.raises(ValueError, match="unknown qualifier 'roughly'"):
        value_text(1, "roughly")


@pytest.mark.parametrize(
    ("period", "text"),
    [
        ("2023", "2023"),
        ("2023-01/2023-09", "Jan–Sep 2023"),  # not "jan sep" nor "2023-01/2023-09"
        ("2016/2020", "2016–2020"),
        ("2010/2019-09", "2010 to Sep 2019"),  # not "2010/2019-09"
        ("2011/2015-07", "2011 to Jul 2015"),
        ("2022-07/2023-06", "Jul 2022 to Jun 2023"),  # months across two years
        ("2023-06", "Jun 2023"),
        ("cumulative", "cumulative, no dates stated"),
    ],
)
def test_periods_read_as_dates(period, text):
    assert reader_words.period_text(period) == text


def test_a_figures_periods_are_said_once():
    assert reader_words.periods_text(["2025", "2025"]) == "2025"  # not "2025, 2025"
    assert reader_words.periods_text(["2014", "2020", "2020", "2023"]) == "2014, 2020 and 2023"


def test_a_period_that_is_none_is_named():
    from aidlib.data.periods import PeriodError

    with pytest.raises(PeriodError, match="'2023/01' is not a period: expected 2023, 2023-06"):
        reader_words.period_text("2023/01")


@pytest.mark.parametrize(
    ("grades", "text"),
    [
        ("BCA", "a repost (B), an unattributed source (C) and an original page (A)"),  # not "BCA"
        ("AA", "two original pages (A)"),
        (["C"], "an unattributed source (C)"),
    ],
)
def test_grades_read_as_words(grades, text):
    assert reader_words.grades_text(grades) == text


def test_an_unknown_grade_is_named():
    with pytest.raises(ValueError, match="unknown reliability grade 'D'; expected one of A, B, C"):
        reader_words.grades_text("AD")
