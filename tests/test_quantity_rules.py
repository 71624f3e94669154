"""The quantity rules of issue 11, one table of cases per rule, and properties of the parser."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from aidlib.quantities.chinese import (
    FALL_WORDS,
    NAME_WORDS,
    PLACE_SUFFIXES,
    UNITS,
    find_quantities,
    parse_quantity,
)
from aidlib.quantities.units import CONTEXT_WORDS


def _one(text):
    q = parse_quantity(text)
    assert q.unit_en == UNITS[q.unit]
    assert text[q.start : q.end] == q.text
    return q


def _all(text):
    return [(q.value, q.high, q.unit, q.qualifier) for q in find_quantities(text)]


# ---- direction: falls and negatives keep their sign -------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("-3.2%", -3.2, "%", "exact"),
        ("增速为−3.2%", -3.2, "%", "exact"),  # U+2212 minus
        ("同比－5%", -5, "%", "exact"),  # full-width hyphen-minus
        ("负3%", -3, "%", "exact"),
        ("下降3.2%", -3.2, "%", "exact"),
        ("同比下降了3.2%", -3.2, "%", "exact"),
        ("负增长3%", -3, "%", "exact"),
        ("减少5人", -5, "人", "exact"),
        ("减少了200户", -200, "户", "exact"),
        ("降低2个百分点", -2, "个百分点", "exact"),
        ("回落0.5个百分点", -0.5, "个百分点", "exact"),
        ("下滑三成", -30, "%", "exact"),
        ("同比下降百分之五", -5, "%", "exact"),
        ("下降约3%", -3, "%", "about"),  # a hedge bounds the size of the fall
        ("下降超过3%", -3, "%", "over"),
        ("增长70%", 70, "%", "exact"),
        ("下降到3%", 3, "%", "exact"),  # a level after the fall, not the fall
        ("降至5万元", 50_000, "元", "exact"),
        ("下降为3%", 3, "%", "exact"),  # 为: fell to
        ("同比下降达3%", -3, "%", "exact"),
        ("降幅3%", -3, "%", "exact"),  # words for the size of a fall
        ("跌幅达5%", -5, "%", "exact"),
    ],
)
def test_direction(text, value, unit, qualifier):
    q = _one(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)
    if value < 0:  # the span holds what makes it negative, so it reads back the same
        assert parse_quantity(q.text).value == value


def test_fall_bounds_and_list():
    assert parse_quantity("下降超过3%").bounds == (-math.inf, -3)
    assert parse_quantity("下降不到3%").bounds == (-3, 0)
    assert [q.value for q in find_quantities("分别下降3%、5%")] == [-3, -5]


@pytest.mark.parametrize("word", FALL_WORDS)
def test_every_fall_word(word):
    assert _one(f"同比{word}12%").value == -12


# ---- ranges: one quantity with low and high ----------------------------------------
@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("增长5%-10%", 5, 10, "%"),
        ("5-10%", 5, 10, "%"),
        ("3至5万元", 30_000, 50_000, "元"),  # the low end takes the magnitude
        ("3万至5万元", 30_000, 50_000, "元"),
        ("3万元至5万元", 30_000, 50_000, "元"),
        ("3个到5个", 3, 5, "个"),
        ("10到20万元", 100_000, 200_000, "元"),
        ("3~5天", 3, 5, "天"),
        ("3～5天", 3, 5, "天"),
        ("1.5—2亿元", 150_000_000, 200_000_000, "元"),
        ("三至五名", 3, 5, "名"),
        ("5、6个", 5, 6, "个"),  # two consecutive integers: five or six
        ("下降5%-10%", -10, -5, "%"),  # a falling range
        ("百分之五到百分之十", 5, 10, "%"),  # share words too
        ("三成至五成", 30, 50, "%"),
        ("5000万至1亿元", 50_000_000, 100_000_000, "元"),
        ("约5万—8万人", 50_000, 80_000, "人"),  # a hedge on a range is dropped: the range says it
    ],
)
def test_ranges(text, low, high, unit):
    q = _one(text)
    assert (q.value, q.high, q.unit, q.qualifier) == (low, high, unit, "range")
    assert q.bounds == (low, high)


@pytest.mark.parametrize("text", ["1-9月", "2020-2023年", "第1-3批", "3个到5人"])
def test_not_ranges(text):
    assert all(q.qualifier != "range" for q in find_quantities(text))


# ---- lists: several quantities; only an ASCII comma between groups of three is a separator
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人数分别为100，200人", [(100, "人"), (200, "人")]),
        ("300，500户", [(300, "户"), (500, "户")]),
        ("3、5、8个", [(3, "个"), (5, "个"), (8, "个")]),
        ("分别为1.2、3.4亿元", [(120_000_000, "元"), (340_000_000, "元")]),  # magnitude shared
        ("100, 200人", [(100, "人"), (200, "人")]),  # ASCII comma and space
        ("1,200、300人", [(1200, "人"), (300, "人")]),
        ("1,200人", [(1200, "人")]),  # thousands separator
        ("100,200人", [(100_200, "人")]),
        ("3人、5户", [(3, "人"), (5, "户")]),
        ("截至2023，共300人", [(300, "人")]),  # a year before a comma is no list member
        ("第一，3个乡镇", [(3, "个")]),  # a heading, then a quantity
    ],
)
def test_lists(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


def test_list_of_ordinals_is_not_quantities():
    assert find_quantities("第1、2批") == []


# ---- Chinese decimals, fractions and shares (every share in %) -----------------------
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("十五点三%", 15.3, "%"),
        ("百分之十五点三", 15.3, "%"),
        ("三点五亿元", 350_000_000, "元"),
        ("零点五吨", 0.5, "吨"),
        ("两成", 20, "%"),
        ("三成", 30, "%"),
        ("5成", 50, "%"),
        ("一成", 10, "%"),
        ("12.5‰", 1.25, "%"),
        ("千分之五", 0.5, "%"),
        ("万分之五", 0.05, "%"),
        ("三分之一", 100 / 3, "%"),
        ("1/3", 100 / 3, "%"),
        ("4分之3", 75, "%"),
        ("百分之七十", 70, "%"),
        ("翻一番", 2, "倍"),
        ("翻了一番", 2, "倍"),
        ("翻两番", 4, "倍"),
        ("翻番", 2, "倍"),
        ("增长了一倍", 1, "倍"),
        ("百分之百", 100, "%"),
    ],
)
def test_decimals_and_shares(text, value, unit):
    q = _one(text)
    assert (q.unit, q.qualifier) == (unit, "exact")
    assert q.value == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("text", ["2023/1/3", "12/5", "成员3名", "三点钟", "一成不变", "三五成群"])
def test_not_shares(text):
    assert all(q.unit != "%" for q in find_quantities(text))


# ---- vague magnitudes: bounded, never exact -----------------------------------------
@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("近千人", "under", 0, 1000),
        ("上百名", "over", 100, math.inf),
        ("上千万元", "over", 10_000_000, math.inf),
        ("超亿元", "over", 100_000_000, math.inf),
        ("逾万人", "over", 10_000, math.inf),
        ("百余人", "over", 100, math.inf),
        ("千余名", "over", 1000, math.inf),
        ("几百人", "range", 200, 900),
        ("数十家", "range", 20, 90),
        ("数百万元", "range", 2_000_000, 9_000_000),
        ("数千名", "range", 2000, 9000),
        ("几十万元", "range", 200_000, 900_000),
        ("十几个", "range", 11, 19),
        ("二十几名", "range", 21, 29),
        ("几个", "range", 2, 9),
        ("两三个", "range", 2, 3),
        ("三四十人", "range", 30, 40),
        ("七八百吨", "range", 700, 800),
        ("两三千人", "range", 2000, 3000),
        ("一两个", "range", 1, 2),
        ("三五个", "range", 3, 5),
        ("过万人", "over", 10_000, math.inf),
        ("不到一成", "under", 0, 10),
        ("增长了3倍多", "over", 3, math.inf),
        ("两成多", "over", 20, math.inf),
        ("近两成", "under", 0, 20),
        ("破亿元", "over", 100_000_000, math.inf),
        ("十余万人", "over", 100_000, math.inf),
    ],
)
def test_vague_magnitudes(text, qualifier, low, high):
    q = _one(text)
    assert q.qualifier == qualifier and q.qualifier != "exact"
    assert q.bounds == (low, high)


@pytest.mark.parametrize("text", ["百人团", "千人计划", "万元户", "万人空巷", "少数民族", "几乎"])
def test_bare_magnitudes_are_names(text):
    assert find_quantities(text) == []


# ---- names are not quantities ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "九台区",
        "七台河市",
        "三元里",
        "三人行",
        "五台山",
        "三元里村",
        "二人转",
        "一条龙服务",
        "八台镇",
        "九台北路",
        "三元东路",
    ],
)
def test_names(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("两个区", 2, "个"),  # 个 counts places
        ("三座城市", 3, "座"),
        ("用于10个乡镇", 10, "个"),
        ("五所学校", 5, "所"),
        ("三元钱", 3, "元"),
        ("三人参加", 3, "人"),
        ("3台区域设备", 3, "台"),  # Arabic digits are never a name
        ("三人进村", 3, "人"),  # one character between: a name only after 东西南北中新老大小上下前后
        ("三人赴县城", 3, "人"),
        ("三家公司", 3, "家"),
    ],
)
def test_counts_of_places_are_quantities(text, value, unit):
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("suffix", PLACE_SUFFIXES)
def test_every_place_suffix(suffix):
    assert find_quantities(f"来自九台{suffix}") == []


@pytest.mark.parametrize("word", NAME_WORDS)
def test_every_name_word(word):
    assert find_quantities(f"说{word}。") == []


# ---- currency ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("¥100", 100, "元"),
        ("￥100", 100, "元"),
        ("¥5万", 50_000, "元"),
        ("100 RMB", 100, "元"),
        ("100RMB", 100, "元"),
        ("CNY 300", 300, "元"),
        ("人民币5亿", 500_000_000, "元"),
        ("人民币5亿元", 500_000_000, "元"),
        ("100元人民币", 100, "元"),
        ("5美元", 5, "美元"),
        ("3万美元", 30_000, "美元"),
        ("$100", 100, "美元"),
        ("US$100", 100, "美元"),
        ("USD 100", 100, "美元"),
        ("100 USD", 100, "美元"),
        ("100美金", 100, "美元"),
    ],
)
def test_currency(text, value, unit):
    q = _one(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, "exact")


# ---- old guarantees hold with the new rules -----------------------------------------------
@pytest.mark.parametrize("text", ["下降\ufffd3%", "3至\ufffd5万元", "1\ufffd00，200人"])
def test_damage_still_wins(text):
    found = find_quantities(text)
    assert found and any(q.damaged and math.isnan(q.value) for q in found)


# ---- properties ------------------------------------------------------------------------
# 2023年 is a date; 块 before 。 is yuan (a word whose unit depends on the text: CONTEXT_WORDS)
_PLAIN_UNITS = [u for u in UNITS if u not in ("%", "个百分点", "元", "美元", "年", *CONTEXT_WORDS)]


_NUMBERISH = "0123456789.,，、-~至到百千万亿点分之翻番成‰%¥$第几数上近余多个人元年月下降减少区市里 "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_NUMBERISH)))
def test_never_raises_on_numberish_text(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.qualifier in ("exact", "over", "about", "under", "range")
        if q.qualifier == "range" and not q.damaged:
            assert q.value <= q.high


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    find_quantities(text)


@settings(max_examples=300, deadline=None)
@given(
    numbers=st.lists(st.integers(1, 10**6), min_size=1, max_size=6),
    sep=st.sampled_from(["，", "、", "， ", ", "]),
    unit=st.sampled_from(_PLAIN_UNITS),
)
def test_list_of_n_numbers_gives_n_quantities(numbers, sep, unit):
    assume(not any(1900 <= n <= 2100 for n in numbers[:-1]))  # a bare year before a comma: no member
    if sep == "、" and len(numbers) == 2 and numbers[1] == numbers[0] + 1:
        numbers[1] += 1  # 5、6个 is "five or six": a range, tested above
    text = "分别为" + sep.join(str(n) for n in numbers) + unit + "。"
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(n, unit) for n in numbers]


@settings(max_examples=300, deadline=None)
@given(
    low=st.decimals(min_value=0, max_value=9999, places=1, allow_nan=False),
    width=st.decimals(min_value="0.1", max_value=9999, places=1, allow_nan=False),
    mark=st.sampled_from(["-", "~", "至", "到"]),
    mag=st.sampled_from(["", "万", "亿"]),
    unit=st.sampled_from(_PLAIN_UNITS),
    fall=st.booleans(),
)
def test_range_round_trips(low, width, mark, mag, unit, fall):
    scale = {"": 1, "万": 10_000, "亿": 10**8}[mag]
    high = low + width
    text = f"{'下降' if fall else '达'}{low.normalize():f}{mark}{high.normalize():f}{mag}{unit}。"
    q = parse_quantity(text)
    sign = -1 if fall else 1
    ends = sorted((sign * float(low * scale), sign * float(high * scale)))
    assert (q.value, q.high, q.unit, q.qualifier) == (ends[0], ends[1], unit, "range")
    assert parse_quantity(q.text).bounds == q.bounds


@settings(max_examples=300, deadline=None)
@given(
    number=st.decimals(min_value="0.01", max_value=99999, places=2, allow_nan=False),
    unit=st.sampled_from(_PLAIN_UNITS),
)
def test_fall_round_trips(number, unit):
    q = parse_quantity(f"同比减少{number.normalize():f}{unit}")
    assert q.value == -float(number)
    assert parse_quantity(q.text).value == q.value


# ---- fresh-eyes cases: letters, English scales, areas, 〇 digits, 负 in words, reversed ranges
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1e5元", []),  # an exponent: 5 after a letter starts no quantity (read 5 元)
        ("型号A5台", []),  # a model code
        ("V2次", []),
        ("COVID-19例", []),  # a hyphen after a letter is no minus sign
        ("RMB5亿元", [(5e8, None, "元", "exact")]),  # currency prefixes still read
        ("US$5", [(5, None, "美元", "exact")]),
        ("CNY 100", [(100, None, "元", "exact")]),
        ("投入 5 万元", [(5e4, None, "元", "exact")]),
    ],
)
def test_no_quantity_starts_after_a_letter(text, expected):
    assert _all(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US$5 million", [(5e6, None, "美元", "exact")]),  # read 5 美元, "million" dropped
        ("RMB 3.2 billion", [(3.2e9, None, "元", "exact")]),
        ("$2 Billion", [(2e9, None, "美元", "exact")]),  # case-insensitive
        ("US$3-5 million", [(3e6, 5e6, "美元", "range")]),  # both ends take the scale
        ("5 millions美元", []),  # not the word million: the 5 is left alone
    ],
)
def test_english_scale_words_after_a_number(text, expected):
    assert _all(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("5平方公里", 5, "平方公里"),  # was dropped: no such unit
        ("占地120公顷", 120, "公顷"),
        ("3平方米", 3, "平方米"),  # the longer words do not eat the shorter ones
        ("10公里", 10, "公里"),
    ],
)
def test_area_units(text, value, unit):
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一〇〇人", [(100, None, "人", "exact")]),  # digit by digit, was dropped
        ("三〇五户", [(305, None, "户", "exact")]),
        ("一〇人", [(10, None, "人", "exact")]),
        ("二〇二三年", []),  # a year: 年 is no measure word
        ("二〇二三年投入五亿元", [(5e8, None, "元", "exact")]),  # the year stays out
        ("一百零五人", [(105, None, "人", "exact")]),  # 零 with magnitudes: the usual reading
    ],
)
def test_digit_by_digit_numerals(text, expected):
    assert _all(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("减负3成", [(30, None, "%", "exact")]),  # 减负 (reduce burdens) is a word: no minus (was −30)
        ("肩负5项使命", [(5, None, "项", "exact")]),
        ("担负3项任务", [(3, None, "项", "exact")]),
        ("胜负3场", [(3, None, "场", "exact")]),
        ("负3%", [(-3, None, "%", "exact")]),  # a minus sign at the start
        ("增速为负3%", [(-3, None, "%", "exact")]),  # 为负: a sign
        ("减少3成", [(-30, None, "%", "exact")]),  # a fall word still falls
    ],
)
def test_fu_in_words_is_no_sign(text, expected):
    assert _all(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "5至3万元",  # reversed: not read as 3–5 万 (由5万元降至3万元 would be misread)
        "5万元至3万元",
        "2020-5人",  # a code or date part
    ],
)
def test_reversed_ranges_are_left_out(text):
    assert _all(text) == []
