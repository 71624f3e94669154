"""Quantity parsing: tables of cases per rule, the bundled source, and properties."""

from __future__ import annotations

import contextlib
import math
import time

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from aidlib.quantities.chinese import (
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    QUALIFIERS_INSIDE,
    TIME_UNITS,
    UNIT_ALIASES,
    UNITS,
    QuantityError,
    find_quantities,
    parse_quantity,
)
from aidlib.quantities.units import CONTEXT_WORDS


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("5.3亿元", 530_000_000, "元", "exact"),
        ("6423 万元", 64_230_000, "元", "exact"),  # spaces inside
        ("4 万余户", 40_000, "户", "over"),  # qualifier between magnitude and unit
        ("超过 2万吨", 20_000, "吨", "over"),
        ("6.1 万多户", 61_000, "户", "over"),
        ("近100万人次", 1_000_000, "人次", "under"),  # 近: approaching, at most (issue 16)
        ("25亿余元", 2_500_000_000, "元", "over"),
        ("30多亿元", 3_000_000_000, "元", "over"),  # qualifier between number and magnitude
        ("两次", 2, "次", "exact"),  # 两 is two before a measure word
        ("同比增长70%", 70, "%", "exact"),
        ("增长百分之七十", 70, "%", "exact"),
        ("增长 1.5 倍", 1.5, "倍", "exact"),
        ("三千五百人", 3500, "人", "exact"),
        ("一万二千名", 12_000, "名", "exact"),
        ("１２００人", 1200, "人", "exact"),  # full-width digits
        ("共1,200.5吨", 1200.5, "吨", "exact"),
        ("投入援疆資金92.34億元", 9_234_000_000, "元", "exact"),  # traditional input
        ("10個鄉鎮", 10, "个", "exact"),  # 個 → 个
        ("約5萬戶", 50_000, "户", "about"),
        ("不足300人", 300, "人", "under"),
        ("5000元以上", 5000, "元", "over"),  # qualifier after the unit
        ("3000人左右", 3000, "人", "about"),
        ("开展 3 个月的跟岗学习", 3, "个月", "exact"),  # 个月 wins over 个
        ("项目 22 大项", 22, "大项", "exact"),
        ("900 余场次", 900, "场次", "exact" if False else "over"),
        ("2.32 亿元", 232_000_000, "元", "exact"),  # exact decimal arithmetic
    ],
)
def test_parse_quantity(text, value, unit, qualifier):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)
    assert q.unit_en == UNITS[unit]
    assert not q.damaged


@pytest.mark.parametrize(
    "text",
    [
        "2023年",
        "7 月",
        "8月底",
        "6月和9月",
        "1-9月",
        "2020年8月5日",
        "10:13:51",
        "第134届广交会",
        "第十批",
        "第十三届",
        "“十四五”",
        "二十大精神",
        "民族“三交”",
        "三园一区",
        "一二三产业",
        "“一带一路”",
        "“4·28 感恩节”",
        "“双 200”",
        "一支带不走的队伍",  # 一 as an article
        "穗疏一家亲",
        "提升师生五个认同",  # a slogan
        "“三下乡”",
        "万达集团",  # 万 without a number
        "亿联公司",
        "共 1200 在",  # a bare number is not a quantity
        "2023(中国)亚欧",
        "队伍支援",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text",
    ["教\ufffd1700余人次", "教?1700余人次", "1700\ufffd人"],  # a leading digit may be lost
)
def test_damaged_number_has_no_value(text):
    found = find_quantities(text)
    assert found and all(q.damaged and math.isnan(q.value) for q in found[:1])


def test_offsets_and_order():
    text = "投入 6423 万元用于 10 个乡镇 2 个场"
    found = find_quantities(text)
    assert [q.text for q in found] == ["6423 万元", "10 个", "2 个"]
    assert all(text[q.start : q.end] == q.text for q in found)


def test_two_units_in_a_row():
    found = find_quantities("实施援疆项目 22 大项 47 小项")
    assert [(q.value, q.unit) for q in found] == [(22, "大项"), (47, "小项")]


def test_parse_quantity_errors_quote_text():
    with pytest.raises(QuantityError, match="no quantity in '第134届'"):
        parse_quantity("第134届")
    with pytest.raises(QuantityError, match=r"2 quantities in '5场，126个' \(5场, 126个\); expected one"):
        parse_quantity("5场，126个")
    with pytest.raises(QuantityError, match="expected text, got int"):
        parse_quantity(5)


def test_quantity_error_is_value_error():
    assert issubclass(QuantityError, ValueError)


def test_source_finds_every_quantity(clean):
    found = find_quantities(clean.text)
    assert len(found) == 74
    texts = {q.text for q in found}
    assert {"5.3亿元", "22大项", "47小项", "两次", "11672.82吨", "同比增长70%"[4:]} <= texts
    assert not any(q.text.startswith(("2023", "2024")) for q in found)


# ---- properties --------------------------------------------------------------
_MAGS = {"": 1, "万": 10_000, "亿": 10**8, "千": 1000, "百万": 10**6}
# 2023年 is a date; 块 before 。 is yuan (a word whose unit depends on the text: CONTEXT_WORDS)
_UNIT_WORDS = [u for u in UNITS if u not in ("%", "个百分点", "年", *CONTEXT_WORDS)]


def _qualifier_slots():
    before = [(w, q) for w, q in QUALIFIERS_BEFORE.items()]
    inside = list(QUALIFIERS_INSIDE.items())
    after = list(QUALIFIERS_AFTER.items())
    return st.one_of(
        st.just(("", "", "", "exact")),
        st.sampled_from(before).map(lambda wq: (wq[0], "", "", wq[1])),
        st.sampled_from(inside).map(lambda wq: ("", wq[0], "", wq[1])),
        st.sampled_from(after).map(lambda wq: ("", "", wq[0], wq[1])),
    )


@settings(max_examples=400, deadline=None)
@given(
    number=st.decimals(min_value=1, max_value=99999, places=2, allow_nan=False),
    mag=st.sampled_from(sorted(_MAGS)),
    unit=st.sampled_from(_UNIT_WORDS),
    slots=_qualifier_slots(),
    space=st.sampled_from(["", " "]),
)
def test_formatted_quantities_read_back(number, mag, unit, slots, space):
    pre, inside, post, qualifier = slots
    # 千米, 千克, 千瓦 are units of their own: 1千米 is 1 km (the same length as 1000 m)
    assume(not (mag and not inside and not space and mag[-1] + unit in UNIT_ALIASES | UNITS))
    digits = format(number.normalize(), "f")
    text = f"共{pre}{space}{digits}{space}{mag}{inside}{space}{unit}{post}。"
    q = parse_quantity(text)
    assert q.value == float(number * _MAGS[mag])
    if pre == "近" and unit in TIME_UNITS:
        qualifier = "exact"  # 近三年: the last three years, no hedge
    assert (q.unit, q.qualifier) == (unit, qualifier)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_parse_quantity_raises_only_quantity_error(text):
    with contextlib.suppress(QuantityError):
        parse_quantity(text)


# ---- absurd magnitudes and long runs ----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "1" + "万" * 300_000 + "元",  # raised decimal.Overflow
        "1" + "亿" * 40 + "元",  # gave inf
        "9" * 400 + "元",  # gave inf
        "共" + "1" + "亿" * 39 + "元",
    ],
)
def test_absurd_magnitude_is_not_a_quantity(text):
    assert find_quantities(text) == []
    with pytest.raises(QuantityError, match="no quantity"):
        parse_quantity(text)


def test_largest_magnitude_a_float_holds_is_kept():
    assert parse_quantity("1" + "亿" * 38 + "元").value == 1e304


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("0123456789.,万亿億千百十一二两元人 余多约第")), max_size=80))
def test_values_are_finite_unless_damaged(text):
    for q in find_quantities(text):
        assert math.isfinite(q.value) or q.damaged


def _cpu_seconds(text: str) -> float:
    best = math.inf
    for _ in range(3):
        t0 = time.process_time()
        find_quantities(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize(
    ("run", "count", "end"),
    [
        ("万", 3000, ""),
        (" ", 3000, ""),  # after a "1"
        ("1", 20_000, ""),
        ("十", 20_000, "元"),  # a range's low end split at every place: quadratic before atomic numbers
        ("1,", 12_000, "元"),  # a list of bare numbers copied at every member: quadratic
        ("1，", 12_000, ""),
    ],
)
def test_long_runs_do_not_backtrack(run, count, end):
    """A run of numerals or spaces took cubic time or worse (1,000 万: 42 s); now it is linear.

    No absolute time is asserted (a busy machine would make that flaky): four times the run
    must take less than 12 times as long (linear: 4; quadratic: 16; cubic: 64), measured
    again before a failure is believed.
    """
    head = "1" if run == " " else ""
    small, large = head + run * (count // 4) + end, head + run * count + end
    assert find_quantities(large) == []
    ratios = []
    for _ in range(3):
        ratios.append(_cpu_seconds(large) / max(_cpu_seconds(small), 1e-6))
        if ratios[-1] < 12:
            break
    assert min(ratios) < 12, f"{run!r} × {count}: 4× the run took {min(ratios):.0f}× as long"


def test_lone_surrogates_never_raise():
    # a surrogate next to a number marks it damaged, like U+FFFD
    (q,) = find_quantities("投入\ud83d5亿元")
    assert q.damaged and math.isnan(q.value)
    assert [q.value for q in find_quantities("共100人，\udc00")] == [100.0]


@pytest.mark.parametrize(
    ("text", "value", "high", "qualifier"),
    [
        # the left end takes only the right end's magnitudes larger than its own:
        # 三万 shares 亿, not 万亿 (3万亿, not 3亿亿)
        ("三万至五万亿元", 3_000_000_000_000, 5_000_000_000_000, "range"),
        ("一千到两千万元", 10_000_000, 20_000_000, "range"),
        # both ends equal after sharing 万: one amount, and 8500 stays 8500万 (it is
        # not the "从8500到3万元" case, where the shared low end would pass the high end)
        ("8500至8500万元", 85_000_000, None, "exact"),
        ("从8500到3万元", 8500, 30_000, "range"),
        # a vague left end (三四: 3 to 4, 几: 2 to 9) shares the magnitude from its low end
        ("三四至五六万元", 30_000, 60_000, "range"),
        ("两三至五万人", 20_000, 50_000, "range"),
        ("几至十几万元", 20_000, 190_000, "range"),
    ],
)
def test_range_shared_magnitude(text, value, high, qualifier):
    q = parse_quantity(text)
    assert (q.value, q.high, q.qualifier) == (value, high, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a character that makes 成 a word (成为, 成员) does not end other units
        ("有5人为此", 5, "人"),
        ("3吨果子", 3, "吨"),
        ("增加1万人年", 10_000, "人"),
    ],
)
def test_unit_before_cheng_word_suffix(text, value, unit):
    q = parse_quantity(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 上/过/破 only hedge a bare magnitude (上万人); before a written number they are
        # dropped and the quantity starts at the number itself
        ("上万人参加", [(10_000, "over", "上万人", 0)]),
        ("上5000人参加", [(5000, "exact", "5000人", 1)]),
        ("人数上5000人", [(5000, "exact", "5000人", 3)]),
        ("过50次", [(50, "exact", "50次", 1)]),
    ],
)
def test_bare_hedge_before_a_number(text, found):
    assert [(q.value, q.qualifier, q.text, q.start) for q in find_quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("23年3月", []),  # a year and a month: a date
        ("23年 12月", []),  # one space between still a date
        # a month only makes 年 a date within the next 4 characters: a duration ending a
        # paragraph stays a quantity when the next paragraph starts with a month
        ("服务期满3年\n\n12月起", [(3, "年", "3年")]),
        ("服务期满3年\n\n十二月起", [(3, "年", "3年")]),
    ],
)
def test_year_before_a_month(text, found):
    assert [(q.value, q.unit, q.text) for q in find_quantities(text)] == found
