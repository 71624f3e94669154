"""The English quantity reader: digit groups, direction and scale abbreviations, one table each."""

from __future__ import annotations

import pytest

from aidlib.quantities.chinese import QuantityError
from aidlib.quantities.english import find_english_quantities, parse_english_quantity


def _read(text):
    q = parse_english_quantity(text)
    assert text[q.start : q.end] == q.text
    return q.value, q.unit, q.qualifier


# ---- digit groups: a space, U+2009 or U+202F between groups of three ----------------
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("10 000 households", 10_000, "户"),  # read "000 households" = 0 before
        ("1 234 567 people", 1_234_567, "人"),
        ("10\u2009000 households", 10_000, "户"),  # thin space
        ("10\u202f000 households", 10_000, "户"),  # narrow no-break space
        ("more than 2 500.5 tonnes", 2500.5, "吨"),
        ("263,014 people", 263_014, "人"),  # the ASCII separator still works
        ("RMB 10 000", 10_000, "元"),
    ],
)
def test_digit_groups(text, value, unit):
    assert _read(text)[:2] == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "1\u2009234\u200956 people",  # a short last group: never restart inside the number
        "12,34 people",  # "34 people" starts inside a number
        "1.5 000 people",  # nor after a decimal point
        "In 2019 300 people",  # three digits after a digit and a space: a group or not? left out
    ],
)
def test_no_number_starts_inside_a_digit_group(text):
    assert all(q.value not in (34, 0, 56, 300) for q in find_english_quantities(text))


# ---- direction: falls are negative, levels ("down to") positive ---------------------
@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("down 3.2%", -3.2, "exact"),
        ("minus 5 percent", -5, "exact"),
        ("-3.2%", -3.2, "exact"),
        ("\u22123.2 percent", -3.2, "exact"),  # U+2212 minus
        ("a decrease of 5 percent", -5, "exact"),
        ("fell by 2 percent", -2, "exact"),
        ("declined 4%", -4, "exact"),
        ("dropped by more than 3 percent", -3, "over"),  # the hedge bounds the size
        ("down to 3%", 3, "exact"),  # a level, not a fall
        ("fell to 3%", 3, "exact"),
        ("up 3%", 3, "exact"),
        ("3-5%", 5, "exact"),  # a hyphen after a digit is no minus sign
    ],
)
def test_direction(text, value, qualifier):
    found = find_english_quantities(text)
    q = found[-1]
    assert (q.value, q.unit, q.qualifier) == (value, "%", qualifier)


def test_fall_span_takes_the_fall_word():
    q = parse_english_quantity("exports fell by 2 percent")
    assert q.text == "fell by 2 percent"


# ---- scale abbreviations -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("5bn yuan", 5e9, "元"),
        ("US$1.2 bn", 1.2e9, "美元"),
        ("300 mn yuan", 300e6, "元"),
        ("300mln yuan", 300e6, "元"),
        ("1.5 trn yuan", 1.5e12, "元"),
        ("5 billion yuan", 5e9, "元"),
    ],
)
def test_scale_abbreviations(text, value, unit):
    assert _read(text)[:2] == (value, unit)


@pytest.mark.parametrize("text", ["5 m yuan", "5 bnx yuan"])
def test_unsafe_scales_are_not_read(text):
    # "m" alone is left out (metres? million?) and a longer word is no scale: no unit follows
    with pytest.raises(QuantityError, match="no quantity"):
        parse_english_quantity(text)
