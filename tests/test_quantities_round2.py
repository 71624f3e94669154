"""The quantity rules of issue 16, one table of cases per rule, and properties of the parser."""

from __future__ import annotations

import decimal
import gc
import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aidlib.quantities.chinese import (
    CURRENCIES,
    UNIT_TABLE,
    UNITS,
    QuantityError,
    QuantityTypeError,
    find_quantities,
    parse_quantity,
)
from aidlib.quantities.english import find_english_quantities, parse_english_quantity
from aidlib.quantities.numerals import read_numeral


def _one(text):
    q = parse_quantity(text)
    assert text[q.start : q.end] == q.text
    assert q.unit_en == UNITS[q.unit]
    return q


def _all(text):
    return [(q.value, q.high, q.unit, q.qualifier) for q in find_quantities(text)]


# ---- compound numbers: one number, whatever the script ------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("2亿3000万元", 230_000_000, "元", "exact"),
        ("1万2千元", 12_000, "元", "exact"),
        ("1亿零500万元", 105_000_000, "元", "exact"),  # 零 holds a place
        ("2万5千余人", 25_000, "人", "over"),  # the hedge after the whole number
        ("12万3456人", 123_456, "人", "exact"),
        ("三亿五千万元", 350_000_000, "元", "exact"),
        ("3亿5千万美元", 350_000_000, "美元", "exact"),
        ("1.2万亿元", 1_200_000_000_000, "元", "exact"),
        ("一百十六人", 116, "人", "exact"),  # colloquial: 十 without 一 after 百
        ("三万五人", 35_000, "人", "exact"),  # a trailing digit is one step below 万
        ("一千五百元", 1500, "元", "exact"),
        ("一千五元", 1500, "元", "exact"),
        ("三点五零元", 3.5, "元", "exact"),  # a Chinese decimal with a trailing zero
        ("一百〇五户", 105, "户", "exact"),  # 〇 inside a positional numeral
        ("一〇二户", 102, "户", "exact"),  # a digit-by-digit run
        ("廿五人", 25, "人", "exact"),
        ("卅人", 30, "人", "exact"),
        ("约2亿3000万元", 230_000_000, "元", "about"),
    ],
)
def test_compound_numbers(text, value, unit, qualifier):
    q = _one(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("一千零五十", 1050),
        ("两千", 2000), ("十万", 100_000), ("百万", 1_000_000), ("一亿五", 150_000_000),
        ("1万亿", 10**12), ("一〇〇", 100), ("二〇二三", 2023), ("三点一四", 3.14),
    ],
)  # fmt: skip
def test_read_numeral(numeral, value):
    assert read_numeral(numeral) == decimal.Decimal(str(value))


@pytest.mark.parametrize("numeral", ["十四五", "三三", "三十百", "亿万", "两三", ""])
def test_not_one_number(numeral):
    assert read_numeral(numeral) is None  # a name (十四五), a vague pair (两三), malformed


# ---- magnitudes alone, and ranges sharing a magnitude ---------------------------------
@pytest.mark.parametrize(
    ("text", "value", "high", "unit", "qualifier"),
    [
        ("投资十万元", 100_000, None, "元", "exact"),  # 十万 alone is a number, no hedge needed
        ("十亿元", 10**9, None, "元", "exact"),
        ("十万人", 100_000, None, "人", "exact"),
        ("百万人", 10**6, None, "人", "exact"),
        ("三至五万元", 30_000, 50_000, "元", "range"),
        ("两到三万元", 20_000, 30_000, "元", "range"),
        ("一千到两千万元", 10**7, 2 * 10**7, "元", "range"),  # the left takes only 万
        ("三至五千万元", 3 * 10**7, 5 * 10**7, "元", "range"),
        ("五千至两万元", 5000, 20_000, "元", "range"),  # 五千万 would pass 两万: not shared
        ("从8500到3万元", 8500, 30_000, "元", "range"),  # 8500万 would pass 3万: read as written
        ("2——3万元", 20_000, 30_000, "元", "range"),  # a dash of any length
        ("2—3万元", 20_000, 30_000, "元", "range"),
        ("3万（含）-5万元", 30_000, 50_000, "元", "range"),  # the dash is no minus sign
        ("3万(含)-5万元", 30_000, 50_000, "元", "range"),
        ("50万元（含）以上", 500_000, None, "元", "over"),  # the mark keeps the hedge
        ("50万元以下（含）", 500_000, None, "元", "under"),
        ("3或4个", 3, 4, "个", "range"),  # "or" between two numbers: a range
        ("计划3至5年", 3, 5, "年", "range"),
    ],
)
def test_magnitudes_and_ranges(text, value, high, unit, qualifier):
    q = _one(text)
    assert (q.value, q.high, q.unit, q.qualifier) == (value, high, unit, qualifier)


@pytest.mark.parametrize("text", ["5至3万元", "2020-5人", "百人团", "万元户", "千人计划"])
def test_still_not_quantities(text):
    assert find_quantities(text) == []  # reversed ranges, bare magnitudes (names)


# ---- currencies: each its own unit, never converted ------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("港元3000", 3000, "港元"),
        ("3000港元", 3000, "港元"),
        ("港币3000元", 3000, "港元"),  # a currency before a number with 元 names the currency
        ("1000元港币", 1000, "港元"),  # ... and after it
        ("HK$300", 300, "港元"),
        ("5万台币", 50_000, "新台币"),  # not 5万 台 (machines)
        ("新台币5万元", 50_000, "新台币"),
        ("100日元", 100, "日元"),
        ("50欧元", 50, "欧元"),
        ("€50", 50, "欧元"),
        ("£30", 30, "英镑"),
        ("1000卢布", 1000, "卢布"),
        ("售价100日元", 100, "日元"),
        ("人民币5亿元", 500_000_000, "元"),
        ("100块钱", 100, "元"),
        ("US$5 million", 5_000_000, "美元"),
        ("100美金", 100, "美元"),
        ("3元5角", 3.5, "元"),  # 角 and 分 add to the yuan
        ("3元5角2分", 3.52, "元"),
        ("两个亿元", 200_000_000, "元"),  # 两个亿 is 2亿
    ],
)
def test_currencies(text, value, unit):
    q = _one(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, "exact")
    assert UNIT_TABLE[unit].kind == "currency"


def test_every_currency_is_its_own_unit_with_an_english_name():
    for c in CURRENCIES:
        assert UNITS[c.unit] == c.english and UNIT_TABLE[c.unit].kind == "currency"
        for word in c.after:
            if not word.isascii():
                assert _one(f"共100{word}").unit == c.unit, word


@pytest.mark.parametrize("text", ["1月1日元旦", "15日元宵节", "$5港元"])
def test_not_currencies(text):
    assert find_quantities(text) == []  # a date before 元旦; two currencies for one number


# ---- 近 and its kin: at most ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "bounds", "qualifier"),
    [
        ("近万名", (0, 10_000), "under"),  # approaching, not yet reached
        ("近七成", (0, 70), "under"),
        ("将近3000人", (0, 3000), "under"),
        ("接近5亿元", (0, 500_000_000), "under"),
        ("近100万人次", (0, 1_000_000), "under"),
        ("近三年来", (3, 3), "exact"),  # 近 + a span of time: the last three years
        ("近3个月", (3, 3), "exact"),
        ("约5万人", (50_000, 50_000), "about"),  # about: the stated value, marked approximate
        ("3000人左右", (3000, 3000), "about"),
    ],
)
def test_near_is_at_most(text, bounds, qualifier):
    q = _one(text)
    assert (q.bounds, q.qualifier) == (bounds, qualifier)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("nearly 120 billion yuan", "under"),
        ("almost 5 percent", "under"),
        ("close to 3 million yuan", "under"),
        ("about 3 million yuan", "about"),
    ],
)
def test_english_near_is_at_most(text, qualifier):
    assert parse_english_quantity(text).qualifier == qualifier


# ---- multiples: one ratio to the base --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "ratio", "qualifier"),
    [
        ("是去年的2倍", 2, 2, "exact"),  # N times the base
        ("增长了1.5倍", 1.5, 2.5, "exact"),  # grew by 1.5 times: 2.5 times the base (common reading)
        ("增长1.5倍", 1.5, 2.5, "exact"),
        ("增加了近2倍", 2, 3, "under"),
        ("提高3倍", 3, 4, "exact"),
        ("增长到2倍", 2, 2, "exact"),  # grew *to* 2 times: a level
        ("翻一番", 2, 2, "exact"),  # doubled: 2^1
        ("翻了一番", 2, 2, "exact"),
        ("翻两番", 4, 4, "exact"),
        ("翻番", 2, 2, "exact"),
    ],
)
def test_multiples(text, value, ratio, qualifier):
    q = _one(text)
    assert (q.value, q.unit, q.ratio, q.qualifier) == (value, "倍", ratio, qualifier)
    assert _one(q.text).ratio == ratio  # the span keeps the growth word: it reads back the same


def test_only_multiples_have_a_ratio():
    assert _one("增长70%").ratio is None and _one("3000人").ratio is None


# ---- spans of time --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工作3年", [(3, None, "年", "exact")]),
        ("连续两年", [(2, None, "年", "exact")]),
        ("1个多月", [(1, None, "个月", "over")]),
        ("10多年", [(10, None, "年", "over")]),
        ("两周", [(2, None, "周", "exact")]),
        ("用时3天", [(3, None, "天", "exact")]),
        ("2023年", []),  # dates
        ("2021-2023年", []),
        ("投资1亿2023年完成", []),  # an amount, then a year: no compound
        ("2021、2022年", []),
        ("二〇二三年", []),
        ("23年3月", []),
        ("年底", []),
        ("8月", []),
        ("三年级", []),
        ("80年代", []),
    ],
)
def test_spans_of_time(text, expected):
    assert _all(text) == expected


# ---- slash fractions: shares, not dates ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/25前", []),
        ("6/30", []),
        ("截至6/30", []),
        ("1/3", [(pytest.approx(100 / 3), None, "%", "exact")]),
        ("占2/5", [(40, None, "%", "exact")]),
        ("3/10的人口", [(30, None, "%", "exact")]),
        ("百分之三十到四十", [(30, 40, "%", "range")]),  # the second number shares 百分之
        ("下降百分之五至十", [(-10, -5, "%", "range")]),
        ("百分之五到百分之十", [(5, 10, "%", "range")]),
    ],
)
def test_slash_fractions(text, expected):
    assert _all(text) == expected


# ---- robustness ---------------------------------------------------------------------------
_HUGE = "9" * 100_000


@pytest.mark.parametrize(
    "text",
    [
        _HUGE + "元",
        "3-" + _HUGE + "元",
        "下降" + _HUGE + "%",
        "-" + _HUGE + "%",
        "百分之" + _HUGE,
        "US$" + _HUGE + " trillion",
        _HUGE + "亿元",
        "3万" + _HUGE + "元",
        "1" + "万" * 2000 + "元",
    ],
)
def test_absurd_magnitudes_are_quantity_errors(text):
    with pytest.raises(QuantityError, match="no quantity"):
        parse_quantity(text)


def test_english_absurd_magnitudes():
    assert find_english_quantities("9" * 400 + " yuan") == []
    assert find_english_quantities("US$" + "9" * 400 + " trillion") == []


@pytest.mark.parametrize("bad", [None, b"300\xe4\xba\xba", 300, ["300人"]])
def test_non_text_is_a_type_error(bad):
    for reader in (find_quantities, parse_quantity, find_english_quantities, parse_english_quantity):
        with pytest.raises(TypeError, match=f"expected text.*got {type(bad).__name__}"):
            reader(bad)
    assert issubclass(QuantityTypeError, QuantityError)


def _cpu_seconds(text: str) -> float:
    """The best of three CPU times of one reading (this process only: the neighbours' load is not counted)."""
    best = math.inf
    for _ in range(3):
        gc.disable()
        try:
            t0 = time.process_time()
            find_quantities(text)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def _growth(run: str, extra: str, small: int, factor: int) -> float:
    """How much longer a text ``factor`` times as long takes: ~factor if linear, ~factor² if quadratic."""
    return _cpu_seconds(run * (small * factor) + extra) / max(_cpu_seconds(run * small + extra), 1e-9)


@settings(max_examples=8, deadline=None)
@given(
    run=st.sampled_from(
        ["1", "一", "十", "万", "1、", "1和", "3至", "-", "近", "一百", "1，000", "每", "最高", "壹"]
    ),
    extra=st.sampled_from(["http://x.cn/a/b", "三分之一", "翻一番", "12/25", "百分之五", "一半"]),
)
def test_linear_in_the_input(run, extra):
    # Eight times the text (a long run and a share word, slash or 番 beside it) takes about
    # eight times as long; quadratic would take 64 times. No absolute time is asserted: only
    # the ratio of two CPU times, bounded at 3× the linear one and measured again before a
    # failure is believed (a busy machine slows both sizes alike, a rare hiccup one of them).
    ratios = []
    for _ in range(3):
        ratios.append(_growth(run, extra, 1000, 8))
        if ratios[-1] < 24:
            break
    assert min(ratios) < 24, f"{run!r}×n + {extra!r}: 8× the text took {min(ratios):.0f}× as long"


# ---- properties of the numeral reader and of compounds ------------------------------------
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**12 - 1))
def test_chinese_numerals_read_back(n):
    import cn2an

    assert read_numeral(cn2an.an2cn(n)) == n  # 一千零五十, 十二万三千四百五十六 ...


@settings(max_examples=300, deadline=None)
@given(
    yi=st.integers(1, 9999),
    wan=st.integers(0, 9999),
    ones=st.integers(0, 9999),
    unit=st.sampled_from(["元", "人", "美元"]),
)
def test_mixed_compounds_read_back(yi, wan, ones, unit):
    # 2亿3000万, 1亿零500万, 3亿2000万零15: 零 keeps the last part from reading as spoken
    # (1亿5 would be 1.5亿)
    text = f"{yi}亿" + (f"{wan}万" if wan else "") + (f"零{ones}" if ones else "")
    q = _one(f"共{text}{unit}")
    assert q.value == yi * 10**8 + wan * 10**4 + ones


@settings(max_examples=200, deadline=None)
@given(
    low=st.integers(1, 8),
    width=st.integers(1, 8),
    mag=st.sampled_from(["万", "亿", "千万"]),
    cn=st.booleans(),
    mark=st.sampled_from(["至", "到", "-", "——", "~"]),
)
def test_ranges_share_the_magnitude(low, width, mag, cn, mark):
    import cn2an

    high = min(low + width, 9)
    lo, hi = (cn2an.an2cn(low), cn2an.an2cn(high)) if cn else (str(low), str(high))
    q = _one(f"投资{lo}{mark}{hi}{mag}元")
    scale = {"万": 10**4, "亿": 10**8, "千万": 10**7}[mag]
    assert (q.value, q.high, q.qualifier) == (low * scale, high * scale, "range")


_TOKENS = [
    "1", "0", "9", "2023", ".", "一", "两", "十", "百", "千", "万", "亿", "零", "〇", "廿", "卅", "点",
    "元", "角", "分", "年", "个", "个月", "多", "余", "倍", "番", "翻", "增长了", "是", "的", "近", "约",
    "至", "到", "或", "-", "——", "（含）", "以上", "/", "分之", "港币", "港元", "台币", "日元", "€", "HK$",
    "US$", " million", "五家渠", "十三间房", "屋", "前", "月", "、", "，", "下降", "9" * 400,
]  # fmt: skip


@settings(max_examples=250, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=14))
def test_any_mix_of_the_new_words_reads_cleanly(tokens):
    text = "".join(tokens)
    for q in find_quantities(text):  # never raises
        assert text[q.start : q.end] == q.text
        assert q.unit in UNITS and q.unit_en == UNITS[q.unit]
        assert math.isnan(q.value) or math.isfinite(q.value)
        assert q.high is None or math.isfinite(q.high)
        assert q.ratio is None or (q.unit == "倍" and q.ratio >= q.value)  # only multiples; N+1 or N
        low, high = q.bounds
        assert math.isnan(low) or low <= high
