"""Hedges, halves, multiples and lists of issue 22: tables of cases, one rule each.

The notation is :mod:`quantity_cases`; every odd case says why.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quantity_cases import check

import aidlib.quantities.chinese as chinese
from aidlib.quantities.chinese import find_quantities, parse_quantity

HEDGES = [
    ("72小时内", "72 小时 under"),  # 内 after a span of time: at most
    ("3个工作日内办结", "3 工作日 under"),
    ("48小时内完成", "48 小时 under"),
    ("三年内", "3 年 under"),
    ("一年内完成", "1 年 under"),  # 一 with a hedge counts: no article
    ("超过一年", "1 年 over"),
    ("3个内容", "3 个"),  # 内 starting a word (内容) is no hedge
    ("用时不到半小时", "0.5 小时 under"),
    ("千把人", "1000 人 about"),  # 把 after a bare magnitude: about
    ("万把元", "10000 元 about"),
    ("三把椅子", "-"),  # 把 after a digit is a counter (of chairs), not a hedge: no unit here
    ("翻了一番多", "2 倍 over ratio=2"),
    ("工作满5年以上", "5 年 over"),
    ("资金规模达到3000万元以上", "30000000 元 over"),
    ("累计完成投资超过100亿元", "10000000000 元 over"),
    ("持续时间1个多月", "1 个月 over"),
    ("近五年来", "5 年"),  # 近 before a span of time: the last five years, no hedge
    ("一年多来", "1 年 over"),  # 多 after a span of time: more than (and 一 counts)
    ("三年多时间", "3 年 over"),
    ("两天多", "2 天 over"),
    ("十多年", "10 年 over"),
    ("投资估算约为人民币壹亿贰仟万元", "120000000 元 about"),  # 约为: 为 between the hedge and the number
    ("约占三成", "30 % about"),
    ("超过了3万人", "30000 人 over"),
    ("项目最高补助不超过200万元", "2000000 元 under"),
    ("每家企业奖励最高不超过50万元", "500000 元 under per=家"),
    ("单笔贷款额度最高300万元", "3000000 元 under"),
    ("户均增收3000元以上", "3000 元 over per=户"),
    ("半年内完成", "0.5 年 under"),
]

HALVES = [
    ("两个半小时", "2.5 小时"),
    ("三个半月", "3.5 个月"),
    ("为期一年半", "1.5 年"),
    ("一个半月", "1.5 个月"),
    ("半年", "0.5 年"),
    ("半个月", "0.5 个月"),
    ("半小时", "0.5 小时"),
    ("历时三个半小时", "3.5 小时"),
    ("两个半月", "2.5 个月"),
    ("三成五", "35 %"),  # 成 then a digit: that many more percent
    ("七成五以上", "75 % over"),
    ("增长一倍半", "1.5 倍 ratio=2.5"),
    ("上半年", "-"),  # a period of the year
    ("下半年增长3%", "3 %"),
    ("半年报", "-"),  # a word: the half-year report
    ("一年半载", "-"),  # an idiom: a year or so
    ("半斤八两", "-"),  # an idiom
    ("超过一半", "50 % over"),
    ("近一半", "50 % under"),
    ("另一半", "-"),  # the other half: a person
    ("一半村", "-"),  # a village (the gazetteer)
]

MULTIPLES = [
    ("超过全国平均水平1倍", "1 倍 ratio=2"),  # exceeds the average by once: twice the average
    ("比上年多1倍", "1 倍 ratio=2"),
    ("比全国平均水平高1倍", "1 倍 ratio=2"),
    ("高出全省平均水平2倍", "2 倍 ratio=3"),
    ("是去年的2倍", "2 倍 ratio=2"),  # N times the base
    ("相当于全国平均水平的1.5倍", "1.5 倍 ratio=1.5"),
    ("总产值是上年的1.5倍", "1.5 倍 ratio=1.5"),
    ("超过去年的2倍", "2 倍 over ratio=2"),  # more than 2 times the base, not by 2 times
    ("增长超过1倍", "1 倍 over ratio=2"),  # a rise by more than once
    ("出口额增长了2倍", "2 倍 ratio=3"),
    ("收入翻了一番", "2 倍 ratio=2"),
    ("用户数翻两番", "4 倍 ratio=4"),
]

LISTS = [
    ("分别下降2.1%和3.4%", "-2.1 %; -3.4 %"),  # the fall reaches the member after 和
    ("分别下降2.1%、3.4%和5.6%", "-2.1 %; -3.4 %; -5.6 %"),
    ("分别增长5.6%和7.8%", "5.6 %; 7.8 %"),
    ("下降2.1%和增长3.4%", "-2.1 %; 3.4 %"),  # its own word: no fall carried over
    ("3万、5万和8万元", "30000 元; 50000 元; 80000 元"),  # members take the last word and magnitude
    ("分别提高1.2个和0.8个百分点", "1.2 个百分点; 0.8 个百分点"),  # 个 is 个百分点 cut short
    ("分别下降1.2个和0.6个百分点", "-1.2 个百分点; -0.6 个百分点"),
    ("3个和5个月", "3 个月; 5 个月"),
    ("一、二、三产业分别增长3%、5%和7%", "3 %; 5 %; 7 %"),
    ("培训农民3000人次和技术人员500人", "3000 人次; 500 人"),
    ("新建学校3所及幼儿园5所", "3 所; 5 所"),
    ("销售额1.2亿元与利润3000万元", "120000000 元; 30000000 元"),
    ("项目总投资12亿元，其中中央资金3亿元、地方配套2亿元", "1200000000 元; 300000000 元; 200000000 元"),
    ("2022年和2023年", "-"),  # years joined by 和 are no list of quantities
    ("1和2号线", "-"),
    ("同比分别下降3.1个、2.4个和1.9个百分点", "-3.1 个百分点; -2.4 个百分点; -1.9 个百分点"),
    ("增速分别回落2.3和1.5个百分点", "-2.3 个百分点; -1.5 个百分点"),
    ("其中，一、二、三季度分别增长4.5%、5.1%和5.6%", "4.5 %; 5.1 %; 5.6 %"),  # 三季度 is a quarter
    ("全县共有行政村156个、自然村823个", "156 个; 823 个"),
    ("出口增长1.8倍，进口增长2.3倍", "1.8 倍 ratio=2.8; 2.3 倍 ratio=3.3"),
]


@pytest.mark.parametrize(("text", "spec"), HEDGES + HALVES + MULTIPLES + LISTS)
def test_rules(text, spec):
    check(text, spec)


@settings(max_examples=200, deadline=None)
@given(
    numbers=st.lists(st.decimals(min_value="0.1", max_value=99, places=1), min_size=2, max_size=5),
    joins=st.lists(st.sampled_from(["、", "和", "及", "与", "，"]), min_size=4, max_size=4),
    fall=st.sampled_from(["下降", "减少", "回落"]),
)
def test_a_fall_reaches_every_member_of_its_list(numbers, joins, fall):
    parts = [f"{n}%" for n in numbers]
    text = "分别" + fall + parts[0] + "".join(j + p for j, p in zip(joins, parts[1:], strict=False))
    found = find_quantities(text)
    assert [q.value for q in found] == [-float(n) for n in numbers]  # no member lost, none invented


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 9), st.sampled_from(["小时", "月", "年"]))
def test_halves_add_half_a_unit(n, word):
    import cn2an

    unit, text = ("个月", f"{cn2an.an2cn(n)}个半月") if word == "月" else (word, None)
    if text is None:
        text = f"{cn2an.an2cn(n)}个半小时" if word == "小时" else f"{cn2an.an2cn(n)}年半"
    q = parse_quantity(f"为期{text}")
    assert (q.value, q.unit) == (n + 0.5, unit)


def test_only_a_multiple_has_a_ratio_and_a_comparative_needs_its_gap():
    assert parse_quantity("超过1倍").ratio == 1  # a hedge right before: more than once the base
    assert parse_quantity("超过全国1倍").ratio == 2
    assert math.isnan(chinese.find_quantities("超过全国\ufffd1倍")[0].value)  # damage still wins
